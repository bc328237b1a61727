package io.shebao.internal.facts;

import java.time.LocalDate;
import java.util.Map;

/**
 * 事项核验请求: the item being checked, the application date and the caller's facts (typed by the item's fact
 * specification before they get here: Boolean, Integer, BigDecimal, LocalDate, YearMonth or String).
 * Rules read facts with {@link #flag}, {@link #count}, {@link #rate}, {@link #date}, {@link #month} and
 * {@link #text}; {@link #has} tells an optional fact that was not given.
 */
public final class ServiceRequest {
    private final String code;
    private final LocalDate appliedOn;
    private final Map<String, Object> facts;

    public ServiceRequest(String code, LocalDate appliedOn, Map<String, Object> facts) {
        this.code = code;
        this.appliedOn = appliedOn;
        this.facts = Map.copyOf(facts);
    }

    public String getCode() {
        return code;
    }

    public LocalDate getAppliedOn() {
        return appliedOn;
    }

    public java.time.YearMonth getAppliedMonth() {
        return java.time.YearMonth.from(appliedOn);
    }

    public boolean has(String name) {
        return facts.containsKey(name);
    }

    public boolean flag(String name) {
        return (Boolean) require(name);
    }

    public int count(String name) {
        return (Integer) require(name);
    }

    public java.math.BigDecimal rate(String name) {
        return (java.math.BigDecimal) require(name);
    }

    public LocalDate date(String name) {
        return (LocalDate) require(name);
    }

    public java.time.YearMonth month(String name) {
        return (java.time.YearMonth) require(name);
    }

    public String text(String name) {
        return (String) require(name);
    }

    /** Whole years of age at the application month for a birth month fact (周岁, counted by month). */
    public int ageYears(String birthFact) {
        java.time.YearMonth b = month(birthFact);
        java.time.YearMonth a = getAppliedMonth();
        int months = (a.getYear() - b.getYear()) * 12 + a.getMonthValue() - b.getMonthValue();
        return Math.floorDiv(months, 12);
    }

    private Object require(String name) {
        Object v = facts.get(name);
        if (v == null) {
            throw new IllegalStateException("rule read fact '" + name + "' of " + code + " that was not given");
        }
        return v;
    }

    @Override
    public String toString() {
        return "ServiceRequest[" + code + " " + appliedOn + " " + facts + "]";
    }
}
