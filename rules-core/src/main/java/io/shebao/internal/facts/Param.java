package io.shebao.internal.facts;

import io.shebao.parameter.ParameterValue;

import java.math.BigDecimal;
import java.util.List;

/** A dated parameter value in force for the evaluation's region and period, as a fact. */
public final class Param {
    private final ParameterValue value;
    private final boolean carriedForward;

    public Param(ParameterValue value, boolean carriedForward) {
        this.value = value;
        this.carriedForward = carriedForward;
    }

    public String getId() {
        return value.id();
    }

    public String getKey() {
        return value.key();
    }

    public BigDecimal getDecimal() {
        return value.decimal();
    }

    public int getInteger() {
        return value.integer();
    }

    public String getText() {
        return value.text();
    }

    public List<BigDecimal> getDecimals() {
        return value.decimals();
    }

    /** True when the factor list holds the given factor (compared by value, so 1.0 equals 1.00). */
    public boolean allows(BigDecimal factor) {
        return value.decimals().stream().anyMatch(d -> d.compareTo(factor) == 0);
    }

    /** True when the text value, a comma-separated list of codes, names the code (e.g. "sme,large" lists "sme"). */
    public boolean lists(String code) {
        for (String part : value.text().split(",")) {
            if (part.trim().equals(code)) {
                return true;
            }
        }
        return false;
    }

    public ParameterValue getValue() {
        return value;
    }

    public boolean isCarriedForward() {
        return carriedForward;
    }

    @Override
    public String toString() {
        return "Param[" + value.qualifiedId() + "=" + value.raw() + "]";
    }
}
