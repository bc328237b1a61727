package io.shebao.internal.facts;

import io.shebao.parameter.ParameterValue;

import java.math.BigDecimal;
import java.util.List;

/** A dated parameter value in force for the evaluation's region and period, as a fact. */
public final class Param {
    private final ParameterValue value;
    private final boolean carriedForward;
    /*
     * The value read as a number, a list of numbers, a list of codes: each read once per fact, not on every rule
     * condition that tests it. The evaluator shares its parameter facts between evaluations, so a condition such
     * as {@code decimal <= $w} parsed the same text thousands of times (docs/PERFORMANCE.md, "Issue 13, stop 15").
     * Racy but benign: every thread computes the same immutable value from the immutable ParameterValue.
     */
    private BigDecimal decimal;
    private List<BigDecimal> decimals;
    private List<String> codes;

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
        BigDecimal d = decimal;
        if (d == null) {
            d = value.decimal(); // a text that is no number throws here every time, as before
            decimal = d;
        }
        return d;
    }

    public int getInteger() {
        return value.integer();
    }

    public String getText() {
        return value.text();
    }

    public List<BigDecimal> getDecimals() {
        List<BigDecimal> ds = decimals;
        if (ds == null) {
            ds = value.decimals(); // immutable
            decimals = ds;
        }
        return ds;
    }

    /** True when the factor list holds the given factor (compared by value, so 1.0 equals 1.00). */
    public boolean allows(BigDecimal factor) {
        for (BigDecimal d : getDecimals()) {
            if (d.compareTo(factor) == 0) {
                return true;
            }
        }
        return false;
    }

    /** True when the text value, a comma-separated list of codes, names the code (e.g. "sme,large" lists "sme"). */
    public boolean lists(String code) {
        List<String> parts = codes;
        if (parts == null) {
            String[] split = value.text().split(",");
            for (int i = 0; i < split.length; i++) {
                split[i] = split[i].trim();
            }
            parts = List.of(split); // an immutable list (final fields): safe to publish through the race
            codes = parts;
        }
        for (String part : parts) {
            if (part.equals(code)) {
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
