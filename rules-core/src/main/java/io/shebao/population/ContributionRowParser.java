package io.shebao.population;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.Insurance;
import io.shebao.contribution.UnitKind;
import io.shebao.contribution.Contributor;
import io.shebao.internal.number.DecimalBounds;
import io.shebao.internal.number.MonthText;
import io.shebao.internal.number.WholeBounds;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.shebao.population.PopulationColumns.BASE;
import static io.shebao.population.PopulationColumns.FLOAT_GRADE;
import static io.shebao.population.PopulationColumns.ID;
import static io.shebao.population.PopulationColumns.INSURANCES;
import static io.shebao.population.PopulationColumns.PERIOD;
import static io.shebao.population.PopulationColumns.REGION;
import static io.shebao.population.PopulationColumns.RISK_CLASS;
import static io.shebao.population.PopulationColumns.UNIT_KIND;
import static io.shebao.population.PopulationColumns.WAGE;

/**
 * Turns a population row into a {@link ContributionRequest} (缴费核定请求). A field that is not allowed is a
 * {@link ShebaoException} whose {@code field()} is the column name, {@code value()} the text as written and
 * message one line saying what is allowed: the caller writes it to the error file and goes on.
 *
 * @param defaultPeriod fills {@code period} where the column is absent or the cell blank
 * @param defaultRegion fills {@code region} where the column is absent or the cell blank
 */
public record ContributionRowParser(Optional<YearMonth> defaultPeriod, Optional<String> defaultRegion,
                                    boolean allowCarryForward) {
    private static final WholeBounds RISK_CLASSES = new WholeBounds("a risk class 1 to 8 (一类…八类)", 1, 8);
    private static final java.util.regex.Pattern LIST_SEPARATOR = java.util.regex.Pattern.compile("[;,\\s]+");

    public ContributionRowParser {
        Objects.requireNonNull(defaultPeriod);
        Objects.requireNonNull(defaultRegion);
    }

    /** No defaults, no carry-forward. */
    public static ContributionRowParser strict() {
        return new ContributionRowParser(Optional.empty(), Optional.empty(), false);
    }

    /**
     * Checks that the file can be evaluated at all: the columns {@code id}, {@code region} and {@code period}
     * (unless a default is given), and {@code wage} or {@code base}, none of the columns read
     * ({@link PopulationColumns#ALL}) twice. Throws naming the first missing or repeated column.
     */
    public void requireColumns(Columns columns) {
        for (String name : PopulationColumns.ALL) {
            if (columns.names().indexOf(name) != columns.names().lastIndexOf(name)) {
                throw new ShebaoException(ErrorCode.INVALID_INPUT, name, columns.toString(),
                        "in: column '" + name + "' appears twice in the header; the header has: " + columns);
            }
        }
        require(columns, ID, false, "");
        require(columns, REGION, defaultRegion.isPresent(), " (or give --region)");
        require(columns, PERIOD, defaultPeriod.isPresent(), " (or give --period YYYY-MM)");
        if (!columns.contains(WAGE) && !columns.contains(BASE)) {
            throw missing("wage", "a population file needs the column wage (declared monthly wage) or base (contribution base)", columns);
        }
    }

    private static void require(Columns columns, String name, boolean defaulted, String option) {
        if (!defaulted && !columns.contains(name)) {
            throw missing(name, "a population file needs the column " + name + option, columns);
        }
    }

    private static ShebaoException missing(String column, String what, Columns columns) {
        return new ShebaoException(ErrorCode.INVALID_INPUT, column, columns.toString(),
                "in: missing column '" + column + "': " + what + "; the header has: " + columns);
    }

    public ContributionRequest parse(PopulationRow row) {
        if (row.isMalformed()) {
            throw new ShebaoException(ErrorCode.INVALID_INPUT, "row", "", row.malformed());
        }
        if (row.id().isBlank()) {
            throw ShebaoException.invalid(ID, "", "every row needs an id");
        }
        int[] at = ColumnsAt.of(row.columns());
        String region = or(row.textAt(at[0]), defaultRegion);
        if (region == null) {
            throw ShebaoException.invalid(REGION, "", "a region code, e.g. wuhan or yichang");
        }
        String periodText = row.textAt(at[1]);
        YearMonth period = periodText != null ? month(periodText) : defaultPeriod.orElse(null);
        if (period == null) {
            throw ShebaoException.invalid(PERIOD, "", "a month YYYY-MM, e.g. 2025-09 (or give --period)");
        }
        String wage = row.textAt(at[2]);
        String base = row.textAt(at[3]);
        if ((wage != null) == (base != null)) {
            throw ShebaoException.invalid(wage != null ? WAGE : "wage/base", wage != null ? wage + " / " + base : "",
                    "give exactly one of wage (declared monthly wage) and base (contribution base)");
        }
        String c = row.textAt(at[4]);
        Contributor contributor = c == null ? Contributor.EMPLOYEE : Contributor.fromCode(c)
                .orElseThrow(() -> ShebaoException.invalid(PopulationColumns.CONTRIBUTOR, c, "one of " + Contributor.allowedCodes()));
        boolean flexible = contributor == Contributor.FLEXIBLE;
        String risk = row.textAt(at[5]);
        String grade = row.textAt(at[6]);
        String insurances = row.textAt(at[7]);
        String unit = row.textAt(at[8]);
        String birth = flexible ? row.textAt(at[9]) : null;
        String sex = flexible ? row.textAt(at[10]) : null;
        // the record's constructor directly, fields in the order the Optional form parsed them (the first bad
        // field is the one reported); the builder's EnumSet costs more than the rest of the row
        Optional<BigDecimal> w = wage == null ? Optional.empty() : Optional.of(amount(WAGE, wage));
        Optional<BigDecimal> b = base == null ? Optional.empty() : Optional.of(amount(BASE, base));
        Optional<Integer> rc = risk == null ? Optional.empty() : Optional.of(riskClass(risk));
        BigDecimal fg = grade == null ? ContributionRequest.DEFAULT_FLOAT_GRADE : percent(grade);
        Set<Insurance> ins = insurances == null ? Set.of() : insurances(insurances);
        Optional<UnitKind> uk = unit == null ? Optional.empty() : Optional.of(unitKind(unit));
        Optional<YearMonth> bm = birth == null ? Optional.empty() : Optional.of(birth(birth));
        Optional<io.shebao.retirement.Sex> sx = sex == null ? Optional.empty() : Optional.of(sex(sex));
        return new ContributionRequest(region, period, w, b, rc, fg, ins, allowCarryForward, uk, contributor, bm, sx);
    }

    /**
     * The positions of the columns a row is parsed from, for the last {@link Columns} met (a file's rows share
     * one): looked up by name once per file instead of eleven hash lookups per row (issue 13). A JSONL line has
     * its own columns, so they are looked up again, as before.
     */
    private record ColumnsAt(Columns columns, int[] at) {
        private static final String[] NAMES = {REGION, PERIOD, WAGE, BASE, PopulationColumns.CONTRIBUTOR, RISK_CLASS,
                FLOAT_GRADE, INSURANCES, UNIT_KIND, PopulationColumns.BIRTH, PopulationColumns.SEX};
        private static volatile ColumnsAt last;

        static int[] of(Columns columns) {
            ColumnsAt c = last;
            if (c != null && c.columns == columns) {
                return c.at;
            }
            int[] at = new int[NAMES.length];
            for (int i = 0; i < at.length; i++) {
                at[i] = columns.indexOf(NAMES[i]);
            }
            last = new ColumnsAt(columns, at);
            return at;
        }
    }

    private static String or(String value, Optional<String> fallback) {
        return value != null ? value : fallback.orElse(null);
    }

    static YearMonth month(String s) {
        // ASCII digits, years within io.shebao.internal.number.Limits; same result as YearMonth.parse otherwise
        return MonthText.parse(PERIOD, s, "a month YYYY-MM, e.g. 2025-09");
    }

    /** Bounded before any arithmetic: ASCII digits, capped digits and exponent (docs/LIMITS.md). */
    static BigDecimal amount(String column, String s) {
        return DecimalBounds.AMOUNT.parse(column, s);
    }

    static int riskClass(String s) {
        return RISK_CLASSES.parse(RISK_CLASS, s);
    }

    static BigDecimal percent(String s) {
        return DecimalBounds.PERCENT.parse(FLOAT_GRADE, s.endsWith("%") ? s.substring(0, s.length() - 1).strip() : s);
    }

    static YearMonth birth(String s) {
        return MonthText.parse(PopulationColumns.BIRTH, s, "a birth month YYYY-MM, e.g. 1980-04");
    }

    static io.shebao.retirement.Sex sex(String s) {
        return io.shebao.retirement.Sex.fromCode(s).orElseThrow(() -> ShebaoException.invalid(PopulationColumns.SEX, s,
                "one of " + io.shebao.retirement.Sex.allowedCodes()));
    }

    static UnitKind unitKind(String s) {
        return UnitKind.fromCode(s).orElseThrow(() -> ShebaoException.invalid(UNIT_KIND, s,
                "a unit kind, one of " + UnitKind.allowedCodes()));
    }

    /** "pension;unemployment", "pension,unemployment" (quoted in CSV) or "pension unemployment". */
    static Set<Insurance> insurances(String s) {
        Set<Insurance> known = INSURANCE_LISTS.get(s);
        if (known != null) {
            return known;
        }
        Set<Insurance> parsed = parseInsurances(s); // a list with an unknown code throws, and is never kept
        if (s.length() <= MAX_LIST_CHARS && INSURANCE_LISTS.size() < MAX_LISTS) {
            INSURANCE_LISTS.putIfAbsent(s, parsed);
        }
        return parsed;
    }

    /**
     * The lists met so far, each parsed once: a population file repeats a handful ("pension;unemployment"), and
     * the split and the sorted set cost more than the row's amounts (issue 13). Bounded in entries and length.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Set<Insurance>> INSURANCE_LISTS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_LISTS = 512;
    private static final int MAX_LIST_CHARS = 200;

    private static Set<Insurance> parseInsurances(String s) {
        Set<Insurance> out = new java.util.TreeSet<Insurance>();
        for (String code : LIST_SEPARATOR.split(s)) {
            if (code.isEmpty()) {
                continue;
            }
            out.add(Insurance.fromCode(code).orElseThrow(() ->
                    ShebaoException.invalid(INSURANCES, code, "insurance codes separated by ; — " + Insurance.allowedCodes())));
        }
        // shared by the rows that wrote the same list; a Set.copyOf set, which a request keeps as it is
        return Set.copyOf(out);
    }

    /** The population column an API field name refers to (riskClass → risk_class…), for error files. */
    public static String column(String apiField) {
        return switch (apiField) {
            case "riskClass" -> RISK_CLASS;
            case "floatGrade" -> FLOAT_GRADE;
            case "unitKind" -> UNIT_KIND;
            case "contributionMonths" -> PopulationColumns.CONTRIBUTION_MONTHS;
            case "birthMonth" -> PopulationColumns.BIRTH;
            default -> apiField;
        };
    }
}
