package io.shebao.cli;

import io.shebao.internal.output.OneLine;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * 终端转义: text from input (an id, a region, a value in an error) must not drive the terminal. Control
 * characters (C0, DEL, C1: ESC sequences, a bare carriage return, a backspace) are written as {@code \n},
 * {@code \e}, {@code \u0085}… so that what the user sees is what the file holds ({@code OneLine} in rules-core,
 * which the Spark job uses too).
 */
final class TerminalText {
    private TerminalText() {
    }

    /** Every control character escaped, line breaks included: the result is one line. */
    static String oneLine(String s) {
        return OneLine.of(s);
    }

    /** What the user typed, echoed in an error: one line, control characters escaped, at most 200 characters. */
    static String typed(String s) {
        String one = oneLine(s);
        return one.length() > 200 ? one.substring(0, 199) + "…" : one;
    }

    /**
     * A writer for stdout and stderr that escapes control characters except the line break and the tab
     * the tool itself prints (and, on stderr, the carriage return of the progress bar).
     */
    static final class Safe extends FilterWriter {
        private final boolean keepCarriageReturn;

        Safe(Writer out, boolean keepCarriageReturn) {
            super(out);
            this.keepCarriageReturn = keepCarriageReturn;
        }

        @Override
        public void write(int c) throws IOException {
            char ch = (char) c;
            if (OneLine.control(ch) && ch != '\n' && ch != '\t' && !(ch == '\r' && keepCarriageReturn)) {
                out.write(OneLine.escape(ch));
            } else {
                out.write(c);
            }
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            int start = off;
            for (int i = off; i < off + len; i++) {
                char ch = cbuf[i];
                if (OneLine.control(ch) && ch != '\n' && ch != '\t' && !(ch == '\r' && keepCarriageReturn)) {
                    out.write(cbuf, start, i - start);
                    out.write(OneLine.escape(ch));
                    start = i + 1;
                }
            }
            out.write(cbuf, start, off + len - start);
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            write(str.toCharArray(), off, len);
        }
    }

    /** Display width of a terminal page: tables, notes and explanations are read at 100 columns. */
    static final int WIDTH = 100;

    /**
     * Prints text after a prefix, wrapped at {@link #WIDTH} display columns (Chinese characters count 2), the
     * lines after the first indented by {@code indent}; Latin text breaks at a space, Chinese text anywhere.
     * Nothing is dropped: joined again, the pieces are the text less the spaces at the breaks.
     */
    static void wrap(PrintWriter out, String prefix, int indent, String text) {
        int max = Math.max(20, WIDTH - indent);
        int firstMax = Math.max(20, WIDTH - Table.width(prefix));
        String rest = text;
        boolean first = true;
        while (true) {
            int room = first ? firstMax : max;
            int w = 0;
            int k = 0;
            int lastSpace = -1;
            while (k < rest.length()) {
                int cw = Table.width(String.valueOf(rest.charAt(k)));
                if (w + cw > room) {
                    break;
                }
                if (rest.charAt(k) == ' ') {
                    lastSpace = k;
                }
                w += cw;
                k++;
            }
            if (k >= rest.length()) {
                out.println((first ? prefix : " ".repeat(indent)) + rest.stripTrailing());
                return;
            }
            boolean latinBreak = Table.width(String.valueOf(rest.charAt(k))) == 1 && lastSpace > room / 2;
            int cut = latinBreak ? lastSpace : k;
            out.println((first ? prefix : " ".repeat(indent)) + rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
            first = false;
        }
    }

    /**
     * An explanation (计算说明) read at 100 columns: each line that is wider is wrapped, its continuation
     * indented four columns more than the line itself.
     */
    static void printWrapped(PrintWriter out, String text) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        for (String line : body.split("\n", -1)) {
            if (Table.width(line) <= WIDTH) {
                out.println(line);
                continue;
            }
            int lead = line.length() - line.stripLeading().length();
            wrap(out, line.substring(0, lead), lead + 4, line.substring(lead));
        }
    }
}
