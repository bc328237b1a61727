package io.shebao.internal.number;

import java.math.BigDecimal;

/**
 * 输入界限: the engineering limits on input, in one place (docs/LIMITS.md). They are not policy figures:
 * they bound what the program accepts so that no single value, record or file can cost unbounded time or
 * memory, and every one of them is far beyond any real value. To change one, edit it here and rebuild;
 * the record size can also be set per run ({@code --max-record-size}) or per JVM
 * ({@code -Dshebao.maxRecordChars=N}).
 */
public final class Limits {
    /** Digits before the point of an amount in yuan (a monthly wage below one trillion yuan). */
    public static final int AMOUNT_INTEGER_DIGITS = 12;
    /** Decimals of an amount (the fen needs 2; more are accepted and rounded by the rules). */
    public static final int AMOUNT_FRACTION_DIGITS = 6;
    public static final BigDecimal AMOUNT_MAX = new BigDecimal("999999999999.999999");
    /** Decimals of a rate, factor or percentage. */
    public static final int RATIO_FRACTION_DIGITS = 10;
    /** Largest float grade in percent accepted as input (the rules then check the grades in force). */
    public static final BigDecimal PERCENT_MAX = new BigDecimal("1000");
    /** Largest multiplier a factor parameter may have. */
    public static final BigDecimal FACTOR_MAX = new BigDecimal("1000");
    /** Months (contribution months; months-valued parameters): 200 years. */
    public static final long MONTHS_MAX = 2400;
    /** Years (years-valued parameters). */
    public static final long YEARS_MAX = 200;
    /** Counts (decimal places, steps). */
    public static final long COUNT_MAX = 1_000_000;
    /** Years a month may have (periods, birth months, parameter dates in YYYY-MM). */
    public static final int YEAR_MIN = 1900;
    public static final int YEAR_MAX = 2199;
    /** Characters of an offending value echoed in an error message. */
    public static final int ECHO_CHARS = 80;

    /** Default size of one record (a CSV record, a JSONL line, an audit line) in characters: 4 Mi. */
    public static final int DEFAULT_MAX_RECORD_CHARS = 4 * 1024 * 1024;
    /** System property overriding {@link #DEFAULT_MAX_RECORD_CHARS} for a whole JVM. */
    public static final String MAX_RECORD_CHARS_PROPERTY = "shebao.maxRecordChars";

    /** YAML (parameter files, packs, scenarios): largest file in code points, aliases, nesting depth. */
    public static final int YAML_MAX_CODE_POINTS = 8 * 1024 * 1024;
    public static final int YAML_MAX_ALIASES = 50;
    public static final int YAML_MAX_DEPTH = 50;
    /** Longest scalar in a YAML file (a reference text is a few hundred characters). */
    public static final int YAML_MAX_SCALAR_CHARS = 64 * 1024;

    private Limits() {
    }

    /** The record size in force: {@code -Dshebao.maxRecordChars} when set to a number ≥ 1, else the default. */
    public static int maxRecordChars() {
        String p = System.getProperty(MAX_RECORD_CHARS_PROPERTY);
        if (p != null) {
            try {
                int n = Integer.parseInt(p.strip());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall back to the default; the CLI option is the checked way to set it
            }
        }
        return DEFAULT_MAX_RECORD_CHARS;
    }
}
