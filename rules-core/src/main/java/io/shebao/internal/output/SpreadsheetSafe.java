package io.shebao.internal.output;

/**
 * CSV 公式注入防护: a text cell that a spreadsheet would run as a formula is neutralised, following the
 * OWASP CSV Injection guidance: a cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return gets a leading apostrophe ({@code '=1+1}), which spreadsheets show as text. A cell that is
 * a plain number ({@code -12.50}, {@code +3}) is left as it is: it cannot be a formula, and the tool's own
 * negative differences must stay numbers. The apostrophe is visible to programs that read the CSV; it is
 * the price of opening the file safely (docs/LIMITS.md).
 */
public final class SpreadsheetSafe {
    private SpreadsheetSafe() {
    }

    /** The cell, with a leading apostrophe when it starts with a formula character and is not a number. */
    public static String cell(String s) {
        return needsPrefix(s) ? "'" + s : s;
    }

    /** True when {@link #cell} would add the apostrophe. */
    public static boolean needsPrefix(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') {
            return false;
        }
        return !plainNumber(s);
    }

    private static boolean plainNumber(String s) {
        if (s.charAt(0) != '+' && s.charAt(0) != '-') {
            return false;
        }
        int digits = 0;
        boolean point = false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digits > 0;
    }
}
