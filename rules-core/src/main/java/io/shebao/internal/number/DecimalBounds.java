package io.shebao.internal.number;

import io.shebao.ShebaoException;

import java.math.BigDecimal;
import java.util.Objects;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The bounds of a decimal field (金额、比例的取值范围): at most {@code maxIntegerDigits} digits before the
 * point, at most {@code maxFractionDigits} after it, and a value between {@code min} and {@code max}.
 *
 * <p>{@link #parse} checks the text before any {@link BigDecimal} is built: ASCII digits only (full-width
 * ３４５０ and other scripts' digits are refused), one optional sign, one optional point, an optional exponent
 * of at most {@value #MAX_EXPONENT_DIGITS} digits, and a length cap. {@link #check} applies the digit and
 * range limits to a value that is already a {@link BigDecimal} (from JSON, from the embedding API); both end
 * in a {@link ShebaoException} whose message names the field, the value and {@link #allowed()}.
 *
 * <pre>{@code
 * BigDecimal wage = DecimalBounds.AMOUNT.parse("wage", "3450.50");
 * DecimalBounds.PERCENT.check("floatGrade", request.floatGrade());
 * }</pre>
 *
 * @param allowed           what is allowed, in words, for the error message (e.g. "an amount in yuan …")
 * @param minExclusive      true when {@code min} itself is not allowed (a float grade &gt; 0)
 */
public record DecimalBounds(String allowed, int maxIntegerDigits, int maxFractionDigits, BigDecimal min,
                            boolean minExclusive, BigDecimal max) {
    /** Exponent digits accepted in {@code 3.45e3}: enough for any real amount, too few to cost anything. */
    public static final int MAX_EXPONENT_DIGITS = 2;

    /** 金额: a wage, a base or a yuan parameter; ≥ 0 and below 10^{@value Limits#AMOUNT_INTEGER_DIGITS}. */
    public static final DecimalBounds AMOUNT = of("an amount in yuan from 0 to " + Limits.AMOUNT_MAX.toPlainString()
            + " with at most " + Limits.AMOUNT_FRACTION_DIGITS + " decimals, e.g. 3450 or 3450.50",
            Limits.AMOUNT_INTEGER_DIGITS, Limits.AMOUNT_FRACTION_DIGITS, BigDecimal.ZERO, false, Limits.AMOUNT_MAX);

    /** 浮动费率档次 in percent: &gt; 0 and ≤ {@link Limits#PERCENT_MAX}. */
    public static final DecimalBounds PERCENT = of("a percentage > 0 and at most " + Limits.PERCENT_MAX.toPlainString()
            + " with at most " + Limits.RATIO_FRACTION_DIGITS + " decimals, e.g. 100 or 120",
            Limits.PERCENT_MAX.precision() - Limits.PERCENT_MAX.scale(), Limits.RATIO_FRACTION_DIGITS,
            BigDecimal.ZERO, true, Limits.PERCENT_MAX);

    /** 费率: a fraction from 0 to 1 (0.16 = 16%). */
    public static final DecimalBounds RATE = of("a rate from 0 to 1 (write 0.16 for 16%) with at most "
            + Limits.RATIO_FRACTION_DIGITS + " decimals", 1, Limits.RATIO_FRACTION_DIGITS, BigDecimal.ZERO, false,
            BigDecimal.ONE);

    /** 系数: a multiplier from 0 to {@link Limits#FACTOR_MAX}. */
    public static final DecimalBounds FACTOR = of("a factor from 0 to " + Limits.FACTOR_MAX.toPlainString()
            + " with at most " + Limits.RATIO_FRACTION_DIGITS + " decimals", Limits.FACTOR_MAX.precision()
            - Limits.FACTOR_MAX.scale(), Limits.RATIO_FRACTION_DIGITS, BigDecimal.ZERO, false, Limits.FACTOR_MAX);

    public DecimalBounds {
        Objects.requireNonNull(allowed);
        Objects.requireNonNull(min);
        Objects.requireNonNull(max);
        checkArgument(maxIntegerDigits >= 1 && maxFractionDigits >= 0 && min.compareTo(max) <= 0,
                "bounds: digits %s/%s, range %s…%s", maxIntegerDigits, maxFractionDigits, min, max);
    }

    private static DecimalBounds of(String allowed, int intDigits, int fracDigits, BigDecimal min, boolean minExclusive,
                                    BigDecimal max) {
        return new DecimalBounds(allowed, intDigits, fracDigits, min, minExclusive, max);
    }

    /** The same bounds described in other words (e.g. "a wage in yuan …"). */
    public DecimalBounds describedAs(String allowed) {
        return new DecimalBounds(allowed, maxIntegerDigits, maxFractionDigits, min, minExclusive, max);
    }

    /**
     * The value of {@code text} (already trimmed), or a {@link ShebaoException} naming {@code field}.
     * Costs O(length of text), and the length is capped before anything else is done.
     */
    public BigDecimal parse(String field, String text) {
        String problem = syntax(text);
        if (problem != null) {
            throw ShebaoException.invalid(field, clip(text), allowed);
        }
        return check(field, plain(text));
    }

    /**
     * {@code new BigDecimal(text)} for a text that {@link #syntax} accepted: a plain number of at most 18 digits
     * (the wage, the base, the float grade of a population row) is made from its digits, the same unscaled value
     * and scale (issue 13: the constructor copies the text into a char array first, twice a row); a text with an
     * exponent or more digits goes through the constructor.
     */
    static BigDecimal plain(String s) {
        int n = s.length();
        int i = 0;
        char first = s.charAt(0);
        boolean negative = first == '-';
        if (first == '+' || first == '-') {
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = 0;
        boolean point = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 18) {
                    return new BigDecimal(s); // might not fit in a long
                }
                unscaled = unscaled * 10 + (c - '0');
                if (point) {
                    scale++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return new BigDecimal(s); // an exponent
            }
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }

    /** True when {@link #parse} would accept the text. */
    public boolean accepts(String text) {
        if (syntax(text) != null) {
            return false;
        }
        return problem(new BigDecimal(text)) == null;
    }

    /** {@code value} itself when it is within the bounds, else a {@link ShebaoException} naming {@code field}. */
    public BigDecimal check(String field, BigDecimal value) {
        if (problem(value) != null) {
            throw ShebaoException.invalid(field, shown(value), allowed);
        }
        return value;
    }

    private String problem(BigDecimal v) {
        // precision − scale = digits before the point; O(1) on the value's representation, no expansion
        if (v.signum() != 0 && (long) v.precision() - v.scale() > maxIntegerDigits) {
            return "too many digits";
        }
        if (v.scale() > maxFractionDigits && v.stripTrailingZeros().scale() > maxFractionDigits) {
            return "too many decimals";
        }
        int lo = v.compareTo(min);
        if (lo < 0 || (lo == 0 && minExclusive) || v.compareTo(max) > 0) {
            return "out of range";
        }
        return null;
    }

    /** True when the text has the syntax {@link #parse} accepts (for tests of {@link #plain}). */
    static boolean syntaxAccepts(String s) {
        return AMOUNT.syntax(s) == null;
    }

    private String syntax(String s) {
        int cap = maxIntegerDigits + maxFractionDigits + 4 + MAX_EXPONENT_DIGITS + 8; // sign, point, zeros, e±
        if (s == null || s.isEmpty() || s.length() > cap) {
            return "length";
        }
        int i = 0;
        int n = s.length();
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            i++;
        }
        int digits = 0;
        boolean point = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return "no digits";
        }
        if (i == n) {
            return null;
        }
        char e = s.charAt(i);
        if (e != 'e' && e != 'E') {
            return "character";
        }
        i++;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int expDigits = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return "character";
            }
            expDigits++;
        }
        return expDigits == 0 || expDigits > MAX_EXPONENT_DIGITS ? "exponent" : null;
    }

    /** A value for a message: plain when short, scientific when its plain form would be huge. */
    static String shown(BigDecimal v) {
        long plainLength = Math.abs((long) v.precision() - v.scale()) + Math.abs((long) v.scale());
        return plainLength > 40 ? v.toString() : v.toPlainString();
    }

    /** The value as echoed in a message: at most {@value Limits#ECHO_CHARS} characters. */
    static String clip(String s) {
        return s.length() <= Limits.ECHO_CHARS ? s : s.substring(0, Limits.ECHO_CHARS) + "… (" + s.length() + " characters)";
    }
}
