package io.shebao.internal.output;

/**
 * 单行转义: text from input (an id, a region, a value in an error) must not drive a terminal nor break a one-line
 * message. Control characters (C0, DEL, C1: ESC sequences, a bare carriage return, a backspace; the Unicode line
 * and paragraph separators and bidi overrides) are written as {@code \n}, {@code \e}, {@code \u0085}… so that
 * what the user sees is what the input holds. Shared by the CLI ({@code TerminalText}) and the Spark job.
 */
public final class OneLine {
    private OneLine() {
    }

    public static boolean control(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069'); // bidi overrides
    }

    /** Every control character escaped, line breaks included: the result is one line. */
    public static String of(String s) {
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

    public static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case 0x1b -> "\\e";
            default -> String.format("\\u%04x", (int) c);
        };
    }
}
