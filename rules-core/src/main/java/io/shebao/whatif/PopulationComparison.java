package io.shebao.whatif;

import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.audit.AuditWriter;
import io.shebao.retirement.RetirementResult;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.population.ContributionRowParser;
import io.shebao.population.PopulationColumns;
import io.shebao.population.PopulationReader;
import io.shebao.population.PopulationRow;
import io.shebao.population.RetirementRowParser;
import io.shebao.population.RowError;
import io.shebao.population.RunStopped;
import io.shebao.retirement.RetirementQuery;
import io.shebao.scenario.Scenario;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * 政策测算: computes every person of a population under the baseline and under a scenario and sums up the
 * difference. A row that cannot be computed under either goes to the error consumer with its reason; it is
 * counted, never dropped. Rows are evaluated in parallel in chunks; sums do not depend on the order.
 *
 * <p>The population is read by {@link PopulationReader} and each row made into requests by
 * {@link ContributionRowParser} and {@link RetirementRowParser}, as {@code shebao batch} does: both commands
 * take the same files and write the same error lines. When the scenario touches retirement, each person's
 * retirement month is compared too: as of the first day of the row's period (a 2023 row gets the rules of
 * 2023), or as of one date for every row ({@link #retirementAsOf}), as {@code shebao batch --as-of} does.
 */
public final class PopulationComparison {
    private static final int CHUNK = 2048;
    private static final int BANDS = 10;
    /** The risk-class group of rows that give none (allowed when work injury does not apply). */
    static final String NO_RISK_CLASS = "none";
    private static final String NEEDS_RETIREMENT =
            "this scenario changes retirement: give sex, birth, category and contribution_months";

    private final ShebaoRules baseline;
    private final ShebaoRules scenario;
    private final boolean retirement;
    /** Where each computed row's records go (baseline, then scenario), or null. */
    private final AuditWriter audit;
    /** 退休查询日: the date every row's retirement question is asked on, or null for each row's own period. */
    private final LocalDate retirementAsOf;

    /**
     * @param scenario a view from {@code baseline.withScenario(s)}; when its scenario touches retirement, each
     *                 person's retirement month is compared too (the retirement columns are then required)
     */
    public PopulationComparison(ShebaoRules baseline, ShebaoRules scenario) {
        this(baseline, scenario, null, null);
    }

    private PopulationComparison(ShebaoRules baseline, ShebaoRules scenario, AuditWriter audit, LocalDate retirementAsOf) {
        this.baseline = baseline;
        this.scenario = scenario;
        this.retirement = scenario.scenario().map(Scenario::touchesRetirement).orElse(false);
        this.audit = audit;
        this.retirementAsOf = retirementAsOf;
    }

    /**
     * The same comparison, writing the audit records of every computed row to {@code writer} in input order:
     * the baseline's contribution record, the scenario's (which names the scenario and its hash), and the two
     * retirement records when retirement is compared.
     */
    public PopulationComparison auditTo(AuditWriter writer) {
        return new PopulationComparison(baseline, scenario, Objects.requireNonNull(writer), retirementAsOf);
    }

    /**
     * The same comparison, asking every row's retirement question (baseline and scenario) as of {@code asOf}
     * instead of the first day of the row's own period; null restores that default.
     */
    public PopulationComparison retirementAsOf(LocalDate asOf) {
        return new PopulationComparison(baseline, scenario, audit, asOf);
    }

    /**
     * @param wageBand the declared wage, or the base when the row gives a base: what wage bands are made of
     * @param birth    the birth month when retirement is compared
     * @param shift    retirement month under the scenario − under the baseline, in months; null when not compared
     */
    private record Outcome(BigDecimal wageBand, ContributionResult before, ContributionResult after,
                           YearMonth birth, Integer shift, RetirementResult retirementBefore,
                           RetirementResult retirementAfter, RowError error) {
        static Outcome failed(RowError error) {
            return new Outcome(null, null, null, null, null, null, null, error);
        }
    }

    /**
     * Reads every row of the population, computes it and returns the summary; rows in error go to
     * {@code errors} in input order. The reader is not closed.
     *
     * @param parser how rows become requests ({@code --region}, {@code --period}, carry-forward)
     * @throws ShebaoException before the first row when a required column is missing
     */
    public Summary run(PopulationReader population, ContributionRowParser parser, Consumer<RowError> errors) {
        return run(population, parser, errors, io.shebao.batch.BatchProgress.NONE);
    }

    /** {@link #run(PopulationReader, ContributionRowParser, Consumer)}, telling the progress after each chunk. */
    public Summary run(PopulationReader population, ContributionRowParser parser, Consumer<RowError> errors,
                       io.shebao.batch.BatchProgress progress) {
        parser.requireColumns(population.columns());
        long start = System.nanoTime();
        int computed = 0;
        int failed = 0;
        int rises = 0;
        int falls = 0;
        int stays = 0;
        int warned = 0;
        Map<String, io.shebao.trace.Message> assumed = new TreeMap<>();
        SideTotals before = SideTotals.zero();
        SideTotals after = SideTotals.zero();
        List<BigDecimal[]> people = new ArrayList<>(); // {wage, baseline total, scenario total}
        Map<Integer, Integer> byShift = new TreeMap<>();
        Map<Integer, long[]> byYear = new TreeMap<>(); // birth year → {people, moved, total shift}
        Map<String, Group> byPeriod = new TreeMap<>();
        Map<String, Group> byRegion = new TreeMap<>();
        Map<String, Group> byRiskClass = new TreeMap<>();
        int retired = 0;
        int later = 0;
        int earlier = 0;
        boolean more = true;
        long rowsRead = 0;
        long lastRow = 0;
        while (more) {
            List<PopulationRow> chunk = new ArrayList<>(CHUNK);
            List<Outcome> outcomes;
            try {
                while (chunk.size() < CHUNK) {
                    if (!population.hasNext()) {
                        more = false;
                        break;
                    }
                    PopulationRow row = population.next();
                    chunk.add(row);
                    rowsRead++;
                    lastRow = row.rowNumber();
                }
                outcomes = chunk.parallelStream().map(r -> evaluate(r, parser)).toList();
            } catch (RuntimeException | Error e) {
                // the input could not be read to its end, or memory ran out: say where, never a partial summary
                throw new RunStopped(rowsRead, lastRow, e);
            }
            long consumed = population.bytesRead(); // this chunk is read and about to be counted: no read-ahead
            for (Outcome o : outcomes) {
                if (o.error() != null) {
                    failed++;
                    errors.accept(o.error());
                    continue;
                }
                computed++;
                if (audit != null) {
                    audit.write(baseline.audit().record(o.before()));
                    audit.write(scenario.audit().record(o.after()));
                    if (o.retirementBefore() != null) {
                        audit.write(baseline.audit().record(o.retirementBefore()));
                        audit.write(scenario.audit().record(o.retirementAfter()));
                    }
                }
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
                    for (var w : o.before().warnings()) {
                        if (w.code().equals("ASSUMED_VALUE")) {
                            assumed.putIfAbsent(w.en(), w);
                        }
                    }
                    for (var w : o.after().warnings()) {
                        if (w.code().equals("ASSUMED_VALUE")) {
                            assumed.putIfAbsent(w.en(), w);
                        }
                    }
                }
                people.add(new BigDecimal[]{o.wageBand(), b, a});
                ContributionRequest q = o.before().request();
                add(byPeriod, q.period().toString(), b, a);
                add(byRegion, q.region(), b, a);
                add(byRiskClass, q.riskClass().map(String::valueOf).orElse(NO_RISK_CLASS), b, a);
                if (o.shift() != null) {
                    int sh = o.shift();
                    retired++;
                    later += sh > 0 ? 1 : 0;
                    earlier += sh < 0 ? 1 : 0;
                    byShift.merge(sh, 1, Integer::sum);
                    long[] y = byYear.computeIfAbsent(o.birth().getYear(), k -> new long[3]);
                    y[0]++;
                    y[1] += sh != 0 ? 1 : 0;
                    y[2] += sh;
                }
            }
            progress.update(computed + failed, consumed, java.time.Duration.ofNanos(System.nanoTime() - start));
        }
        if (computed + failed != rowsRead) {
            throw new RunStopped(rowsRead, lastRow, new IllegalStateException("rows read " + rowsRead + " but "
                    + computed + " computed and " + failed + " in error"));
        }
        progress.finished();
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
                                (int) e.getValue()[1], e.getValue()[2])).toList(), Optional.ofNullable(retirementAsOf)))
                        : Optional.empty(),
                List.copyOf(byPeriod.values()), List.copyOf(byRegion.values()), List.copyOf(byRiskClass.values()),
                List.copyOf(assumed.values()));
    }

    private static void add(Map<String, Group> groups, String key, BigDecimal before, BigDecimal after) {
        groups.put(key, groups.getOrDefault(key, Group.empty(key)).plus(before, after));
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
            int rises = 0;
            int falls = 0;
            for (int k = from; k < to; k++) {
                b = b.add(sorted.get(k)[1]);
                a = a.add(sorted.get(k)[2]);
                int cmp = sorted.get(k)[2].compareTo(sorted.get(k)[1]);
                rises += cmp > 0 ? 1 : 0;
                falls += cmp < 0 ? 1 : 0;
            }
            out.add(new Summary.WageBand(i + 1, sorted.get(from)[0], sorted.get(to - 1)[0], to - from, b, a, rises, falls));
        }
        return out;
    }

    private Outcome evaluate(PopulationRow row, ContributionRowParser parser) {
        try {
            return evaluateRow(row, parser);
        } catch (RuntimeException e) {
            // never lose a row: an unexpected failure is reported on the row, not thrown away
            return Outcome.failed(new RowError(row.rowNumber(), row.id(), "", "", "internal error: " + e));
        }
    }

    private Outcome evaluateRow(PopulationRow row, ContributionRowParser parser) {
        ContributionRequest request;
        try {
            request = parser.parse(row);
        } catch (ShebaoException ex) {
            return Outcome.failed(RowError.of(row, ex, "", null));
        }
        BigDecimal wageBand = request.wage().or(request::base).orElseThrow();
        ContributionResult before;
        try {
            before = baseline.contribution(request);
        } catch (ShebaoException ex) {
            return Outcome.failed(RowError.of(row, ex, "under the baseline: ", request.period()));
        }
        ContributionResult after;
        try {
            after = scenario.contribution(request);
        } catch (ShebaoException ex) {
            return Outcome.failed(RowError.of(row, ex, "under the scenario: ", request.period()));
        }
        if (!retirement) {
            return new Outcome(wageBand, before, after, null, null, null, null, null);
        }
        for (String c : PopulationColumns.RETIREMENT) {
            if (row.nonBlank(c).isEmpty()) {
                return Outcome.failed(new RowError(row.rowNumber(), row.id(), c, "", NEEDS_RETIREMENT));
            }
        }
        RetirementQuery q;
        try {
            q = RetirementRowParser.parse(row, request.region(),
                    retirementAsOf != null ? retirementAsOf : request.period().atDay(1)).orElseThrow();
        } catch (ShebaoException ex) {
            return Outcome.failed(RowError.of(row, ex, "retirement: ", null));
        }
        RetirementResult r0;
        try {
            r0 = baseline.retirement(q);
        } catch (ShebaoException ex) {
            return Outcome.failed(RowError.of(row, ex, "retirement under the baseline: ", null));
        }
        try {
            RetirementResult r1 = scenario.retirement(q);
            return new Outcome(wageBand, before, after, q.birthMonth(),
                    (int) ChronoUnit.MONTHS.between(r0.retirementMonth(), r1.retirementMonth()), r0, r1, null);
        } catch (ShebaoException ex) {
            return Outcome.failed(RowError.of(row, ex, "retirement under the scenario: ", null));
        }
    }
}
