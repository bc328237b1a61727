package io.shebao.internal.facts;

import io.shebao.certificate.ChargeScope;
import io.shebao.certificate.MonthKind;
import io.shebao.trace.Message;

import java.time.YearMonth;

/**
 * A certificate rule's verdict on a span of one person's months: charged now, back-paid, needing approval,
 * refundable or not charged, with the reason in words and the rule's {@code @id}.
 */
public final class MonthDecision {
    private final MonthKind kind;
    private final YearMonth from;
    private final YearMonth to;
    private final ChargeScope scope;
    private final Message message;
    private String ruleId = "";

    public MonthDecision(MonthKind kind, YearMonth from, YearMonth to, ChargeScope scope, String code, String zh, String en) {
        this.kind = kind;
        this.from = from;
        this.to = to;
        this.scope = scope;
        this.message = new Message(code, zh, en);
    }

    /** Stamps the {@code @id} of the deciding rule: {@code .by(drools.getRule())} in a RHS. */
    public MonthDecision by(org.kie.api.definition.rule.Rule rule) {
        Object v = rule.getMetaData().get("id");
        String s = v == null ? rule.getName() : v.toString();
        this.ruleId = s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
        return this;
    }

    public MonthKind getKind() {
        return kind;
    }

    public YearMonth getFrom() {
        return from;
    }

    public YearMonth getTo() {
        return to;
    }

    public ChargeScope getScope() {
        return scope;
    }

    public Message getMessage() {
        return message;
    }

    public String getRuleId() {
        return ruleId;
    }
}
