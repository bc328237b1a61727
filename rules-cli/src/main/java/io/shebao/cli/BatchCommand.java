package io.shebao.cli;

import io.shebao.ShebaoRules;
import io.shebao.batch.BatchRunner;
import io.shebao.batch.BatchSummary;
import io.shebao.batch.ResultFormat;
import io.shebao.population.ContributionRowParser;
import io.shebao.population.PopulationReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.shebao.internal.number.Limits;
import io.shebao.internal.output.AtomicOutput;
import io.shebao.internal.output.OutputFailure;
import io.shebao.internal.output.PathClash;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Contributions of a whole population file (批量核定), streaming, in input order.",
                "Input: CSV (UTF-8, header row, RFC 4180 quoting) or JSONL; columns id, region, period, wage or base, risk_class,",
                "float_grade, insurances (e.g. pension;unemployment), and optionally sex, birth, category, contribution_months",
                "(then retirement_month is computed as of --as-of; default: the first day of each row's period). Other columns",
                "are ignored.",
                "The same files as `shebao whatif --population`; the format: docs/SCENARIOS.md, \"The population file\".",
                "Every row ends in --out or in --errors (row,id,field,value,reason). Summary on stderr.",
                "Exit: 0 all rows computed, 1 some rows in error, 2 the run could not start (or the input could not be read to its end),",
                "3 an output could not be written; outputs are replaced only when complete (docs/LIMITS.md).",
                "Example: shebao batch --in examples/data/sample-population.csv --out results.csv --errors errors.csv"})
final class BatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "Population file: .csv or .jsonl.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Results: .csv or .jsonl.")
    Path out;

    @Option(names = "--errors", paramLabel = "FILE",
            description = "Rows in error (CSV: row,id,field,value,reason); default: the results file name with .errors.csv.")
    Path errors;

    @Option(names = "--period", paramLabel = "YYYY-MM", converter = Converters.Month.class,
            description = "Period for rows without one (no period column, or an empty cell).")
    YearMonth period;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region for rows without one (no region column, or an empty cell).")
    String region;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = Converters.Day.class,
            description = "Date every row's retirement question is asked on (retirement_month, the reform in force). "
                    + "Default: the first day of each row's own period, so a 2023 row gets the rules of 2023.")
    LocalDate asOf;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @picocli.CommandLine.Mixin
    AuditOptions audit;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Compute under a what-if scenario file (docs/SCENARIOS.md) instead of the rules in force.")
    Path scenario;

    @Option(names = "--allow-carry-forward",
            description = "Where a needed parameter has no value for the period, carry its last value forward (warning in the row) instead of an error row.")
    boolean allowCarryForward;

    @Option(names = "--per-row", description = "Evaluate the rules for every row instead of once per decision context (same output, slower).")
    boolean perRow;

    @Option(names = "--parameters", paramLabel = "DIR",
            description = "Load a parameter pack: a directory of dated parameter files (repeatable; a later pack wins).")
    List<Path> parameterPacks = new ArrayList<>();

    @Option(names = "--strict", description = StrictMode.DESCRIPTION)
    boolean strict;
    @Option(names = "--audit-version", paramLabel = "N", defaultValue = "3",
            description = "Format of --audit-out: 3 (default: a header stating rules and parameters once, each case "
                    + "stated once, rows of ~0.4 KB citing it; docs/AUDIT.md), 2 (the same header, each row with its "
                    + "whole result and trace, ~1 KB) or 1 (one self-contained record per row, about 7 KB each, slower).")
    int auditVersion = 3;

    @Option(names = "--verbose", description = "Show stack traces of errors.")
    boolean verbose;

    @Option(names = "--max-record-size", paramLabel = "SIZE", converter = Converters.Size.class,
            description = "Longest record (CSV record, JSONL line) in characters, e.g. 4m; a longer one is a row error "
                    + "and reading resumes at the next line (default: 4m, docs/LIMITS.md).")
    Integer maxRecordChars;

    @Override
    public Integer call() throws IOException {
        JitDirectives.addFromProperty(); // the launcher's, for an audited middle-sized file: speed only
        if (threads < 1) {
            throw new CliException(2, "--threads: '" + threads + "' is not allowed; a number of threads ≥ 1");
        }
        if (audit.explain) {
            throw new CliException(2, "--explain: not for batch (one account per row would be unreadable); "
                    + "write --audit-out FILE and run `shebao explain` on a record");
        }
        Path errorsFile = errors != null ? errors : defaultErrors(out);
        String errorsOption = errors != null ? "--errors" : "--errors (default, from --out)";
        // before anything is opened: no output may be an input or another output
        List<PathClash.Named> inputs = new ArrayList<>(List.of(PathClash.of("--in", in)));
        if (scenario != null) {
            inputs.add(PathClash.of("--scenario", scenario));
        }
        if (audit.signKey != null) {
            inputs.add(PathClash.of("--sign-key", audit.signKey));
        }
        parameterPacks.forEach(p -> inputs.add(PathClash.of("--parameters", p)));
        List<PathClash.Named> outputs = new ArrayList<>(List.of(PathClash.of("--out", out),
                PathClash.of(errorsOption, errorsFile)));
        if (audit.auditOut != null) {
            outputs.add(PathClash.of("--audit-out", audit.auditOut));
        }
        PathClash.check(inputs, outputs);
        ContributionRowParser parser = new ContributionRowParser(Optional.ofNullable(period), Optional.ofNullable(region),
                allowCarryForward);
        ShebaoRules.Builder rb = ShebaoRules.builder();
        parameterPacks.forEach(rb::parameterPack);
        if (strict) {
            rb.strict();
        }
        ShebaoRules rules = rb.build();
        if (scenario != null) {
            rules = rules.withScenario(ScenarioOptions.read(rules, "--scenario", scenario));
        }
        PrintWriter err = spec.commandLine().getErr();
        PopulationReader reader = PopulationInput.open("--in", in, parser,
                maxRecordChars != null ? maxRecordChars : Limits.maxRecordChars());
        long size = Files.size(in);
        if (auditVersion < 1 || auditVersion > 3) {
            throw CliException.badInput("--audit-version", String.valueOf(auditVersion), "1, 2 or 3");
        }
        java.util.Optional<io.shebao.audit.AuditWriter> auditWriter = auditVersion == 1 ? audit.openWriter()
                : java.util.Optional.empty();
        java.util.Optional<io.shebao.audit.AuditTrailWriter> trailWriter = auditVersion >= 2 ? audit.openTrail(rules, auditVersion)
                : java.util.Optional.empty();
        // written beside the targets and moved into place only when every row is accounted for
        try (AtomicOutput o = AtomicOutput.open("--out", out); AtomicOutput e = AtomicOutput.open(errorsOption, errorsFile);
             io.shebao.audit.AuditWriter a = auditWriter.orElse(null);
             io.shebao.audit.AuditTrailWriter t = trailWriter.orElse(null)) {
            BatchSummary s;
            try {
                BatchRunner runner = BatchRunner.builder(rules).retirementAsOf(asOf).threads(threads).parser(parser).planned(!perRow)
                        .audit(a).auditTrail(t).progress(ProgressBar.onTerminal(err, size)).build();
                // UTF-8 bytes, encoded by the worker threads; buffered for the small chunks of the error file
                s = runner.run(reader, ResultFormat.of(out), new java.io.BufferedOutputStream(o.stream(), 1 << 16),
                        new java.io.BufferedOutputStream(e.stream(), 1 << 16));
                o.commit();
                e.commit();
            } catch (RuntimeException | OutputFailure x) {
                if (a != null) {
                    a.rollback(); // the audit file keeps no record of a run whose results were discarded
                }
                if (t != null) {
                    t.rollback();
                }
                throw x;
            }
            err.println("shebao batch: " + s.line() + (s.rowsInError() > 0 ? " (see " + errorsFile + ")" : ""));
            err.flush();
            return s.rowsInError() > 0 ? 1 : 0;
        }
    }

    static Path defaultErrors(Path out) {
        String n = out.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return out.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + ".errors.csv");
    }

}
