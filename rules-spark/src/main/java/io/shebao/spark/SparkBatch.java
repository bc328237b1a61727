package io.shebao.spark;

import io.shebao.ShebaoException;
import io.shebao.batch.PlannedContribution;
import io.shebao.batch.ResultFormat;
import io.shebao.contribution.ContributionRequest;
import io.shebao.population.PopulationRow;
import io.shebao.population.RetirementRowParser;
import io.shebao.population.RowError;
import io.shebao.retirement.RetirementQuery;
import io.shebao.retirement.RetirementResult;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.apache.spark.sql.functions.col;

/**
 * 批量核定 on Spark: the contributions of every row of a population {@code Dataset}, as {@code shebao batch}
 * computes them. Each task parses its rows with the batch's row parser ({@code ContributionRowParser}), plans
 * them with the batch's {@code ContributionPlanner} of its executor ({@link ExecutorRules}: one rules instance
 * per JVM) and formats them with the batch's {@code ResultFormat.CSV}, so every result row has the same fields
 * as the line {@code shebao batch} writes, and every rejected row the same error.
 *
 * <pre>{@code
 * SparkBatch.Output out = new SparkBatch(RulesConfig.bundled()).contributions(SparkPopulation.read(spark, "people.csv"));
 * out.results().write().option("header", true).csv("results");   // row,id,region,period,…,warnings[,retirement_month]
 * out.errors().write().option("header", true).csv("errors");     // row,id,field,value,reason
 * }</pre>
 */
public final class SparkBatch implements Serializable {
    /** Columns of the error Dataset, as the batch's error file: row,id,field,value,reason. */
    public static final StructType ERRORS = new StructType().add("row", DataTypes.LongType, false)
            .add("id", DataTypes.StringType, false).add("field", DataTypes.StringType, false)
            .add("value", DataTypes.StringType, false).add("reason", DataTypes.StringType, false);

    private static final String ERROR_MARK = "_error";

    private final RulesConfig config;
    /** 退休查询日: the date every row's retirement question is asked on, or null for each row's own period. */
    private final java.time.LocalDate retirementAsOf;

    public SparkBatch(RulesConfig config) {
        this(config, null);
    }

    private SparkBatch(RulesConfig config, java.time.LocalDate retirementAsOf) {
        this.config = Objects.requireNonNull(config);
        this.retirementAsOf = retirementAsOf;
    }

    /**
     * The same batch, asking every row's retirement question as of {@code asOf} ({@code shebao batch --as-of});
     * by default each row's is asked as of the first day of its own period.
     */
    public SparkBatch retirementAsOf(java.time.LocalDate asOf) {
        return new SparkBatch(config, Objects.requireNonNull(asOf));
    }

    /**
     * @param results one row per computed input row, with the batch output's columns ({@code row} a long, the
     *                others text exactly as {@code shebao batch} writes them; an empty field is null)
     * @param errors  one row per rejected input row ({@link #ERRORS})
     */
    public record Output(Dataset<Row> results, Dataset<Row> errors, Dataset<Row> outcomes) {
        /**
         * The same output over outcomes kept by Spark (memory, then disk), so that writing the results, then
         * the errors, then counting them evaluates every row once, not three times.
         */
        public Output persisted() {
            return split(outcomes.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK()),
                    results.columns());
        }
    }

    /**
     * The contributions of every row. Both Datasets are views of one {@code outcomes} Dataset: use
     * {@link Output#persisted()} before writing both, or each write evaluates every row again.
     *
     * @throws ShebaoException when a required column is missing (checked on the driver, before any task)
     */
    public Output contributions(Dataset<Row> population) {
        SparkPopulation.Shape shape = new SparkPopulation.Shape(population.schema());
        ExecutorRules.of(config).parser().requireColumns(shape.columns);
        boolean retirement = RetirementRowParser.hasRetirementColumns(shape.columns);
        List<String> header = CsvLine.split(ResultFormat.CSV.header(retirement).strip());
        StructType results = new StructType().add("row", DataTypes.LongType, false);
        for (String h : header.subList(1, header.size())) {
            results = results.add(h, DataTypes.StringType, true);
        }
        // one schema for both kinds: the result's columns, then the error's field, value and reason
        StructType outcomes = results.add(ERROR_MARK + "_field", DataTypes.StringType, true)
                .add(ERROR_MARK + "_value", DataTypes.StringType, true)
                .add(ERROR_MARK + "_reason", DataTypes.StringType, true);
        StructType schema = population.schema();
        RulesConfig c = config;
        java.time.LocalDate asOf = retirementAsOf;
        int width = header.size();
        JavaRDD<Row> rows = population.javaRDD().mapPartitions(
                (Iterator<Row> it) -> new Evaluation(ExecutorRules.of(c), new SparkPopulation.Shape(schema), it,
                        retirement, asOf, width));
        return split(SparkSession.active().createDataFrame(rows, outcomes), results.fieldNames());
    }

    /** Results and errors of one outcomes Dataset: a row is an error when it has a reason. */
    private static Output split(Dataset<Row> all, String[] resultColumns) {
        Dataset<Row> ok = all.filter(col(ERROR_MARK + "_reason").isNull()).select(resultColumns[0],
                java.util.Arrays.copyOfRange(resultColumns, 1, resultColumns.length));
        Dataset<Row> bad = all.filter(col(ERROR_MARK + "_reason").isNotNull()).select(col("row"), col("id"),
                col(ERROR_MARK + "_field").as("field"), col(ERROR_MARK + "_value").as("value"),
                col(ERROR_MARK + "_reason").as("reason"));
        return new Output(ok, bad, all);
    }

    /** One partition's rows, evaluated lazily one by one (constant memory per task). */
    private static final class Evaluation implements Iterator<Row> {
        private final ExecutorRules rules;
        private final SparkPopulation.Shape shape;
        private final Iterator<Row> in;
        private final boolean retirement;
        private final java.time.LocalDate asOf;
        private final int width;
        private final StringBuilder line = new StringBuilder(512);

        Evaluation(ExecutorRules rules, SparkPopulation.Shape shape, Iterator<Row> in, boolean retirement,
                   java.time.LocalDate asOf, int width) {
            this.asOf = asOf;
            this.rules = rules;
            this.shape = shape;
            this.in = in;
            this.retirement = retirement;
            this.width = width;
        }

        @Override
        public boolean hasNext() {
            return in.hasNext();
        }

        @Override
        public Row next() {
            PopulationRow row = shape.of(in.next());
            // the same steps, in the same order, as BatchRunner's workers without --audit-out
            ContributionRequest req = null;
            boolean inRetirement = false;
            try {
                req = rules.parser().parse(row);
                PlannedContribution c = rules.baselinePlanner().evaluate(req);
                inRetirement = true;
                Optional<RetirementQuery> q = RetirementRowParser.parse(row, req.region(),
                        asOf != null ? asOf : req.period().atDay(1));
                Optional<YearMonth> month = q.map(x -> rules.baseline().retirement(x)).map(RetirementResult::retirementMonth);
                line.setLength(0);
                ResultFormat.CSV.append(line, row.rowNumber(), row.id(), c, retirement, month);
                return result(row.rowNumber(), CsvLine.split(line.toString()));
            } catch (ShebaoException e) {
                return error(RowError.of(row, e, "", req != null && !inRetirement ? req.period() : null));
            } catch (RuntimeException e) {
                return error(new RowError(row.rowNumber(), row.id(), "", "", "internal error: " + e));
            }
        }

        private Row result(long number, List<String> fields) {
            Object[] v = new Object[width + 3];
            v[0] = number;
            for (int i = 1; i < width; i++) {
                String f = fields.get(i);
                v[i] = f.isEmpty() ? null : f;
            }
            return RowFactory.create(v);
        }

        private Row error(RowError e) {
            Object[] v = new Object[width + 3];
            v[0] = e.row();
            v[1] = e.id();
            v[width] = e.field();
            v[width + 1] = e.value();
            v[width + 2] = e.reason();
            return RowFactory.create(v);
        }
    }
}
