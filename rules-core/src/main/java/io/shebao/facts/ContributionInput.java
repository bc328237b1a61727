package io.shebao.facts;

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

    public ContributionInput(String region, YearMonth period, BigDecimal wage, BigDecimal suppliedBase,
                             int riskClass, BigDecimal floatFactor) {
        this(region, period, wage, suppliedBase, riskClass, floatFactor, null);
    }

    /** @param unitKind 参保单位类型 code ({@code sme}, {@code large}…), or null when not given */
    public ContributionInput(String region, YearMonth period, BigDecimal wage, BigDecimal suppliedBase,
                             int riskClass, BigDecimal floatFactor, String unitKind) {
        this.unitKind = unitKind;
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
}
