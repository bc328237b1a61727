package io.shebao.spark;

import io.shebao.ShebaoRules;
import io.shebao.batch.BatchRunner;
import io.shebao.batch.BatchSummary;
import io.shebao.batch.ResultFormat;
import io.shebao.contribution.Insurance;
import io.shebao.population.ContributionRowParser;
import io.shebao.population.CsvText;
import io.shebao.population.PopulationReader;
import io.shebao.population.RowError;
import io.shebao.scenario.ScenarioReader;
import io.shebao.whatif.PopulationComparison;
import io.shebao.whatif.SideTotals;
import io.shebao.whatif.Summary;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark path against {@code shebao batch} and {@code shebao whatif} on the same files, on local[2]: the
 * same result lines byte for byte, the same rows in error with the same reasons, the same totals.
 */
class SparkBatchTest {
    /** The bundled 10,000-row population (retirement columns, ~1% bad rows of eight kinds). */
    private static final Path POPULATION = Path.of("../examples/data/population.csv");
    private static final Path SCENARIOS = Path.of("../examples/scenarios");

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("shebao-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.files.maxPartitionBytes", "200000") // several tasks even for a small file
                .getOrCreate();
    }

    /** The header and the first {@code n} records of the bundled population. */
    private static Path head(Path dir, int n) throws IOException {
        Path p = dir.resolve("head-" + n + ".csv");
        Files.write(p, Files.readAllLines(POPULATION, StandardCharsets.UTF_8).subList(0, n + 1), StandardCharsets.UTF_8);
        return p;
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private record Batch(String results, String errors, BatchSummary summary) {
    }

    private static Batch batch(Path file) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        BatchSummary s = BatchRunner.builder(ShebaoRules.load()).threads(2).build()
                .run(PopulationReader.open(file), ResultFormat.CSV, out, err);
        return new Batch(out.toString(), err.toString(), s);
    }

    /** The Dataset written as the batch writes its files: header, then one RFC 4180 line per row, by row. */
    private static String csv(Dataset<Row> d) {
        StringBuilder sb = new StringBuilder(String.join(",", d.columns())).append('\n');
        for (Row r : d.orderBy("row").collectAsList()) {
            for (int i = 0; i < r.length(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                CsvText.append(sb, r.isNullAt(i) ? "" : String.valueOf(r.get(i)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Test
    void contributionsOfTheBundledPopulationAreTheBatchOutputByteForByte() throws IOException {
        Batch b = batch(POPULATION);
        Dataset<Row> population = SparkPopulation.read(spark, POPULATION.toString());
        assertTrue(population.javaRDD().getNumPartitions() >= 2, "read by several tasks");
        SparkBatch.Output o = new SparkBatch(RulesConfig.bundled()).contributions(population);

        assertEquals(b.results(), csv(o.results()));
        assertEquals(b.errors(), csv(o.errors()));
        assertEquals(b.summary().rowsWritten(), o.results().count());
        assertEquals(b.summary().rowsInError(), o.errors().count());
        assertEquals(10_000, b.summary().rowsWritten() + b.summary().rowsInError(), "every row in one of the two");

        // the totals, summed by Spark, equal the sums of the batch file's columns
        Row sums = o.results().selectExpr("sum(cast(total_employer as decimal(22,2)))",
                "sum(cast(total_employee as decimal(22,2)))", "sum(cast(total as decimal(22,2)))").first();
        BigDecimal[] expected = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        String[] lines = b.results().split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            for (int k = 0; k < 3; k++) {
                expected[k] = expected[k].add(new BigDecimal(f[5 + k]));
            }
        }
        for (int k = 0; k < 3; k++) {
            assertEquals(0, expected[k].compareTo(sums.getDecimal(k)), "sum " + k);
        }
    }

    @Test
    void malformedRecordsQuotedCommasAndParquetGiveTheSameRowsAndReasons(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("odd.csv");
        Files.writeString(file, """
                id,region,period,wage,risk_class,insurances,name
                A1,yichang,2023-05,3450,1,"pension;unemployment","Wang, ""Xiao"" Ming"
                A2,yichang,2023-05,3450
                A3,yichang,2023-13,3450,1,,
                ,wuhan,2025-09,9000,2,,
                A5,nowhere,2025-09,9000,2,,
                A6,wuhan,2025-09,-1,2,,
                A7,wuhan,2025-09,12000,9,,
                A8,wuhan,2025-09,12000,2,"pension,medical",x,extra
                A9,shiyan,2023-05,4000,3,,
                """, StandardCharsets.UTF_8);
        Batch b = batch(file);
        SparkBatch.Output o = new SparkBatch(RulesConfig.bundled()).contributions(SparkPopulation.read(spark, file.toString()));
        assertEquals(b.results(), csv(o.results()));
        assertEquals(b.errors(), csv(o.errors()));

        // the same population as Parquet (numbers kept in its row column) gives the same rows
        Path parquet = dir.resolve("people.parquet");
        Path head = head(dir, 2_000);
        SparkPopulation.read(spark, head.toString()).drop(SparkPopulation.CORRUPT).write().parquet(parquet.toString());
        SparkBatch.Output p = new SparkBatch(RulesConfig.bundled()).contributions(SparkPopulation.read(spark, parquet.toString()));
        Batch expected = batch(head);
        assertEquals(expected.results(), csv(p.results()));
        assertEquals(expected.errors(), csv(p.errors()));
    }

    @Test
    void whatIfTotalsAndErrorsEqualShebaoWhatif(@TempDir Path dir) throws IOException {
        // bounded: the retirement scenario evaluates retirement per person under both sides
        for (String name : List.of("no-unemployment-reduction.yaml", "retirement-reform-off.yaml")) {
            Path scenarioFile = SCENARIOS.resolve(name);
            Path population = head(dir, name.startsWith("retirement") ? 300 : 1_000);
            ShebaoRules rules = ShebaoRules.load();
            ShebaoRules scenario = rules.withScenario(ScenarioReader.of(rules).read(scenarioFile));
            List<RowError> errors = new ArrayList<>();
            Summary s;
            try (PopulationReader in = PopulationReader.open(population)) {
                s = new PopulationComparison(rules, scenario).run(in, ContributionRowParser.strict(), errors::add);
            }
            SparkWhatif.Output o = new SparkWhatif(RulesConfig.bundled()
                    .withScenario(Files.readString(scenarioFile), scenarioFile.toString()))
                    .compare(SparkPopulation.read(spark, population.toString()));
            o = new SparkWhatif.Output(o.people().persist(), o.errors());
            StringBuilder expectedErrors = new StringBuilder(RowError.HEADER + "\n");
            errors.forEach(e -> e.appendCsv(expectedErrors));
            assertEquals(expectedErrors.toString(), csv(o.errors()), name);

            Row t = SparkWhatif.totals(o.people()).first();
            assertEquals(s.rows(), t.getLong(t.fieldIndex("people")), name);
            assertEquals(s.rises(), t.getLong(t.fieldIndex("rises")), name);
            assertEquals(s.falls(), t.getLong(t.fieldIndex("falls")), name);
            same(s.baseline(), t, "baseline");
            same(s.scenario(), t, "scenario");
            if (s.retirement().isPresent()) {
                long moved = o.people().filter("retirement_shift_months <> 0").count();
                assertEquals(s.retirement().get().later() + s.retirement().get().earlier(), moved, name);
            }
            // grouped sums add up to the whole
            BigDecimal byRegion = SparkWhatif.totals(o.people(), "region").selectExpr("sum(scenario_employer)").first().getDecimal(0);
            assertEquals(0, s.scenario().employer().compareTo(byRegion), name);
        }
    }

    /**
     * {@code --as-of}: every row's retirement question asked on one date, as {@code shebao batch --as-of} and
     * {@code shebao whatif --as-of} ask it. The date changes answers (asked before the 2025 reform took effect,
     * rows of 2025 and later get the months before it, and the reform switched off moves no one), so a date
     * ignored would fail the comparison.
     */
    @Test
    void retirementAsOfOneDateIsTheBatchAndWhatifAnswer(@TempDir Path dir) throws IOException {
        LocalDate asOf = LocalDate.of(2024, 6, 1);
        Path population = head(dir, 300);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        BatchRunner.builder(ShebaoRules.load()).threads(2).retirementAsOf(asOf).build()
                .run(PopulationReader.open(population), ResultFormat.CSV, out, err);
        SparkBatch.Output o = new SparkBatch(RulesConfig.bundled()).retirementAsOf(asOf)
                .contributions(SparkPopulation.read(spark, population.toString()));
        assertEquals(out.toString(), csv(o.results()));
        assertEquals(err.toString(), csv(o.errors()));
        assertNotEquals(batch(population).results(), out.toString(), "the date must change some retirement month");

        Path scenarioFile = SCENARIOS.resolve("retirement-reform-off.yaml");
        ShebaoRules rules = ShebaoRules.load();
        ShebaoRules scenario = rules.withScenario(ScenarioReader.of(rules).read(scenarioFile));
        List<RowError> errors = new ArrayList<>();
        Summary s;
        try (PopulationReader in = PopulationReader.open(population)) {
            s = new PopulationComparison(rules, scenario).retirementAsOf(asOf).run(in, ContributionRowParser.strict(), errors::add);
        }
        SparkWhatif w = new SparkWhatif(RulesConfig.bundled().withScenario(Files.readString(scenarioFile), scenarioFile.toString()));
        assertTrue(w.touchesRetirement());
        SparkWhatif.Output wo = w.retirementAsOf(asOf).compare(SparkPopulation.read(spark, population.toString()));
        StringBuilder expectedErrors = new StringBuilder(RowError.HEADER + "\n");
        errors.forEach(e -> e.appendCsv(expectedErrors));
        assertEquals(expectedErrors.toString(), csv(wo.errors()));
        long later = wo.people().filter("retirement_shift_months > 0").count();
        long earlier = wo.people().filter("retirement_shift_months < 0").count();
        assertEquals(s.retirement().orElseThrow().later(), later);
        assertEquals(s.retirement().orElseThrow().earlier(), earlier);
        long movedByPeriod = new SparkWhatif(RulesConfig.bundled().withScenario(Files.readString(scenarioFile),
                scenarioFile.toString())).compare(SparkPopulation.read(spark, population.toString())).people()
                .filter("retirement_shift_months <> 0").count();
        assertNotEquals(movedByPeriod, later + earlier, "the date must change some retirement shift");
    }

    private static void same(SideTotals expected, Row t, String side) {
        assertEquals(0, expected.employer().compareTo(t.getDecimal(t.fieldIndex(side + "_employer"))), side);
        assertEquals(0, expected.employee().compareTo(t.getDecimal(t.fieldIndex(side + "_employee"))), side);
        for (Insurance i : Insurance.values()) {
            SideTotals.Amounts a = expected.of(i);
            assertEquals(0, a.employer().compareTo(t.getDecimal(t.fieldIndex(i.code() + "_" + side + "_employer"))), side + " " + i);
            assertEquals(0, a.employee().compareTo(t.getDecimal(t.fieldIndex(i.code() + "_" + side + "_employee"))), side + " " + i);
        }
    }

    @Test
    void oneRulesInstancePerJvmAndConfiguration() {
        ExecutorRules a = ExecutorRules.of(RulesConfig.bundled());
        assertTrue(a == ExecutorRules.of(RulesConfig.bundled()));
        int before = ExecutorRules.built();
        new SparkBatch(RulesConfig.bundled()).contributions(SparkPopulation.read(spark, POPULATION.toString())).results().count();
        assertEquals(before, ExecutorRules.built(), "tasks reuse this JVM's rules");
    }
}
