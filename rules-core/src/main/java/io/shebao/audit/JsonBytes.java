package io.shebao.audit;

import io.shebao.internal.json.Json;
import io.shebao.internal.output.Utf8Buffer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * 行字节: compact JSON written as UTF-8 bytes exactly as the general path writes a row (its tree written by
 * {@code Json.write} as a String, then encoded in UTF-8), for the batch's audit rows (issue 13): fixed fragments
 * (keys, a header's reference, a trace's indexes) are copied as bytes, decimals go in as digits, and a text is
 * quoted as it is unless it has a character JSON escapes or a surrogate, which the general path itself then writes
 * ({@link #generated}: a lone surrogate becomes {@code ?} there, as in every row the general path writes). A
 * generator's per-call bookkeeping (context, separators, escape tables) was a fifth of an audited row's cost.
 * Not thread-safe: one per row (or per thread, {@link #reset} between rows).
 */
final class JsonBytes {
    private final Utf8Buffer out;

    JsonBytes(int capacity) {
        this.out = new Utf8Buffer(capacity);
    }

    /** {@code "name":} as bytes, for a fragment written into every row. */
    static byte[] key(String name) {
        return ascii("\"" + name + "\":");
    }

    /** An ASCII fragment's bytes. */
    static byte[] ascii(String fragment) {
        for (int i = 0; i < fragment.length(); i++) {
            if (fragment.charAt(i) >= 0x80) {
                throw new IllegalArgumentException("not ASCII: " + fragment);
            }
        }
        return fragment.getBytes(StandardCharsets.US_ASCII);
    }

    /** A JSON text (a trace's compact indexes) as the general path encodes it within a row. */
    static byte[] raw(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    JsonBytes raw(byte[] fragment) {
        out.raw(fragment);
        return this;
    }

    JsonBytes ascii(char c) {
        out.ascii(c);
        return this;
    }

    /** A text as a JSON string. */
    JsonBytes string(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // what JSON escapes (controls, quote, backslash), and surrogates: the general path writes the text
            // (DEL too, which Jackson leaves as it is: rare, and the general path is exact by definition)
            if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f || Character.isSurrogate(c)) {
                out.raw(generated(text));
                return this;
            }
        }
        out.ascii('"').text(text).ascii('"');
        return this;
    }

    /** A decimal as a JSON string of its plain digits ({@code "552.00"}), as {@code Json.decimal} states it. */
    JsonBytes decimal(BigDecimal d) {
        out.ascii('"').decimal(d).ascii('"');
        return this;
    }

    JsonBytes number(long v) {
        out.number(v);
        return this;
    }

    JsonBytes bool(boolean v) {
        out.raw(v ? TRUE : FALSE);
        return this;
    }

    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");

    /**
     * A month as a JSON string, {@code YearMonth.toString}'s characters: written as digits for the years
     * 1000-9999 ({@code "2025-07"}), where that is exactly what {@code toString} gives, else by it.
     */
    JsonBytes month(java.time.YearMonth m) {
        int y = m.getYear();
        if (y < 1000 || y > 9999) {
            return string(m.toString());
        }
        int mm = m.getMonthValue();
        out.ascii('"').number(y).ascii('-').ascii((char) ('0' + mm / 10)).ascii((char) ('0' + mm % 10)).ascii('"');
        return this;
    }

    /** Lowercase hexadecimal digits of {@code b[from, to)}. */
    JsonBytes hex(byte[] b, int from, int to) {
        out.hex(b, from, to);
        return this;
    }

    /** Starts again from nothing, keeping the array: one buffer per thread, reused row after row. */
    void reset() {
        out.reset();
    }

    /** Keeps the first {@code size} bytes written. */
    void truncate(int size) {
        out.truncate(size);
    }

    int capacity() {
        return out.capacity();
    }

    /** The bytes written so far, read in place: {@code [0, size())}. */
    byte[] array() {
        return out.array();
    }

    int size() {
        return out.size();
    }

    /** The bytes written, in a new array: a fragment kept to be copied into rows. */
    byte[] toByteArray() {
        return out.toByteArray();
    }

    /** A text as {@link #string} writes it, as bytes: a reference cited by row after row. */
    static byte[] quoted(String text) {
        return new JsonBytes(text.length() + 2).string(text).toByteArray();
    }

    /** A text as the general path writes it as a JSON string: {@code Json.write}, then UTF-8. */
    static byte[] generated(String text) {
        return Json.write(com.fasterxml.jackson.databind.node.TextNode.valueOf(text), false)
                .getBytes(StandardCharsets.UTF_8);
    }
}
