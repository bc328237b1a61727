package io.shebao.internal.output;

import java.math.BigDecimal;

/**
 * {@link BigDecimal#toPlainString()} written straight into a builder: a batch line has 28 amounts and rates, and
 * {@code toPlainString} makes a digit string, a second string with the point and a copy into the line for each
 * (issue 13, docs/PERFORMANCE.md). Same characters for every value; values whose unscaled digits do not fit in
 * a {@code long}, or with a negative scale, go through {@code toPlainString} itself.
 */
public final class PlainDecimal {
    private static final int MAX_DIGITS = 18; // every unscaled value of 18 digits fits in a long

    private PlainDecimal() {
    }

    public static StringBuilder append(StringBuilder sb, BigDecimal d) {
        int scale = d.scale();
        if (scale < 0 || scale > MAX_DIGITS || d.precision() > MAX_DIGITS) {
            return sb.append(d.toPlainString());
        }
        // exact: the scale is ≥ 0 and the unscaled value has at most 18 digits. Written with the builder's own
        // append(long) (no array of our own per value: a batch line has 28 of them, 18% of the bytes a 1M batch
        // allocated): the whole part, the point, then the fraction padded with zeros to `scale` digits (0.05)
        long unscaled = scale == 0 ? d.longValue() : d.movePointRight(scale).longValue();
        if (scale == 0) {
            return sb.append(unscaled); // Long.toString's characters, as toPlainString for a scale of 0
        }
        long u = unscaled < 0 ? -unscaled : unscaled; // ≥ -(10^18 - 1): no overflow
        long whole = u / POWERS_OF_TEN[scale];
        long fraction = u - whole * POWERS_OF_TEN[scale];
        if (unscaled < 0) {
            sb.append('-'); // never "-0": a BigDecimal of value 0 has the unscaled value 0
        }
        sb.append(whole).append('.');
        for (int digits = fraction == 0 ? 0 : digits(fraction); digits < scale; digits++) {
            sb.append('0');
        }
        return fraction == 0 ? sb : sb.append(fraction);
    }

    private static final long[] POWERS_OF_TEN = new long[MAX_DIGITS + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i <= MAX_DIGITS; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /** Decimal digits of a positive value below 10^18. */
    private static int digits(long v) {
        int n = 1;
        while (n < MAX_DIGITS && v >= POWERS_OF_TEN[n]) {
            n++;
        }
        return n;
    }
}
