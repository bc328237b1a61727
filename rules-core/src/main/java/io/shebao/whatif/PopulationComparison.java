package io.shebao.whatif;

import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.contribution.ContributionResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private static final Map<String, String> COLUMN_OF = Map.of("region", "region", "wage", "wage", "base", "base",
            "riskClass", "risk_class", "floatGrade", "float_grade", "insurances", "insurances", "period", "period");

    private final ShebaoRules baseline;
    private final ShebaoRules scenario;

    /** @param scenario a view from {@code baseline.withScenario(s)} (any two views can be compared) */
    public PopulationComparison(ShebaoRules baseline, ShebaoRules scenario) {
        this.baseline = baseline;
        this.scenario = scenario;
    }

    private record Outcome(PopulationCsv.Person person, ContributionResult before, ContributionResult after,
                           PopulationCsv.RowError error) {
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
                bands(people), warned);
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
            return new Outcome(null, null, null, err);
        }
        PopulationCsv.Person p = (PopulationCsv.Person) e;
        ContributionResult before;
        try {
            before = baseline.contribution(p.request());
        } catch (ShebaoException ex) {
            return new Outcome(p, null, null, rowError(p.row(), p.id(), ex, "under the baseline: "));
        }
        try {
            return new Outcome(p, before, scenario.contribution(p.request()), null);
        } catch (ShebaoException ex) {
            return new Outcome(p, null, null, rowError(p.row(), p.id(), ex, "under the scenario: "));
        }
    }

    /** The error of a row, naming the column (or the parameter) and the value. */
    static PopulationCsv.RowError rowError(int row, String id, ShebaoException e, String prefix) {
        String field = e.field().map(f -> COLUMN_OF.getOrDefault(f, f)).orElse("row");
        return new PopulationCsv.RowError(row, id, field, e.value().orElse(""), prefix + e.getMessage());
    }
}
