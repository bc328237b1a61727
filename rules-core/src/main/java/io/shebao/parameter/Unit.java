package io.shebao.parameter;

import io.shebao.internal.number.DecimalBounds;
import io.shebao.internal.number.Limits;
import io.shebao.internal.number.MonthText;
import io.shebao.internal.number.WholeBounds;

import java.util.Locale;

/**
 * The unit of a parameter, which fixes how its values are written and checked. The checks catch the
 * classic slip of writing a percentage as a whole number (16 instead of 0.16).
 */
public enum Unit {
    /** A fraction between 0 and 1 (0.16 = 16%). */
    RATE,
    /** A multiplier ≥ 0 (0.5 = halved). */
    FACTOR,
    /** An amount of money in yuan, ≥ 0. */
    YUAN,
    /** A whole number, ≥ 0 (decimal places, say). */
    COUNT,
    /** A whole number of months, ≥ 0. */
    MONTHS,
    /** A whole number of years, ≥ 0. */
    YEARS,
    /** A month, written YYYY-MM. */
    MONTH,
    /** A comma-separated list of factors, e.g. {@code 0.5,0.8,1.0}. */
    FACTOR_LIST,
    /** Free text (a rounding mode, a switch). */
    TEXT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Unit parse(String s) {
        for (Unit u : values()) {
            if (u.code().equals(s)) {
                return u;
            }
        }
        throw new IllegalArgumentException("unit must be one of rate, factor, yuan, count, months, years, month, factor_list, text");
    }

    /**
     * Checks a raw value against this unit; returns a reason when it is not acceptable, or null. Numbers are
     * bounded before any arithmetic ({@link io.shebao.internal.number.DecimalBounds}, docs/LIMITS.md): ASCII digits,
     * capped digits and exponent, and a range per unit.
     */
    public String check(String raw) {
        switch (this) {
            case RATE -> {
                return DecimalBounds.RATE.accepts(raw) ? null : "must be " + DecimalBounds.RATE.allowed();
            }
            case FACTOR -> {
                return DecimalBounds.FACTOR.accepts(raw) ? null : "must be " + DecimalBounds.FACTOR.allowed();
            }
            case YUAN -> {
                return DecimalBounds.AMOUNT.accepts(raw) ? null : "must be " + DecimalBounds.AMOUNT.allowed();
            }
            case COUNT -> {
                return WholeBounds.COUNT.accepts(raw) ? null : "must be " + WholeBounds.COUNT.allowed();
            }
            case MONTHS -> {
                return WholeBounds.MONTHS.accepts(raw) ? null : "must be " + WholeBounds.MONTHS.allowed();
            }
            case YEARS -> {
                return WholeBounds.YEARS.accepts(raw) ? null : "must be " + WholeBounds.YEARS.allowed();
            }
            case MONTH -> {
                return MonthText.value(raw) != null ? null : "must be a month written YYYY-MM (years "
                        + Limits.YEAR_MIN + " to " + Limits.YEAR_MAX + ")";
            }
            case FACTOR_LIST -> {
                for (String part : raw.split(",", -1)) {
                    if (!DecimalBounds.FACTOR.accepts(part.trim())) {
                        return "must be a comma-separated list of factors, each " + DecimalBounds.FACTOR.allowed();
                    }
                }
                return null;
            }
            case TEXT -> {
                return raw.isBlank() ? "must not be empty" : null;
            }
            default -> throw new IllegalStateException(name());
        }
    }
}
