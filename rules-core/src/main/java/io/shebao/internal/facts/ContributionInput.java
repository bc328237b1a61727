package io.shebao.internal.facts;

import java.math.BigDecimal;
import java.time.YearMonth;

/** The contribution request as the rules see it. Null wage or base means "not given". */
public final class ContributionInput {
    private final String region;
    private final YearMonth period;
    private final BigDecimal wage;
    private final BigDecimal suppliedBase;
    private final int riskClass;
    private final BigDecimal floatFactor;
    private final String unitKind;
    private final boolean flexible;
    private final YearMonth birthMonth;
    private final String sex;

    public ContributionInput(String region, YearMonth period, BigDecimal wage, BigDecimal suppliedBase,
                             int riskClass, BigDecimal floatFactor) {
        this(region, period, wage, suppliedBase, riskClass, floatFactor, null);
    }

    /** @param unitKind 参保单位类型 code ({@code sme}, {@code large}…), or null when not given */
    public ContributionInput(String region, YearMonth period, BigDecimal wage, BigDecimal suppliedBase,
                             int riskClass, BigDecimal floatFactor, String unitKind) {
        this(region, period, wage, suppliedBase, riskClass, floatFactor, unitKind, false, null, null);
    }

    /**
     * @param flexible   a flexible worker (灵活就业人员) rather than an employee
     * @param birthMonth 出生年月 or null; with {@code sex} for the enrolment-age check
     * @param sex        {@code male} or {@code female}, or null
     */
    public ContributionInput(String region, YearMonth period, BigDecimal wage, BigDecimal suppliedBase,
                             int riskClass, BigDecimal floatFactor, String unitKind, boolean flexible,
                             YearMonth birthMonth, String sex) {
        this.unitKind = unitKind;
        this.flexible = flexible;
        this.birthMonth = birthMonth;
        this.sex = sex;
        this.region = region;
        this.period = period;
        this.wage = wage;
        this.suppliedBase = suppliedBase;
        this.riskClass = riskClass;
        this.floatFactor = floatFactor;
    }

    public String getRegion() {
        return region;
    }

    public YearMonth getPeriod() {
        return period;
    }

    public BigDecimal getWage() {
        return wage;
    }

    public BigDecimal getSuppliedBase() {
        return suppliedBase;
    }

    public boolean isBaseSupplied() {
        return suppliedBase != null;
    }

    /** Risk class 1–8, or 0 when none was given. */
    public int getRiskClass() {
        return riskClass;
    }

    public String getRiskClassKey() {
        return String.valueOf(riskClass);
    }

    /** The float grade as a factor (100% → 1.00). */
    public BigDecimal getFloatFactor() {
        return floatFactor;
    }

    /** 参保单位类型 code, e.g. {@code sme}, or null when the caller gave none. */
    public String getUnitKind() {
        return unitKind;
    }

    /** 灵活就业人员: pays alone, on a base chosen within the limits. */
    public boolean isFlexible() {
        return flexible;
    }

    public YearMonth getBirthMonth() {
        return birthMonth;
    }

    public String getSex() {
        return sex;
    }

    /** Age in whole months at the start of the period, or -1 without a birth month. */
    public int getAgeMonths() {
        return birthMonth == null ? -1 : (int) java.time.temporal.ChronoUnit.MONTHS.between(birthMonth, period);
    }
}
