package io.shebao.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * 终端转义: text from input (an id, a region, a value in an error) must not drive the terminal. Control
 * characters (C0, DEL, C1: ESC sequences, a bare carriage return, a backspace) are written as {@code \n},
 * {@code \e}, {@code \u0085}… so that what the user sees is what the file holds.
 */
final class TerminalText {
    private TerminalText() {
    }

    static boolean control(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069'); // bidi overrides
    }

    /** Every control character escaped, line breaks included: the result is one line. */
    static String oneLine(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (control(c)) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                sb.append(escape(c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** What the user typed, echoed in an error: one line, control characters escaped, at most 200 characters. */
    static String typed(String s) {
        String one = oneLine(s);
        return one.length() > 200 ? one.substring(0, 199) + "…" : one;
    }

    static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case 0x1b -> "\\e";
            default -> String.format("\\u%04x", (int) c);
        };
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
            if (control(ch) && ch != '\n' && ch != '\t' && !(ch == '\r' && keepCarriageReturn)) {
                out.write(escape(ch));
            } else {
                out.write(c);
            }
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            int start = off;
            for (int i = off; i < off + len; i++) {
                char ch = cbuf[i];
                if (control(ch) && ch != '\n' && ch != '\t' && !(ch == '\r' && keepCarriageReturn)) {
                    out.write(cbuf, start, i - start);
                    out.write(escape(ch));
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
}
