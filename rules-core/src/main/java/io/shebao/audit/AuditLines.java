package io.shebao.audit;

import io.shebao.internal.number.Limits;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The lines of an audit file, read in bounded memory: a line longer than the limit is reported as
 * {@link #oversized()} (its text is not kept) and reading goes on with the next line, so one huge or
 * garbage line costs no more memory than the limit. Used by {@code replay} and {@code explain}.
 *
 * <pre>{@code
 * AuditLines lines = new AuditLines(reader, Limits.maxRecordChars());
 * while (lines.next()) {
 *     if (lines.oversized()) { ... lines.number() ... } else { AuditRecord.parse(lines.text()); }
 * }
 * }</pre>
 */
public final class AuditLines {
    private final Reader in;
    private final int max;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private long number;
    private StringBuilder text = new StringBuilder();
    private boolean oversized;

    public AuditLines(Reader in, int maxChars) {
        checkArgument(maxChars >= 1, "maxChars %s", maxChars);
        this.in = in;
        this.max = maxChars;
    }

    /** With the limit in force ({@link Limits#maxRecordChars()}). */
    public AuditLines(Reader in) {
        this(in, Limits.maxRecordChars());
    }

    /** Reads the next line; false at the end of the input. */
    public boolean next() {
        text.setLength(0);
        oversized = false;
        if (pos >= len && !fill()) {
            return false;
        }
        number++;
        while (pos < len || fill()) {
            int end = pos;
            while (end < len && buf[end] != '\n') {
                end++;
            }
            if (!oversized) {
                if (text.length() + (end - pos) > max) {
                    oversized = true;
                    text = new StringBuilder(); // give the memory back at once
                } else {
                    text.append(buf, pos, end - pos);
                }
            }
            boolean eol = end < len;
            pos = eol ? end + 1 : end;
            if (eol) {
                break;
            }
        }
        if (text.length() > 0 && text.charAt(text.length() - 1) == '\r') {
            text.setLength(text.length() - 1);
        }
        return true;
    }

    /** The 1-based number of the line read last. */
    public long number() {
        return number;
    }

    /** True when the line was longer than the limit (its text is then empty). */
    public boolean oversized() {
        return oversized;
    }

    public String text() {
        return text.toString();
    }

    /** The limit, in characters. */
    public int limit() {
        return max;
    }

    private boolean fill() {
        try {
            int n = in.read(buf, 0, buf.length);
            pos = 0;
            len = Math.max(n, 0);
            return n > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
