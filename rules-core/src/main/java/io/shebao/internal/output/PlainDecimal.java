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
        // exact: the scale is ≥ 0 and the unscaled value has at most 18 digits
        long unscaled = scale == 0 ? d.longValue() : d.movePointRight(scale).longValue();
        if (unscaled < 0) {
            sb.append('-');
            unscaled = -unscaled; // ≥ -(10^18 - 1): no overflow
        }
        if (scale == 0) {
            return sb.append(unscaled);
        }
        long pow = POWERS[scale];
        long whole = unscaled / pow;
        long fraction = unscaled - whole * pow;
        sb.append(whole).append('.');
        // the fraction's leading zeros, then its digits (toPlainString pads to the scale: 0.05, 1.00)
        for (long p = pow / 10; p > fraction && p > 1; p /= 10) {
            sb.append('0');
        }
        return sb.append(fraction);
    }

    private static final long[] POWERS = new long[MAX_DIGITS + 1];

    static {
        long p = 1;
        for (int i = 0; i <= MAX_DIGITS; i++) {
            POWERS[i] = p;
            p *= 10;
        }
    }
}
