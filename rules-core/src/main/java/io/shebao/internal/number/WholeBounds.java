package io.shebao.internal.number;

import io.shebao.ShebaoException;

import java.util.Objects;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The bounds of a whole-number field (月数、年数、类别): ASCII digits only, at most the digits {@code max}
 * has, and a value from {@code min} to {@code max}. A value out of range ends in a {@link ShebaoException}
 * naming the field, the value and {@link #allowed()}.
 *
 * <pre>{@code
 * int months = WholeBounds.MONTHS.parse("contribution_months", "180");
 * }</pre>
 */
public record WholeBounds(String allowed, long min, long max) {
    /** 月数: a number of months, e.g. contribution months. */
    public static final WholeBounds MONTHS = new WholeBounds("a whole number of months from 0 to "
            + Limits.MONTHS_MAX + ", e.g. 180", 0, Limits.MONTHS_MAX);
    /** 年数: a number of years. */
    public static final WholeBounds YEARS = new WholeBounds("a whole number of years from 0 to " + Limits.YEARS_MAX,
            0, Limits.YEARS_MAX);
    /** A count (decimal places, a number of steps). */
    public static final WholeBounds COUNT = new WholeBounds("a whole number from 0 to " + Limits.COUNT_MAX,
            0, Limits.COUNT_MAX);

    public WholeBounds {
        Objects.requireNonNull(allowed);
        checkArgument(min <= max && max < Integer.MAX_VALUE && min > Integer.MIN_VALUE, "bounds: %s…%s", min, max);
    }

    /** The value of {@code text} (already trimmed), or a {@link ShebaoException} naming {@code field}. */
    public int parse(String field, String text) {
        Integer v = value(text);
        if (v == null) {
            throw ShebaoException.invalid(field, DecimalBounds.clip(text), allowed);
        }
        return v;
    }

    /** True when {@link #parse} would accept the text. */
    public boolean accepts(String text) {
        return value(text) != null;
    }

    /** {@code value} when within the bounds, else a {@link ShebaoException} naming {@code field}. */
    public long check(String field, long value) {
        if (value < min || value > max) {
            throw ShebaoException.invalid(field, value, allowed);
        }
        return value;
    }

    private Integer value(String s) {
        if (s == null || s.isEmpty() || s.length() > 12) {
            return null;
        }
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (i == s.length()) {
            return null;
        }
        for (int j = i; j < s.length(); j++) {
            if (s.charAt(j) < '0' || s.charAt(j) > '9') {
                return null;
            }
        }
        long v = Long.parseLong(s);
        return v < min || v > max ? null : (int) v;
    }
}
