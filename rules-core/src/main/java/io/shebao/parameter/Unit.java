package io.shebao.parameter;

import java.math.BigDecimal;
import java.time.YearMonth;
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

    /** Checks a raw value against this unit; returns a reason when it is not acceptable, or null. */
    public String check(String raw) {
        try {
            switch (this) {
                case RATE -> {
                    BigDecimal d = new BigDecimal(raw);
                    if (d.signum() < 0 || d.compareTo(BigDecimal.ONE) > 0) {
                        return "a rate is a fraction between 0 and 1 (write 0.16 for 16%)";
                    }
                }
                case FACTOR, YUAN -> {
                    if (new BigDecimal(raw).signum() < 0) {
                        return "must not be negative";
                    }
                }
                case COUNT, MONTHS, YEARS -> {
                    if (Integer.parseInt(raw) < 0) {
                        return "must be a whole number ≥ 0";
                    }
                }
                case MONTH -> YearMonth.parse(raw);
                case FACTOR_LIST -> {
                    for (String part : raw.split(",")) {
                        if (new BigDecimal(part.trim()).signum() < 0) {
                            return "factors must not be negative";
                        }
                    }
                }
                case TEXT -> {
                    if (raw.isBlank()) {
                        return "must not be empty";
                    }
                }
            }
            return null;
        } catch (RuntimeException e) {
            return switch (this) {
                case COUNT, MONTHS, YEARS -> "must be a whole number";
                case MONTH -> "must be a month written YYYY-MM";
                case FACTOR_LIST -> "must be a comma-separated list of decimals";
                default -> "must be a decimal number";
            };
        }
    }
}
