package io.shebao.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.shebao.internal.json.Json;
import io.shebao.internal.output.Utf8Buffer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * 行字节: compact JSON written as UTF-8 bytes exactly as the trail's Jackson generator ({@link #JSON}) writes it,
 * for the batch's audit rows (issue 13): fixed fragments (keys, a header's reference, a trace's indexes) are copied
 * as bytes, decimals go in as digits, and a text is quoted as is unless it has a character Jackson escapes or a
 * surrogate, which Jackson itself then writes. A generator's per-call bookkeeping (context, separators, escape
 * tables) was a fifth of an audited row's cost. Not thread-safe: one per row.
 */
final class JsonBytes {
    /**
     * The mapper's JSON, written as UTF-8 bytes the way {@code Json.write} writes a String: a character beyond
     * the Basic Multilingual Plane (a rare 汉字 such as 𠮷) as its four UTF-8 bytes, not as an escaped surrogate
     * pair (Jackson's UTF-8 generator escapes it unless told otherwise), so a row's bytes are its canonical content
     * (ContributionRowProperties).
     */
    static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build().setCodec(Json.MAPPER);

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

    /** A JSON text written raw as the generator writes it ({@code writeRawValue}): a trace's compact indexes. */
    static byte[] raw(String json) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(json.length() + 16);
        try (JsonGenerator g = JSON.createGenerator(o, JsonEncoding.UTF8)) {
            g.writeRawValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return o.toByteArray();
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
            // what Jackson escapes (controls, quote, backslash), DEL, and surrogates: Jackson writes the text
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

    /** The bytes written so far, read in place: {@code [0, size())}. */
    byte[] array() {
        return out.array();
    }

    int size() {
        return out.size();
    }

    /** A text as the generator writes it as a JSON string. */
    static byte[] generated(String text) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(text.length() * 3 + 8);
        try (JsonGenerator g = JSON.createGenerator(o, JsonEncoding.UTF8)) {
            g.writeString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return o.toByteArray();
    }
}
