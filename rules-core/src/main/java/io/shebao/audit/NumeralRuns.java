package io.shebao.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * 数字片段: the runs of numerals (digits, points, minus signs) of a message's or a list's texts, asked on every
 * audited row whether the row's amount (a decimal's plain string, numerals only) is stated in them: it can be only
 * within one run. Searching the texts, or all their runs joined, was ~6–9% of an audited batch's samples (a
 * list's runs were ~550 characters); here the runs are kept each once and none within another, and the 4-grams
 * of the runs are kept as bits, so that an amount one of whose 4-grams no run has is answered without a search.
 * Immutable.
 */
final class NumeralRuns {
    static final String NUMERAL = "0123456789.-";
    private static final int GRAM_BITS = 1024;

    /** The runs each once and none within another, joined by spaces (no numeral: a match is within one run). */
    private final String joined;
    /** Bit {@code code(g) mod 1024} set for each 4-gram {@code g} of a run. */
    private final long[] grams = new long[GRAM_BITS / 64];

    private NumeralRuns(List<String> kept) {
        this.joined = String.join(" ", kept);
        for (String r : kept) {
            for (int i = 0; i + 4 <= r.length(); i++) {
                int g = gram(r, i);
                grams[g >>> 6] |= 1L << (g & 63);
            }
        }
    }

    /** The runs of these texts. */
    static NumeralRuns of(String... texts) {
        List<String> found = new ArrayList<>();
        for (String t : texts) {
            runs(t, found);
        }
        return new NumeralRuns(kept(found));
    }

    /** True for a non-empty text of numerals only (every plain decimal string is one): what {@link #contain} asks. */
    static boolean isNumeral(String amount) {
        if (amount.isEmpty()) {
            return false;
        }
        for (int i = 0; i < amount.length(); i++) {
            if (!numeral(amount.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** One of {@link #NUMERAL}'s characters. */
    private static boolean numeral(char c) {
        return c >= '0' && c <= '9' || c == '.' || c == '-';
    }

    /** Whether one of the texts contains {@code amount}, which must be {@link #isNumeral}. */
    boolean contain(String amount) {
        // a run containing the amount has every 4-gram of it: one missing answers no. The last four numerals
        // read, as a number in base 12, are kept rolling (mod 12^4) rather than read again for each 4-gram.
        int code = 0;
        for (int i = 0; i < amount.length(); i++) {
            code = (code * 12 + value(amount.charAt(i))) % GRAM_CODES;
            int g = code % GRAM_BITS;
            if (i >= 3 && (grams[g >>> 6] & (1L << (g & 63))) == 0) {
                return false;
            }
        }
        return joined.contains(amount);
    }

    /** Distinct 4-grams of numerals: 12^4. */
    private static final int GRAM_CODES = 12 * 12 * 12 * 12;

    /** The 4 numerals from {@code i} as a number in base 12, reduced to a bit index. */
    private static int gram(String s, int i) {
        int code = 0;
        for (int k = i; k < i + 4; k++) {
            code = code * 12 + value(s.charAt(k));
        }
        return code % GRAM_BITS;
    }

    /** A numeral's place in {@link #NUMERAL}: a digit's value, 10 for the point, 11 for the minus sign. */
    private static int value(char numeral) {
        return numeral == '.' ? 10 : numeral == '-' ? 11 : numeral - '0';
    }

    /** The maximal runs of {@link #NUMERAL} characters in the text (a handful of short strings per message). */
    static void runs(String text, List<String> into) {
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean in = i < text.length() && numeral(text.charAt(i));
            if (in && start < 0) {
                start = i;
            } else if (!in && start >= 0) {
                into.add(text.substring(start, i));
                start = -1;
            }
        }
    }

    /**
     * The runs each once and none that another contains: an amount is within one of the runs exactly when it is
     * within one of these. A list's texts repeat their numbers (the Chinese and the English text, a value and its
     * document's dates in several notes): the 716 lists of a 300k trail had 549 characters of runs joined on
     * average, 127 kept.
     */
    static List<String> kept(List<String> runs) {
        List<String> kept = new ArrayList<>();
        runs.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed()).forEach(r -> {
            for (String k : kept) {
                if (k.contains(r)) {
                    return;
                }
            }
            kept.add(r);
        });
        return kept;
    }

    @Override
    public String toString() {
        return joined;
    }
}
