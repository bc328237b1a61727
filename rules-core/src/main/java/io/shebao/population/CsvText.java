package io.shebao.population;

import io.shebao.internal.output.SpreadsheetSafe;
import io.shebao.internal.output.Utf8Buffer;

/**
 * RFC 4180 quoting of one output field: quoted when it holds a comma, a quote or a line break, inner quotes
 * doubled. The one writer of CSV text fields for batch results and for the error files of batch and what-if.
 * A field that a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab, CR at
 * its start) is neutralised first ({@link SpreadsheetSafe}, OWASP CSV injection guidance).
 */
public final class CsvText {
    private CsvText() {
    }

    public static void append(StringBuilder sb, String text) {
        String s = SpreadsheetSafe.cell(text);
        boolean quote = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    /**
     * The same field as {@link #append(StringBuilder, String)}, as UTF-8 bytes: a field that needs neither the
     * formula guard nor quotes (an id, a region code) is copied as it is, any other goes through the text form.
     */
    public static void append(Utf8Buffer out, String text) {
        if (plain(text)) {
            out.text(text);
            return;
        }
        StringBuilder sb = new StringBuilder(text.length() + 8);
        append(sb, text);
        out.text(sb);
    }

    /** True when {@link #append(StringBuilder, String)} writes the text as it is (see {@link SpreadsheetSafe}). */
    private static boolean plain(String s) {
        int n = s.length();
        if (n > 0) {
            char first = s.charAt(0);
            if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
                return false; // perhaps a formula: the guard decides
            }
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    /** The field as it is written. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        append(sb, s);
        return sb.toString();
    }
}
