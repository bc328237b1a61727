package io.shebao.internal.number;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * 日期: a day written {@code YYYY-MM-DD} in ASCII digits, with a year from {@link Limits#YEAR_MIN} to
 * {@link Limits#YEAR_MAX}, as {@link MonthText} reads a month. Refuses what {@link LocalDate#parse} would let
 * through: a sign, more than four year digits ({@code +10000-01-01}), year 0. One reading for every command line
 * that takes a day (the CLI's {@code --as-of}, {@code --issued-on}, {@code --pay-on}, {@code --today}, and the
 * Spark job's {@code --as-of}), with one message.
 *
 * <pre>{@code
 * LocalDate asOf = DayText.value("2026-07-01"); // null when not a day within the years allowed
 * }</pre>
 */
public final class DayText {
    private DayText() {
    }

    /** What a day option allows, for a one-line message after the value. */
    public static final String ALLOWED = "YYYY-MM-DD, e.g. 2026-07-01 (years " + Limits.YEAR_MIN + " to " + Limits.YEAR_MAX + ")";

    /** The day, or null when the text is not YYYY-MM-DD within the years allowed (or no such day: 2026-02-30). */
    public static LocalDate value(String s) {
        if (s == null || s.length() != 10 || s.charAt(7) != '-') {
            return null;
        }
        java.time.YearMonth m = MonthText.value(s.substring(0, 7));
        if (m == null || s.charAt(8) < '0' || s.charAt(8) > '9' || s.charAt(9) < '0' || s.charAt(9) > '9') {
            return null;
        }
        try {
            return m.atDay(Integer.parseInt(s, 8, 10, 10));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The one-line message for a text that is not a day: the value, then what is allowed. */
    public static String refusal(String text) {
        return "'" + DecimalBounds.clip(text) + "' is not a date; allowed: " + ALLOWED;
    }
}
