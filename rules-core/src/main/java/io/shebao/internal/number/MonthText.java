package io.shebao.internal.number;

import io.shebao.ShebaoException;

import java.time.YearMonth;

/**
 * 年月: a month written {@code YYYY-MM} in ASCII digits, with a year from {@link Limits#YEAR_MIN} to
 * {@link Limits#YEAR_MAX}. Refuses what {@link YearMonth#parse} would let through: year 0 or 10000, a sign,
 * more than four year digits.
 *
 * <pre>{@code
 * YearMonth birth = MonthText.parse("birth", "1966-03", "a birth month YYYY-MM, e.g. 1966-03");
 * }</pre>
 */
public final class MonthText {
    private MonthText() {
    }

    /** The month, or a {@link ShebaoException} naming {@code field}; {@code allowed} says what is allowed. */
    public static YearMonth parse(String field, String text, String allowed) {
        YearMonth m = value(text);
        if (m == null) {
            throw ShebaoException.invalid(field, DecimalBounds.clip(text), allowed + " (years "
                    + Limits.YEAR_MIN + " to " + Limits.YEAR_MAX + ")");
        }
        return m;
    }

    /** The month, or null when the text is not YYYY-MM within the years allowed. */
    public static YearMonth value(String s) {
        if (s == null || s.length() != 7 || s.charAt(4) != '-') {
            return null;
        }
        for (int i = 0; i < 7; i++) {
            char c = s.charAt(i);
            if (i != 4 && (c < '0' || c > '9')) {
                return null;
            }
        }
        int year = Integer.parseInt(s, 0, 4, 10);
        int month = Integer.parseInt(s, 5, 7, 10);
        if (year < Limits.YEAR_MIN || year > Limits.YEAR_MAX || month < 1 || month > 12) {
            return null;
        }
        return YearMonth.of(year, month);
    }

    /** {@code m} when its year is within the bounds, else a {@link ShebaoException} naming {@code field}. */
    public static YearMonth check(String field, YearMonth m) {
        if (m.getYear() < Limits.YEAR_MIN || m.getYear() > Limits.YEAR_MAX) {
            throw ShebaoException.invalid(field, m, "a month in the years " + Limits.YEAR_MIN + " to " + Limits.YEAR_MAX);
        }
        return m;
    }
}
