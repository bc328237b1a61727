package io.shebao.whatif;

import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.contribution.ContributionResult;
import io.shebao.retirement.Category;
import io.shebao.retirement.RetirementQuery;
import io.shebao.retirement.Sex;
import io.shebao.scenario.Scenario;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * 政策测算: computes every person of a population under the baseline and under a scenario and sums up the
 * difference. A row that cannot be computed under either goes to the error consumer with its reason; it is
 * counted, never dropped. Rows are evaluated in parallel in chunks; sums do not depend on the order.
 *
 * <p>Retirement comparisons (how many people's retirement month moves) plug in beside the contribution
 * one when the retirement rules are available: the {@link PopulationCsv.Person} keeps the retirement columns.
 */
public final class PopulationComparison {
    private static final int CHUNK = 2048;
    private static final int BANDS = 10;
    /** API field names → population columns, so an error names the column the user wrote. */
    private static final Map<String, String> COLUMN_OF = Map.ofEntries(Map.entry("riskClass", "risk_class"),
            Map.entry("floatGrade", "float_grade"), Map.entry("contributionMonths", "contribution_months"),
            Map.entry("birthMonth", "birth"));

    private final ShebaoRules baseline;
    private final ShebaoRules scenario;
    private final boolean retirement;

    /**
     * @param scenario a view from {@code baseline.withScenario(s)}; when its scenario touches retirement, each
     *                 person's retirement month is compared too (the retirement columns are then required)
     */
    public PopulationComparison(ShebaoRules baseline, ShebaoRules scenario) {
        this.baseline = baseline;
        this.scenario = scenario;
        this.retirement = scenario.scenario().map(Scenario::touchesRetirement).orElse(false);
    }

    /** @param shift retirement month under the scenario − under the baseline, in months; null when not compared */
    private record Outcome(PopulationCsv.Person person, ContributionResult before, ContributionResult after,
                           Integer shift, PopulationCsv.RowError error) {
    }

    /** Reads every record of the population, computes it and returns the summary. */
    public Summary run(PopulationCsv population, Consumer<PopulationCsv.RowError> errors) {
        int computed = 0;
        int failed = 0;
        int rises = 0;
        int falls = 0;
        int stays = 0;
        int warned = 0;
        SideTotals before = SideTotals.zero();
        SideTotals after = SideTotals.zero();
        List<BigDecimal[]> people = new ArrayList<>(); // {wage, baseline total, scenario total}
        Map<Integer, Integer> byShift = new TreeMap<>();
        Map<Integer, long[]> byYear = new TreeMap<>(); // birth year → {people, moved, total shift}
        int retired = 0;
        int later = 0;
        int earlier = 0;
        boolean more = true;
        while (more) {
            List<PopulationCsv.Entry> chunk = new ArrayList<>(CHUNK);
            while (chunk.size() < CHUNK) {
                Optional<PopulationCsv.Entry> e = population.next();
                if (e.isEmpty()) {
                    more = false;
                    break;
                }
                chunk.add(e.get());
            }
            List<Outcome> outcomes = chunk.parallelStream().map(this::evaluate).toList();
            for (Outcome o : outcomes) {
                if (o.error() != null) {
                    failed++;
                    errors.accept(o.error());
                    continue;
                }
                computed++;
                before = before.plus(o.before().lines());
                after = after.plus(o.after().lines());
                BigDecimal b = o.before().totals().total();
                BigDecimal a = o.after().totals().total();
                int cmp = a.compareTo(b);
                if (cmp > 0) {
                    rises++;
                } else if (cmp < 0) {
                    falls++;
                } else {
                    stays++;
                }
                if (!o.before().warnings().isEmpty() || !o.after().warnings().isEmpty()) {
                    warned++;
                }
                people.add(new BigDecimal[]{o.person().wageBand(), b, a});
                if (o.shift() != null) {
                    int sh = o.shift();
                    retired++;
                    later += sh > 0 ? 1 : 0;
                    earlier += sh < 0 ? 1 : 0;
                    byShift.merge(sh, 1, Integer::sum);
                    long[] y = byYear.computeIfAbsent(YearMonth.parse(o.person().retirement().get("birth")).getYear(),
                            k -> new long[3]);
                    y[0]++;
                    y[1] += sh != 0 ? 1 : 0;
                    y[2] += sh;
                }
            }
        }
        List<BigDecimal> changes = people.stream().map(p -> p[2].subtract(p[1])).sorted().toList();
        List<BigDecimal> deciles = new ArrayList<>();
        if (!changes.isEmpty()) {
            for (int d = 1; d < BANDS; d++) {
                deciles.add(changes.get(nearestRank(changes.size(), d * 10) - 1));
            }
        }
        return new Summary(computed, failed, before, after, rises, falls, stays, deciles,
                changes.isEmpty() ? Optional.empty() : Optional.of(changes.get(0)),
                changes.isEmpty() ? Optional.empty() : Optional.of(changes.get(changes.size() - 1)),
                bands(people), warned, retirement ? Optional.of(new RetirementShift(retired, later, earlier, byShift,
                        byYear.entrySet().stream().map(e -> new RetirementShift.BirthYear(e.getKey(), (int) e.getValue()[0],
                                (int) e.getValue()[1], e.getValue()[2])).toList())) : Optional.empty());
    }

    /** The nearest-rank percentile's 1-based rank: ceil(p/100 × n). */
    static int nearestRank(int n, int p) {
        return Math.max(1, (int) Math.ceil(p * (double) n / 100.0));
    }

    private static List<Summary.WageBand> bands(List<BigDecimal[]> people) {
        List<BigDecimal[]> sorted = new ArrayList<>(people);
        sorted.sort(Comparator.comparing((BigDecimal[] p) -> p[0]));
        List<Summary.WageBand> out = new ArrayList<>();
        int n = sorted.size();
        int bands = Math.min(BANDS, n);
        for (int i = 0; i < bands; i++) {
            int from = i * n / bands;
            int to = (i + 1) * n / bands;
            BigDecimal b = BigDecimal.ZERO.setScale(2);
            BigDecimal a = BigDecimal.ZERO.setScale(2);
            for (int k = from; k < to; k++) {
                b = b.add(sorted.get(k)[1]);
                a = a.add(sorted.get(k)[2]);
            }
            out.add(new Summary.WageBand(i + 1, sorted.get(from)[0], sorted.get(to - 1)[0], to - from, b, a));
        }
        return out;
    }

    private Outcome evaluate(PopulationCsv.Entry e) {
        if (e instanceof PopulationCsv.RowError err) {
            return new Outcome(null, null, null, null, err);
        }
        PopulationCsv.Person p = (PopulationCsv.Person) e;
        ContributionResult before;
        try {
            before = baseline.contribution(p.request());
        } catch (ShebaoException ex) {
            return new Outcome(p, null, null, null, rowError(p.row(), p.id(), ex, "under the baseline: "));
        }
        ContributionResult after;
        try {
            after = scenario.contribution(p.request());
        } catch (ShebaoException ex) {
            return new Outcome(p, null, null, null, rowError(p.row(), p.id(), ex, "under the scenario: "));
        }
        if (!retirement) {
            return new Outcome(p, before, after, null, null);
        }
        RetirementQuery q;
        try {
            q = retirementQuery(p);
        } catch (ShebaoException ex) {
            return new Outcome(p, null, null, null, rowError(p.row(), p.id(), ex, "retirement: "));
        }
        if (q == null) {
            return new Outcome(p, null, null, null, new PopulationCsv.RowError(p.row(), p.id(), "sex", "",
                    "this scenario changes retirement: give sex, birth, category and contribution_months"));
        }
        YearMonth m0;
        try {
            m0 = baseline.retirement(q).retirementMonth();
        } catch (ShebaoException ex) {
            return new Outcome(p, null, null, null, rowError(p.row(), p.id(), ex, "retirement under the baseline: "));
        }
        try {
            YearMonth m1 = scenario.retirement(q).retirementMonth();
            return new Outcome(p, before, after, (int) ChronoUnit.MONTHS.between(m0, m1), null);
        } catch (ShebaoException ex) {
            return new Outcome(p, null, null, null, rowError(p.row(), p.id(), ex, "retirement under the scenario: "));
        }
    }

    /**
     * The retirement question of a row, asked as of the last day of the row's period; null when none of the
     * retirement columns is given.
     */
    static RetirementQuery retirementQuery(PopulationCsv.Person p) {
        Map<String, String> r = p.retirement();
        if (r.isEmpty()) {
            return null;
        }
        for (String c : List.of("sex", "birth", "category", "contribution_months")) {
            if (!r.containsKey(c)) {
                throw ShebaoException.invalid(c, "", "this scenario changes retirement: give sex, birth, category and contribution_months");
            }
        }
        Sex sex = Sex.fromCode(r.get("sex")).orElseThrow(() -> ShebaoException.invalid("sex", r.get("sex"),
                "allowed: " + Sex.allowedCodes()));
        Category category = Category.fromCode(r.get("category")).orElseThrow(() -> ShebaoException.invalid("category",
                r.get("category"), "allowed: " + Category.allowedCodes()));
        YearMonth birth;
        try {
            birth = YearMonth.parse(r.get("birth"));
        } catch (DateTimeParseException e) {
            throw ShebaoException.invalid("birth", r.get("birth"), "a birth month written YYYY-MM");
        }
        int months;
        try {
            months = Integer.parseInt(r.get("contribution_months"));
        } catch (NumberFormatException e) {
            throw ShebaoException.invalid("contribution_months", r.get("contribution_months"), "a whole number of months ≥ 0");
        }
        return RetirementQuery.builder().region(p.request().region()).sex(sex).birthMonth(birth).category(category)
                .contributionMonths(months).asOf(p.request().period().atEndOfMonth()).build();
    }

    /** The error of a row, naming the column (or the parameter) and the value. */
    static PopulationCsv.RowError rowError(int row, String id, ShebaoException e, String prefix) {
        String field = e.field().map(f -> COLUMN_OF.getOrDefault(f, f)).orElse("row");
        return new PopulationCsv.RowError(row, id, field, e.value().orElse(""), prefix + e.getMessage());
    }
}
