package io.shebao.internal.output;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable buffer of UTF-8 bytes that a batch worker writes its chunk's lines into (issue 13): numbers go in as
 * ASCII digits, text as {@link String#getBytes} in UTF-8 would encode it. A {@code StringBuilder} made the line as
 * characters, then the chunk was copied into a {@code String} and encoded again: two copies of every byte of a
 * results file, and {@code append(long)}'s own bookkeeping for each of a line's 28 amounts and rates.
 * Not thread-safe: one per chunk.
 */
public final class Utf8Buffer {
    private static final byte[] EMPTY = new byte[0];
    private static final int MAX_DIGITS = 18; // every unscaled value of 18 digits fits in a long
    private byte[] bytes;
    private int size;

    public Utf8Buffer(int capacity) {
        this.bytes = new byte[Math.max(capacity, 16)];
    }

    public int size() {
        return size;
    }

    /** Forgets the bytes written (keeping the array): a buffer reused row after row by one thread. */
    public void reset() {
        size = 0;
    }

    /** Keeps the first {@code newSize} bytes written ({@code 0 ≤ newSize ≤ size()}). */
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IndexOutOfBoundsException("truncate to " + newSize + " of " + size);
        }
        size = newSize;
    }

    /** The capacity of the array kept (a reused buffer is replaced when a long row has grown it). */
    public int capacity() {
        return bytes.length;
    }

    /** The bytes as lowercase hexadecimal digits, two per byte ({@code HexFormat.of().formatHex}'s). */
    public Utf8Buffer hex(byte[] b, int from, int to) {
        ensure(2 * (to - from));
        for (int i = from; i < to; i++) {
            bytes[size++] = HEX[(b[i] >> 4) & 0xf];
            bytes[size++] = HEX[b[i] & 0xf];
        }
        return this;
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** The bytes written, in a new array. */
    public byte[] toByteArray() {
        return size == 0 ? EMPTY : Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    /** Bytes as they are (already UTF-8: a fragment written once and copied into every line). */
    public Utf8Buffer raw(byte[] utf8) {
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
        return this;
    }

    /**
     * The buffer itself, of which the first {@link #size()} bytes are written: read in place (hashed, copied
     * once), never kept, and stale after the next write.
     */
    public byte[] array() {
        return bytes;
    }

    /** One ASCII character ({@code c < 0x80}). */
    public Utf8Buffer ascii(char c) {
        if (c >= 0x80) {
            throw new IllegalArgumentException("not ASCII: " + (int) c);
        }
        ensure(1);
        bytes[size++] = (byte) c;
        return this;
    }

    /**
     * The text as {@code text.toString().getBytes(UTF_8)} encodes it (an unpaired surrogate as {@code ?}). Pieces
     * encoded one after the other give the bytes of their concatenation as long as no piece ends with a high
     * surrogate whose low surrogate starts the next: the batch line puts an ASCII separator between its fields.
     */
    public Utf8Buffer text(CharSequence text) {
        int n = text.length();
        ensure(n);
        int i = 0;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                break;
            }
            bytes[size++] = (byte) c;
        }
        // then two or three bytes a character (Chinese notes: no substring and no array per text), as
        // getBytes encodes them, until a surrogate, whose pairing getBytes decides
        ensure(3 * (n - i));
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes[size++] = (byte) c;
            } else if (c < 0x800) {
                bytes[size++] = (byte) (0xc0 | c >> 6);
                bytes[size++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isSurrogate(c)) {
                break;
            } else {
                bytes[size++] = (byte) (0xe0 | c >> 12);
                bytes[size++] = (byte) (0x80 | c >> 6 & 0x3f);
                bytes[size++] = (byte) (0x80 | c & 0x3f);
            }
        }
        if (i < n) {
            // the rest, from the first surrogate (the characters before it pair with nothing)
            byte[] rest = text.subSequence(i, n).toString().getBytes(StandardCharsets.UTF_8);
            ensure(rest.length);
            System.arraycopy(rest, 0, bytes, size, rest.length);
            size += rest.length;
        }
        return this;
    }

    /** {@link Long#toString(long)}'s characters. */
    public Utf8Buffer number(long v) {
        if (v == Long.MIN_VALUE) {
            return text(Long.toString(v));
        }
        ensure(20);
        if (v < 0) {
            bytes[size++] = '-';
            v = -v;
        }
        int end = size + digits(v);
        digitsBackwards(v, end);
        size = end;
        return this;
    }

    /**
     * {@link BigDecimal#toPlainString()}'s characters, as {@link PlainDecimal}: values whose unscaled digits do not
     * fit in a {@code long}, or with a negative scale, go through {@code toPlainString} itself.
     */
    public Utf8Buffer decimal(BigDecimal d) {
        int scale = d.scale();
        if (scale < 0 || scale > MAX_DIGITS || d.precision() > MAX_DIGITS) {
            return text(d.toPlainString());
        }
        if (scale == 0) {
            return number(d.longValue()); // exact: at most 18 digits
        }
        long unscaled = d.movePointRight(scale).longValue();
        long u = unscaled < 0 ? -unscaled : unscaled; // ≥ -(10^18 - 1): no overflow
        int n = digits(u);
        // whole part (at least "0"), the point, then exactly `scale` digits: "0.05", "552.00", "-12.0001"
        int length = (n > scale ? n - scale : 1) + 1 + scale;
        ensure(length + 1);
        if (unscaled < 0) {
            bytes[size++] = '-'; // never "-0": a BigDecimal of value 0 has the unscaled value 0
        }
        int end = size + length;
        int p = end;
        long v = u;
        for (int i = 0; i < scale; i++) { // the fraction, from its last digit, zeros where v has run out
            long q = v / 10;
            bytes[--p] = (byte) ('0' + (v - q * 10));
            v = q;
        }
        bytes[--p] = '.';
        digitsBackwards(v, p);
        size = end;
        return this;
    }

    /** The digits of {@code v ≥ 0} ending just before {@code end} ("0" for 0). */
    private void digitsBackwards(long v, int end) {
        int p = end;
        while (v > Integer.MAX_VALUE) {
            long q = v / 10;
            bytes[--p] = (byte) ('0' + (v - q * 10));
            v = q;
        }
        int w = (int) v; // int division from here: cheaper than long's
        do {
            int q = w / 10;
            bytes[--p] = (byte) ('0' + (w - q * 10));
            w = q;
        } while (w != 0);
    }

    /** Decimal digits of {@code v ≥ 0} (1 for 0). */
    private static int digits(long v) {
        int n = 1;
        long limit = 10;
        while (n < 19 && v >= limit) {
            n++;
            limit *= 10;
        }
        return n;
    }
}
