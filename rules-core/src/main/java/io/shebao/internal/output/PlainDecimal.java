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
        // exact: the scale is ≥ 0 and the unscaled value has at most 18 digits; the digits are written from the
        // last, the point after `scale` of them, at least one digit before it (0.05), then the sign
        long unscaled = scale == 0 ? d.longValue() : d.movePointRight(scale).longValue();
        boolean negative = unscaled < 0;
        long u = negative ? -unscaled : unscaled; // ≥ -(10^18 - 1): no overflow
        char[] text = new char[MAX_DIGITS + 3];
        int at = text.length;
        int digits = 0;
        do {
            // u / 10: for u < 2^32 as a multiply and a shift, exact for every such u (the compilers' own
            // rewrite; C1, which compiles `shebao batch`, emits a 64-bit divide, the loop's main cost in the profile)
            long q = u < 0x1_0000_0000L ? (u * 0xCCCC_CCCDL) >>> 35 : u / 10;
            text[--at] = (char) ('0' + (int) (u - q * 10));
            u = q;
            if (++digits == scale) {
                text[--at] = '.';
            }
        } while (u != 0 || digits <= scale);
        if (negative) {
            text[--at] = '-';
        }
        return sb.append(text, at, text.length - at);
    }
}
