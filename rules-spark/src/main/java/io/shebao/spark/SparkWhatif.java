package io.shebao.spark;

import io.shebao.ShebaoException;
import io.shebao.batch.PlannedContribution;
import io.shebao.contribution.ContributionLine;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.Insurance;
import io.shebao.population.PopulationColumns;
import io.shebao.population.PopulationRow;
import io.shebao.population.RetirementRowParser;
import io.shebao.population.RowError;
import io.shebao.retirement.RetirementQuery;
import io.shebao.scenario.Scenario;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * 政策测算 on Spark: every person of a population under the rules in force and under a scenario, as
 * {@code shebao whatif} computes them (same row parser, same error reasons with "under the baseline: " /
 * "under the scenario: "), one row per person with both sides' amounts per insurance, and the sums over any
 * grouping ({@link #totals}). Retirement months are compared when the scenario touches retirement.
 */
public final class SparkWhatif implements Serializable {
    private static final DataType MONEY = DataTypes.createDecimalType(22, 2);
    private static final String NEEDS_RETIREMENT =
            "this scenario changes retirement: give sex, birth, category and contribution_months";
    private static final String ERROR_MARK = "_error";

    /** Per-person columns: identity, the two sides' totals, each insurance's amounts, the retirement shift. */
    public static final StructType PEOPLE;

    static {
        StructType s = new StructType().add("row", DataTypes.LongType, false).add("id", DataTypes.StringType)
                .add("region", DataTypes.StringType).add("period", DataTypes.StringType)
                .add("risk_class", DataTypes.StringType).add("wage", DataTypes.StringType)
                .add("baseline_employer", MONEY).add("baseline_employee", MONEY)
                .add("scenario_employer", MONEY).add("scenario_employee", MONEY);
        for (Insurance i : Insurance.values()) {
            for (String side : List.of("baseline", "scenario")) {
                s = s.add(i.code() + "_" + side + "_employer", MONEY).add(i.code() + "_" + side + "_employee", MONEY);
            }
        }
        PEOPLE = s.add("retirement_shift_months", DataTypes.IntegerType, true);
    }

    private final RulesConfig config;
    /** 退休查询日: the date every row's retirement question is asked on, or null for each row's own period. */
    private final java.time.LocalDate retirementAsOf;

    /** @param config a configuration with a scenario ({@link RulesConfig#withScenario}) */
    public SparkWhatif(RulesConfig config) {
        this(config, null);
    }

    /**
     * The same comparison, asking every row's retirement question (baseline and scenario) as of {@code asOf}, as
     * {@code shebao whatif --as-of} ({@code PopulationComparison.retirementAsOf}) does; by default each row's is
     * asked as of the first day of its own period.
     */
    public SparkWhatif retirementAsOf(java.time.LocalDate asOf) {
        return new SparkWhatif(config, Objects.requireNonNull(asOf));
    }

    private SparkWhatif(RulesConfig config, java.time.LocalDate retirementAsOf) {
        this.retirementAsOf = retirementAsOf;
        this.config = Objects.requireNonNull(config);
        if (config.scenarioYaml() == null) {
            throw new IllegalArgumentException("a what-if needs a scenario (RulesConfig.withScenario)");
        }
    }

    /** @param people one row per person computed under both ({@link #PEOPLE}); errors as the batch's */
    public record Output(Dataset<Row> people, Dataset<Row> errors) {
    }

    /** Whether the scenario changes retirement: then each person's retirement month is compared. */
    public boolean touchesRetirement() {
        return ExecutorRules.of(config).scenario().scenario().map(Scenario::touchesRetirement).orElse(false);
    }

    public Output compare(Dataset<Row> population) {
        SparkPopulation.Shape shape = new SparkPopulation.Shape(population.schema());
        ExecutorRules driver = ExecutorRules.of(config);
        driver.parser().requireColumns(shape.columns);
        boolean retirement = touchesRetirement();
        StructType outcomes = PEOPLE.add(ERROR_MARK + "_field", DataTypes.StringType)
                .add(ERROR_MARK + "_value", DataTypes.StringType).add(ERROR_MARK + "_reason", DataTypes.StringType);
        StructType schema = population.schema();
        RulesConfig c = config;
        java.time.LocalDate asOf = retirementAsOf;
        int width = PEOPLE.size();
        JavaRDD<Row> rows = population.javaRDD().mapPartitions((Iterator<Row> it) -> {
            ExecutorRules rules = ExecutorRules.of(c);
            SparkPopulation.Shape sh = new SparkPopulation.Shape(schema);
            return new Iterator<Row>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Row next() {
                    return evaluate(rules, sh.of(it.next()), retirement, asOf, width);
                }
            };
        });
        Dataset<Row> all = SparkSession.active().createDataFrame(rows, outcomes);
        Column[] people = java.util.Arrays.stream(PEOPLE.fieldNames()).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        return new Output(all.filter(col(ERROR_MARK + "_reason").isNull()).select(people),
                all.filter(col(ERROR_MARK + "_reason").isNotNull()).select(col("row"), col("id"),
                        col(ERROR_MARK + "_field").as("field"), col(ERROR_MARK + "_value").as("value"),
                        col(ERROR_MARK + "_reason").as("reason")));
    }

    /**
     * Sums per group (e.g. {@code "region"}, {@code "risk_class"}, or none for the whole population): people,
     * people who pay more / less, and the sum of every money column.
     */
    public static Dataset<Row> totals(Dataset<Row> people, String... groupBy) {
        Column change = col("scenario_employer").plus(col("scenario_employee"))
                .minus(col("baseline_employer")).minus(col("baseline_employee"));
        List<Column> aggs = new ArrayList<>();
        aggs.add(sum(when(change.gt(0), 1).otherwise(0)).as("rises"));
        aggs.add(sum(when(change.lt(0), 1).otherwise(0)).as("falls"));
        for (StructField f : PEOPLE.fields()) {
            if (f.dataType().equals(MONEY)) {
                aggs.add(sum(col(f.name())).as(f.name()));
            }
        }
        Column[] g = java.util.Arrays.stream(groupBy).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        return people.groupBy(g).agg(count(lit(1)).as("people"), aggs.toArray(new Column[0]));
    }

    private static Row evaluate(ExecutorRules rules, PopulationRow row, boolean retirement, java.time.LocalDate asOf,
                                int width) {
        // the same steps and messages as PopulationComparison (shebao whatif)
        ContributionRequest request;
        try {
            request = rules.parser().parse(row);
        } catch (ShebaoException ex) {
            return error(RowError.of(row, ex, "", null), width);
        }
        PlannedContribution before;
        try {
            before = rules.baselinePlanner().evaluate(request);
        } catch (ShebaoException ex) {
            return error(RowError.of(row, ex, "under the baseline: ", request.period()), width);
        }
        PlannedContribution after;
        try {
            after = rules.scenarioPlanner().evaluate(request);
        } catch (ShebaoException ex) {
            return error(RowError.of(row, ex, "under the scenario: ", request.period()), width);
        }
        Integer shift = null;
        if (retirement) {
            for (String c : PopulationColumns.RETIREMENT) {
                if (row.nonBlank(c).isEmpty()) {
                    return error(new RowError(row.rowNumber(), row.id(), c, "", NEEDS_RETIREMENT), width);
                }
            }
            RetirementQuery q;
            try {
                q = RetirementRowParser.parse(row, request.region(), asOf != null ? asOf : request.period().atDay(1))
                        .orElseThrow();
            } catch (ShebaoException ex) {
                return error(RowError.of(row, ex, "retirement: ", null), width);
            }
            java.time.YearMonth r0;
            try {
                r0 = rules.baseline().retirement(q).retirementMonth();
            } catch (ShebaoException ex) {
                return error(RowError.of(row, ex, "retirement under the baseline: ", null), width);
            }
            try {
                shift = (int) ChronoUnit.MONTHS.between(r0, rules.scenario().retirement(q).retirementMonth());
            } catch (ShebaoException ex) {
                return error(RowError.of(row, ex, "retirement under the scenario: ", null), width);
            }
        }
        Object[] v = new Object[width + 3];
        v[0] = row.rowNumber();
        v[1] = row.id();
        v[2] = request.region();
        v[3] = request.period().toString();
        v[4] = request.riskClass().map(String::valueOf).orElse(null);
        v[5] = request.wage().or(request::base).orElseThrow().toPlainString(); // as written: text, never rounded
        v[6] = before.totals().employer();
        v[7] = before.totals().employee();
        v[8] = after.totals().employer();
        v[9] = after.totals().employee();
        int k = 10;
        for (Insurance i : Insurance.values()) {
            for (PlannedContribution side : List.of(before, after)) {
                ContributionLine l = line(side, i);
                v[k++] = l == null ? BigDecimal.ZERO.setScale(2) : l.employer();
                v[k++] = l == null ? BigDecimal.ZERO.setScale(2) : l.employee();
            }
        }
        v[k] = shift;
        return RowFactory.create(v);
    }

    private static ContributionLine line(PlannedContribution c, Insurance i) {
        for (ContributionLine l : c.lines()) {
            if (l.insurance() == i) {
                return l;
            }
        }
        return null;
    }

    private static Row error(RowError e, int width) {
        Object[] v = new Object[width + 3];
        v[0] = e.row();
        v[1] = e.id();
        v[width] = e.field();
        v[width + 1] = e.value();
        v[width + 2] = e.reason();
        return RowFactory.create(v);
    }
}
