package io.shebao.amount;

import io.shebao.ShebaoException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * 人民币大写: an amount in yuan written in Chinese capitals, as the People's Bank of China's rules for writing
 * amounts on vouchers say (《支付结算办法》附一《正确填写票据和结算凭证的基本规定》):
 * <ul>
 *   <li>digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿, 元角分; 壹拾 is written with its 壹;</li>
 *   <li>an amount that ends at 元 is followed by 整; one that ends at 角 is not (the rule allows either); 分 never;</li>
 *   <li>a zero between digits is written 零, several zeros in a row one 零 (1,004 → 壹仟零肆元整);</li>
 *   <li>where the 万 or 元 digit is 0 but the next lower digit is not, the rules allow one 零 or none: this
 *       writes none at 万 (107,000 → 壹拾万柒仟元整) and 零 after 元 before a 角 (1,680.32 → 壹仟陆佰捌拾元零叁角贰分);</li>
 *   <li>角 0 and 分 not 0: 零 after 元 is required (16,409.02 → 壹万陆仟肆佰零玖元零贰分).</li>
 * </ul>
 * The seed's certificate: 204.93 → 贰佰零肆元玖角叁分. Amounts below one yuan start at 角 or 分 (0.50 → 伍角);
 * zero is 零元整. Up to 9,999,999,999,999,999.99 (玖仟玖佰玖拾玖万…亿…), two decimals, not negative.
 */
public final class ChineseCapitals {
    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] IN_GROUP = {"", "拾", "佰", "仟"};
    private static final BigDecimal LIMIT = new BigDecimal("10000000000000000");

    private ChineseCapitals() {
    }

    /** The amount in capitals. */
    public static String of(BigDecimal amount) {
        if (amount.signum() < 0 || amount.compareTo(LIMIT) >= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw ShebaoException.invalid("amount", amount.toPlainString(),
                    "an amount in yuan ≥ 0 with at most two decimals, below 10^16");
        }
        BigInteger fen = amount.setScale(2, RoundingMode.UNNECESSARY).unscaledValue();
        BigInteger[] yj = fen.divideAndRemainder(BigInteger.valueOf(100));
        long yuan = yj[0].longValueExact();
        int jiao = yj[1].intValue() / 10;
        int fenDigit = yj[1].intValue() % 10;
        StringBuilder sb = new StringBuilder();
        if (yuan > 0) {
            sb.append(integer(yuan)).append('元');
        }
        if (jiao == 0 && fenDigit == 0) {
            return yuan == 0 ? "零元整" : sb.append('整').toString();
        }
        if (yuan > 0 && (yuan % 10 == 0 || jiao == 0)) {
            sb.append('零');
        }
        if (jiao > 0) {
            sb.append(DIGITS.charAt(jiao)).append('角');
        }
        if (fenDigit > 0) {
            sb.append(DIGITS.charAt(fenDigit)).append('分');
        }
        return sb.toString();
    }

    /** Whole yuan in capitals, without 元: 亿 above 万 above groups of four (10,500亿 → 壹万零伍佰亿). */
    static String integer(long n) {
        if (n >= 100_000_000L) {
            long lo = n % 100_000_000L;
            String s = integer(n / 100_000_000L) + "亿";
            return lo == 0 ? s : s + (lo < 10_000_000L ? "零" : "") + integer(lo);
        }
        if (n >= 10_000L) {
            int lo = (int) (n % 10_000L);
            String s = group((int) (n / 10_000L)) + "万";
            return lo == 0 ? s : s + (lo < 1000 ? "零" : "") + group(lo);
        }
        return group((int) n);
    }

    /** 1–9999 in capitals, zeros inside written once (1004 → 壹仟零肆, 1010 → 壹仟零壹拾). */
    private static String group(int v) {
        StringBuilder sb = new StringBuilder();
        boolean zero = false;
        boolean started = false;
        for (int p = 3; p >= 0; p--) {
            int d = (v / (int) Math.pow(10, p)) % 10;
            if (d == 0) {
                zero = started;
                continue;
            }
            if (zero) {
                sb.append('零');
                zero = false;
            }
            sb.append(DIGITS.charAt(d)).append(IN_GROUP[p]);
            started = true;
        }
        return sb.toString();
    }

    /**
     * Reads capitals back to the amount (for checking what was written): the forms {@link #of} writes, and the
     * variants the rules allow (with or without 整 after 角, with or without the optional 零).
     */
    public static BigDecimal parse(String text) {
        String s = text.strip();
        if (s.startsWith("人民币")) {
            s = s.substring(3);
        }
        if (s.endsWith("整") || s.endsWith("正")) {
            s = s.substring(0, s.length() - 1);
        }
        long yuan = 0;
        int i = s.indexOf('元');
        String rest = s;
        if (i >= 0) {
            yuan = parseInteger(s.substring(0, i), text);
            rest = s.substring(i + 1);
        }
        int jiao = 0;
        int fen = 0;
        rest = rest.replace("零", "");
        int j = rest.indexOf('角');
        if (j >= 0) {
            jiao = digit(rest.substring(0, j), text);
            rest = rest.substring(j + 1);
        }
        int f = rest.indexOf('分');
        if (f >= 0) {
            fen = digit(rest.substring(0, f), text);
            rest = rest.substring(f + 1);
        }
        if (!rest.isEmpty()) {
            throw bad(text);
        }
        return BigDecimal.valueOf(yuan).add(BigDecimal.valueOf(jiao * 10L + fen, 2));
    }

    private static long parseInteger(String s, String text) {
        if (s.isEmpty()) {
            throw bad(text);
        }
        if (s.equals("零")) {
            return 0;
        }
        for (String[] u : new String[][] {{"亿", "100000000"}, {"万", "10000"}}) {
            int k = s.lastIndexOf(u[0]);
            if (k >= 0) {
                String right = s.substring(k + u[0].length());
                return parseInteger(s.substring(0, k), text) * Long.parseLong(u[1])
                        + (right.isEmpty() ? 0 : parseInteger(right, text));
            }
        }
        long v = 0;
        int number = -1;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            int d = DIGITS.indexOf(c);
            if (d == 0) {
                continue;
            }
            if (d > 0) {
                if (number >= 0) {
                    throw bad(text);
                }
                number = d;
                continue;
            }
            int unit = switch (c) {
                case '拾' -> 10;
                case '佰' -> 100;
                case '仟' -> 1000;
                default -> throw bad(text);
            };
            if (number < 0) {
                throw bad(text);
            }
            v += (long) number * unit;
            number = -1;
        }
        return v + Math.max(number, 0);
    }

    private static int digit(String s, String text) {
        if (s.length() != 1 || DIGITS.indexOf(s.charAt(0)) <= 0) {
            throw bad(text);
        }
        return DIGITS.indexOf(s.charAt(0));
    }

    private static ShebaoException bad(String text) {
        return ShebaoException.invalid("capitals", text, "an amount in Chinese capitals such as 贰佰零肆元玖角叁分");
    }
}
