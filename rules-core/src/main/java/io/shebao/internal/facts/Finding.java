package io.shebao.internal.facts;

import io.shebao.retirement.ConditionStatus;
import io.shebao.trace.Message;

import java.time.YearMonth;

/**
 * What a retirement rule concluded about one element, with its words in Chinese and English.
 * Topics: {@code reason} (the main answer), {@code note}, {@code warning}, {@code option:<kind>},
 * {@code flexible}, {@code request}, {@code early:<kind>}, {@code transfer}.
 * Its status is set for conditions and options (MET = available) and null for plain reasons; its month is a
 * month the finding names (option month, age reached) or null; its months a number of months it names
 * (extension, lump sum) or 0.
 */
public final class Finding {
    private final String topic;
    private final String code;
    private final ConditionStatus status;
    private final YearMonth month;
    private final int months;
    private final Message message;
    private String ruleId = "";

    public Finding(String topic, String code, ConditionStatus status, YearMonth month, int months, String zh, String en) {
        this.topic = topic;
        this.code = code;
        this.status = status;
        this.month = month;
        this.months = months;
        this.message = new Message(code, zh, en);
    }

    public static Finding reason(String topic, String code, String zh, String en) {
        return new Finding(topic, code, null, null, 0, zh, en);
    }

    public static Finding condition(String topic, String code, boolean met, String zh, String en) {
        return new Finding(topic, code, met ? ConditionStatus.MET : ConditionStatus.NOT_MET, null, 0, zh, en);
    }

    public static Finding toVerify(String topic, String code, String zh, String en) {
        return new Finding(topic, code, ConditionStatus.TO_VERIFY, null, 0, zh, en);
    }

    public static Finding option(String topic, boolean available, YearMonth month, int months, String zh, String en) {
        return new Finding(topic, topic.substring(topic.indexOf(':') + 1).toUpperCase().replace('-', '_'),
                available ? ConditionStatus.MET : ConditionStatus.NOT_MET, month, months, zh, en);
    }

    /** Stamps the {@code @id} of the rule that concluded this: {@code .by(drools.getRule())} in a RHS. */
    public Finding by(org.kie.api.definition.rule.Rule rule) {
        Object v = rule.getMetaData().get("id");
        String s = v == null ? rule.getName() : v.toString();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        this.ruleId = s;
        return this;
    }

    public String getTopic() {
        return topic;
    }

    public String getCode() {
        return code;
    }

    public ConditionStatus getStatus() {
        return status;
    }

    public YearMonth getMonth() {
        return month;
    }

    public int getMonths() {
        return months;
    }

    public Message getMessage() {
        return message;
    }

    public String getRuleId() {
        return ruleId;
    }
}
