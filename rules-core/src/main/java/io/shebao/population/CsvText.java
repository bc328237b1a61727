package io.shebao.population;

import io.shebao.internal.output.SpreadsheetSafe;

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

    /** The field as it is written. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        append(sb, s);
        return sb.toString();
    }
}
