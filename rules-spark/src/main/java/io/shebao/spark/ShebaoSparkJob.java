package io.shebao.spark;

import io.shebao.ShebaoException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The {@code spark-submit} entry point: {@code batch} and {@code whatif} over a population on the cluster
 * (README, "Province scale on Spark"). Outputs are folders of part files (CSV, or Parquet when the folder's
 * name ends in {@code .parquet}); an existing output folder is an error, never overwritten.
 */
@Command(name = "shebao-spark", mixinStandardHelpOptions = true, subcommands = {ShebaoSparkJob.Batch.class, ShebaoSparkJob.Whatif.class},
        description = "Contributions and what-if comparisons of a population on Apache Spark.")
public final class ShebaoSparkJob {
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The job's command line: bad input (an option's value, a rule's refusal) is one line on stderr naming it,
     * exit 2, as the CLI answers it.
     */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ShebaoSparkJob());
        cl.setParameterExceptionHandler((ex, a) -> {
            // one line whatever the value holds: its control characters escaped, as the CLI does
            ex.getCommandLine().getErr().println("shebao-spark: " + io.shebao.internal.output.OneLine.of(ex.getMessage())
                    + " (shebao-spark " + ex.getCommandLine().getCommandName() + " --help)");
            return 2;
        });
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ShebaoException s) {
                line.getErr().println("shebao-spark: " + io.shebao.internal.output.OneLine.of(s.getMessage()));
                return 2;
            }
            throw e;
        });
        return cl;
    }

    static class Common {
        @Option(names = "--period", paramLabel = "YYYY-MM", description = "The month for rows without a period.")
        String period;
        @Option(names = "--region", paramLabel = "REGION", description = "The region for rows without a region.")
        String region;
        @Option(names = "--parameters", paramLabel = "DIR", description = "A parameter pack readable on every executor (repeatable).")
        List<String> packs = new ArrayList<>();
        @Option(names = "--allow-carry-forward", description = "Carry a parameter's last value forward where the period has none.")
        boolean carryForward;
        @Option(names = "--multi-line", description = "The CSV has line breaks inside quoted fields (each file is read by one task).")
        boolean multiLine;
        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = Day.class,
                description = "Date every row's retirement question is asked on (as `shebao batch --as-of`). "
                        + "Default: the first day of each row's own period.")
        LocalDate asOf;

        RulesConfig config() {
            return RulesConfig.bundled().withParameterPacks(packs).withDefaults(period, region, carryForward);
        }
    }

    /** A day as the CLI reads one ({@code DayText}): bad input is one line naming the value and what is allowed. */
    static final class Day implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String v) {
            LocalDate d = io.shebao.internal.number.DayText.value(v);
            if (d == null) {
                throw new CommandLine.TypeConversionException(io.shebao.internal.number.DayText.refusal(v));
            }
            return d;
        }
    }

    @Command(name = "batch", mixinStandardHelpOptions = true,
            description = "Contributions of every row, as `shebao batch`: results and rows in error.")
    static final class Batch implements Callable<Integer> {
        @CommandLine.Mixin
        Common common;
        @Option(names = "--in", required = true, paramLabel = "PATH", description = "Population, .csv or .parquet.")
        String in;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Results folder.")
        String out;
        @Option(names = "--errors", required = true, paramLabel = "DIR", description = "Rows in error folder (row,id,field,value,reason).")
        String errors;

        @Override
        public Integer call() {
            SparkSession spark = SparkSession.builder().appName("shebao batch").getOrCreate();
            Dataset<Row> population = SparkPopulation.read(spark, in, common.multiLine);
            // evaluated once, kept for the three actions below (results, errors, count)
            SparkBatch batch = new SparkBatch(common.config());
            SparkBatch.Output o = (common.asOf == null ? batch : batch.retirementAsOf(common.asOf))
                    .contributions(population).persisted();
            // no sort: rows keep the file's order within and across partitions (part-00000 holds the first rows)
            write(o.results(), out);
            write(o.errors(), errors);
            long bad = o.errors().count();
            System.err.println("shebao-spark: rows in error: " + bad + " (see " + errors + ")");
            return bad > 0 ? 1 : 0;
        }
    }

    @Command(name = "whatif", mixinStandardHelpOptions = true,
            description = "Every person under the rules in force and under a scenario; totals overall, by region and by risk class.")
    static final class Whatif implements Callable<Integer> {
        @CommandLine.Mixin
        Common common;
        @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "The scenario file (read on the driver).")
        Path scenario;
        @Option(names = "--population", required = true, paramLabel = "PATH", description = "Population, .csv or .parquet.")
        String population;
        @Option(names = "--out", required = true, paramLabel = "DIR",
                description = "Folder for people/, errors/, totals/, by_region/, by_risk_class/.")
        String out;

        @Override
        public Integer call() throws IOException {
            String yaml = Files.readString(scenario, StandardCharsets.UTF_8);
            SparkSession spark = SparkSession.builder().appName("shebao whatif").getOrCreate();
            Dataset<Row> p = SparkPopulation.read(spark, population, common.multiLine);
            SparkWhatif whatif = new SparkWhatif(common.config().withScenario(yaml, scenario.getFileName().toString()));
            if (common.asOf != null && !whatif.touchesRetirement()) {
                System.err.println("shebao-spark whatif: note: --as-of " + common.asOf + " is not used: the scenario does"
                        + " not change retirement, so no retirement month is compared");
            }
            SparkWhatif.Output o = (common.asOf == null ? whatif : whatif.retirementAsOf(common.asOf)).compare(p);
            Dataset<Row> people = o.people().persist(StorageLevel.MEMORY_AND_DISK());
            write(people, out + "/people");
            write(o.errors(), out + "/errors");
            write(SparkWhatif.totals(people).coalesce(1), out + "/totals");
            write(SparkWhatif.totals(people, "region").orderBy("region").coalesce(1), out + "/by_region");
            write(SparkWhatif.totals(people, "risk_class").orderBy("risk_class").coalesce(1), out + "/by_risk_class");
            return 0;
        }
    }

    private static void write(Dataset<Row> d, String path) {
        var w = d.write().mode(SaveMode.ErrorIfExists);
        if (path.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            w.parquet(path);
        } else {
            // as the batch writes its files: RFC 4180 quoting, fields kept as they are, an empty field empty
            w.option("header", "true").option("escape", "\"").option("ignoreLeadingWhiteSpace", "false")
                    .option("ignoreTrailingWhiteSpace", "false").option("emptyValue", "").csv(path);
        }
    }
}
