package io.shebao.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain text table that aligns Chinese text by display width (CJK characters are two columns). */
final class Table {
    /** Amounts, rates and counts are right-aligned; text is left-aligned. */
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[+-]?[0-9][0-9,]*(\\.[0-9]+)?%?");
    private final List<String[]> rows = new ArrayList<>();
    /** Full-width text printed under a row (by row index), wrapped at 100 columns; not part of the columns' widths. */
    private final java.util.Map<Integer, String> notes = new java.util.HashMap<>();
    /** Widest display width of each column (0: unlimited); a wider cell wraps onto continuation lines. */
    private int[] maxWidths = new int[0];
    /** Numbers right-aligned (columns of amounts); off for columns that mix words and numbers. */
    private boolean alignNumbers = true;

    Table(String... header) {
        rows.add(header);
    }

    Table row(String... cells) {
        if (maxWidths.length == 0) {
            rows.add(cells);
            return this;
        }
        // a cell wider than its column wraps: the row continues on lines with only the wrapped parts
        List<List<String>> parts = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < cells.length; i++) {
            int max = i < maxWidths.length ? maxWidths[i] : 0;
            String cell = cells[i] == null ? "" : cells[i];
            List<String> p = new ArrayList<>(max > 0 ? wrap(cell, max) : List.of(cell));
            if (p.size() > 1) { // a hanging indent tells a continuation from the next row
                String first = p.get(0);
                p.clear();
                p.add(first);
                wrap(cell.substring(first.length()).strip(), Math.max(1, max - 2)).forEach(x -> p.add("  " + x));
            }
            parts.add(p);
            lines = Math.max(lines, p.size());
        }
        for (int k = 0; k < lines; k++) {
            String[] r = new String[cells.length];
            for (int i = 0; i < cells.length; i++) {
                r[i] = k < parts.get(i).size() ? parts.get(i).get(k) : "";
            }
            rows.add(r);
        }
        return this;
    }

    /** Every cell left-aligned: for columns that mix answers in words with numbers (a lone number would float right). */
    Table leftAligned() {
        this.alignNumbers = false;
        return this;
    }

    /**
     * Limits each column's display width (0: no limit) so that the table fits a terminal of 100 columns;
     * a wider cell wraps within its column. Applies to the rows added after it.
     */
    Table maxWidths(int... widths) {
        this.maxWidths = widths.clone();
        return this;
    }

    /**
     * Text cut into lines of at most {@code max} display columns: after the last space or comma that fits
     * (Latin words and lists stay whole), else after the last hyphen (one-off-account-payment), else between two
     * characters (Chinese has no spaces).
     */
    static List<String> wrap(String text, int max) {
        List<String> out = new ArrayList<>();
        String rest = text;
        while (width(rest) > max) {
            int w = 0;
            int k = 0;
            int lastBreak = -1;
            int lastHyphen = -1;
            while (k < rest.length()) {
                int cw = width(rest.substring(k, k + 1));
                if (w + cw > max) {
                    break;
                }
                char c = rest.charAt(k);
                if (c == ' ') {
                    lastBreak = k;
                } else if (c == ',') {
                    lastBreak = k + 1;
                } else if (c == '-' && k > 0) {
                    lastHyphen = k + 1;
                }
                w += cw;
                k++;
            }
            int cut = lastBreak > 0 ? lastBreak : lastHyphen > 0 ? lastHyphen : Math.max(1, k);
            out.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        out.add(rest);
        return out;
    }

    /** A line of text under the last row, indented and wrapped at 100 columns (a long description). */
    Table note(String text) {
        notes.merge(rows.size() - 1, text, (a, b) -> a + "\n" + b);
        return this;
    }

    void print(PrintWriter out) {
        int n = rows.get(0).length;
        int[] w = new int[n];
        for (String[] r : rows) {
            for (int i = 0; i < n; i++) {
                w[i] = Math.max(w[i], width(r[i]));
            }
        }
        for (int k = 0; k < rows.size(); k++) {
            String[] r = rows.get(k);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                String c = r[i] == null ? "" : r[i];
                boolean right = alignNumbers && k > 0 && NUMBER.matcher(c).matches();
                String pad = " ".repeat(w[i] - width(c));
                sb.append(right ? pad + c : c + pad);
                if (i < n - 1) {
                    sb.append("  ");
                }
            }
            out.println(sb.toString().stripTrailing());
            String note = notes.get(k);
            if (note != null) {
                for (String line : note.split("\n")) {
                    ServicesCommand.wrap(out, "    ", line);
                }
            }
            if (k == 0) {
                int total = 0;
                for (int x : w) {
                    total += x + 2;
                }
                out.println("-".repeat(total - 2));
            }
        }
    }

    static int width(String s) {
        if (s == null) {
            return 0;
        }
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            w += (c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
                    || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60)
                    || (c >= 0xffe0 && c <= 0xffe6))) ? 2 : 1;
        }
        return w;
    }
}
