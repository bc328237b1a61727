package io.shebao.cli;

import io.shebao.ShebaoRules;
import io.shebao.contribution.Insurance;
import io.shebao.internal.json.Json;
import io.shebao.internal.json.WhatifJson;
import io.shebao.scenario.Scenario;
import io.shebao.population.ContributionRowParser;
import io.shebao.population.PopulationReader;
import io.shebao.population.RowError;
import io.shebao.whatif.PopulationComparison;
import io.shebao.whatif.SideTotals;
import io.shebao.whatif.Summary;
import io.shebao.whatif.WhatifReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.shebao.internal.number.Limits;
import io.shebao.internal.output.AtomicOutput;
import io.shebao.internal.output.PathClash;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "whatif", mixinStandardHelpOptions = true,
        description = {"Compare a what-if scenario with the rules in force over a population (政策测算).",
                "Every row is computed under both; rows that cannot be computed go to the error file with their reason.",
                "Exit 0 when every row was computed, 1 when some rows are in error (the totals cover the others), 2 on bad input.",
                "Example: shebao whatif --scenario examples/scenarios/no-unemployment-reduction.yaml "
                        + "--population examples/data/population.csv --out report.html --errors errors.csv"})
final class WhatifCommand implements Callable<Integer> {
    enum Format { table, json, csv }

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "The scenario file (docs/SCENARIOS.md).")
    Path scenarioFile;

    @Option(names = "--population", required = true, paramLabel = "FILE",
            description = "Population file, .csv or .jsonl, as for `shebao batch --in`: id, region, period, wage or base, risk_class, "
                    + "optional float_grade, insurances (e.g. pension;unemployment), sex, birth, category, contribution_months.")
    Path population;

    @Option(names = "--period", paramLabel = "YYYY-MM", converter = Converters.Month.class,
            description = "The month for rows without a period (column absent or cell empty).")
    YearMonth period;

    @Option(names = "--region", paramLabel = "REGION",
            description = "The region for rows without a region (column absent or cell empty).")
    String region;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = Converters.Day.class,
            description = "Date every row's retirement question is asked on, under the baseline and the scenario "
                    + "(retirement scenarios). Default: the first day of each row's own period, so a 2023 row gets the rules of 2023.")
    LocalDate asOf;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the report as one self-contained HTML file.")
    Path out;

    @Option(names = "--errors", paramLabel = "FILE",
            description = "Write rows in error here (row,id,field,value,reason); without it they are written to stderr.")
    Path errorsFile;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.table;

    @Option(names = "--parameters", paramLabel = "DIR",
            description = "Load a parameter pack under both baseline and scenario (repeatable; a later pack wins).")
    List<Path> parameterPacks = new ArrayList<>();

    @Option(names = "--allow-carry-forward",
            description = "Where a needed parameter has no value for a row's period, carry its last value forward (counted as rows with warnings).")
    boolean allowCarryForward;

    @picocli.CommandLine.Mixin
    AuditOptions audit;

    @Option(names = "--strict", description = StrictMode.DESCRIPTION)
    boolean strict;

    @Option(names = "--verbose", description = "Show stack traces of errors.")
    boolean verbose;

    @Option(names = "--max-record-size", paramLabel = "SIZE", converter = Converters.Size.class,
            description = "Longest record (CSV record, JSONL line) in characters, e.g. 4m; a longer one is a row error "
                    + "and reading resumes at the next line (default: 4m, docs/LIMITS.md).")
    Integer maxRecordChars;

    @Override
    public Integer call() throws IOException {
        writable("--out", out);
        writable("--errors", errorsFile);
        // before anything is opened: no output may be an input or another output
        List<PathClash.Named> inputs = new ArrayList<>(List.of(PathClash.of("--population", population),
                PathClash.of("--scenario", scenarioFile)));
        if (audit.signKey != null) {
            inputs.add(PathClash.of("--sign-key", audit.signKey));
        }
        parameterPacks.forEach(p -> inputs.add(PathClash.of("--parameters", p)));
        List<PathClash.Named> outputs = new ArrayList<>();
        for (Object[] o : new Object[][]{{"--out", out}, {"--errors", errorsFile}, {"--audit-out", audit.auditOut}}) {
            if (o[1] != null) {
                outputs.add(PathClash.of((String) o[0], (Path) o[1]));
            }
        }
        PathClash.check(inputs, outputs);
        ShebaoRules.Builder rb = ShebaoRules.builder();
        parameterPacks.forEach(rb::parameterPack);
        if (strict) {
            rb.strict();
        }
        ShebaoRules baseline = rb.build();
        if (region != null) {
            baseline.regions().require("region", region);
        }
        Scenario scenario = ScenarioOptions.read(baseline, "--scenario", scenarioFile);
        ShebaoRules withScenario = baseline.withScenario(scenario);
        if (asOf != null && !scenario.touchesRetirement()) {
            spec.commandLine().getErr().println("shebao whatif: note: --as-of " + asOf + " is not used: scenario "
                    + TerminalText.oneLine(scenario.name()) + " does not change retirement, so no retirement month is compared");
        }
        ContributionRowParser parser = new ContributionRowParser(Optional.ofNullable(period), Optional.ofNullable(region),
                allowCarryForward);
        PrintWriter err = spec.commandLine().getErr();
        Summary summary = compare(baseline, withScenario, parser, err);
        if (out != null) {
            try (AtomicOutput html = AtomicOutput.open("--out", out)) {
                html.writer().write(WhatifReport.html(summary, scenario, population.getFileName().toString(),
                        baseline.parameters().hash()));
                html.commit();
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        switch (format) {
            case json -> o.println(Json.write(WhatifJson.summary(summary, scenario), true));
            case csv -> printCsv(o, summary);
            case table -> printTable(o, summary, scenario);
        }
        o.flush();
        if (summary.errors() > 0) {
            err.println("shebao: " + summary.errors() + " of " + (summary.rows() + summary.errors())
                    + " rows are in error and not in the totals; see " + (errorsFile != null ? errorsFile : "the lines above"));
            err.flush();
            return 1;
        }
        return 0;
    }

    private Summary compare(ShebaoRules baseline, ShebaoRules withScenario, ContributionRowParser parser,
                            PrintWriter err) throws IOException {
        if (audit.explain) {
            throw new CliException(2, "--explain: not for whatif (one account per row would be unreadable); "
                    + "write --audit-out FILE and run `shebao explain` on a record");
        }
        Summary summary;
        Optional<io.shebao.audit.AuditWriter> auditWriter = audit.openWriter();
        try (PopulationReader in = PopulationInput.open("--population", population, parser,
                maxRecordChars != null ? maxRecordChars : Limits.maxRecordChars());
             AtomicOutput errorsOut = errorsFile == null ? null : AtomicOutput.open("--errors", errorsFile);
             io.shebao.audit.AuditWriter aw = auditWriter.orElse(null)) {
          try {
            Writer ew = errorsOut == null ? null : errorsOut.writer();
            Writer target = ew != null ? ew : err;
            boolean[] header = {false};
            PopulationComparison comparison = new PopulationComparison(baseline, withScenario).retirementAsOf(asOf);
            if (aw != null) {
                comparison = comparison.auditTo(aw);
            }
            long size = Files.size(population);
            summary = comparison.run(in, parser, e -> {
                try {
                    if (!header[0]) {
                        target.write(RowError.HEADER + "\n");
                        header[0] = true;
                    }
                    // on the terminal a row error is one line: a line break inside a quoted id is shown escaped
                    target.write((ew != null ? e.csv() : TerminalText.oneLine(e.csv())) + "\n");
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }, ProgressBar.onTerminal(err, size));
            if (ew != null && !header[0]) {
                ew.write(RowError.HEADER + "\n");
            }
            if (errorsOut != null) {
                errorsOut.commit();
            }
          } catch (RuntimeException | IOException x) {
            if (aw != null) {
                aw.rollback(); // the audit file keeps no record of a run whose outputs were discarded
            }
            throw x;
          }
        }
        err.flush();
        return summary;
    }

    /** Fails before any work when an output file cannot be created (its folder is missing, say). */
    private static void writable(String option, Path p) {
        if (p == null) {
            return;
        }
        Path dir = p.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || (Files.exists(p) && !Files.isWritable(p)) || Files.isDirectory(p)) {
            throw new CliException(2, option + ": '" + p + "' cannot be written; give a file in an existing, writable folder");
        }
    }

    private void printTable(PrintWriter o, Summary s, Scenario scenario) {
        o.println("What-if " + ScenarioOptions.label(scenario) + " on " + population);
        o.println("rows computed: " + s.rows() + "   rows in error: " + s.errors()
                + (s.warnings() > 0 ? "   rows with carried-forward or assumed values: " + s.warnings() : ""));
        for (io.shebao.trace.Message m : s.assumptions()) {
            ServicesCommand.wrap(o, "WARNING ", m.code() + ": " + m.en());
        }
        Table t = new Table("insurance", "险种", "side", "baseline", "scenario", "difference", "%");
        SideTotals b = s.baseline();
        SideTotals a = s.scenario();
        for (Insurance i : Insurance.values()) {
            if (b.byInsurance().containsKey(i) || a.byInsurance().containsKey(i)) {
                row(t, i.code(), i.nameZh(), "employer", b.of(i).employer(), a.of(i).employer());
                row(t, i.code(), i.nameZh(), "employee", b.of(i).employee(), a.of(i).employee());
            }
        }
        row(t, "total", "合计", "employer", b.employer(), a.employer());
        row(t, "total", "合计", "employee", b.employee(), a.employee());
        row(t, "total", "合计", "both", b.total(), a.total());
        t.print(o);
        o.println("people: " + s.rises() + " pay more, " + s.falls() + " pay less, " + s.stays() + " unchanged");
        if (!s.changeDeciles().isEmpty()) {
            StringBuilder d = new StringBuilder("change per person (yuan/month): min " + s.minChange().get().toPlainString());
            for (int i = 0; i < s.changeDeciles().size(); i++) {
                d.append("  P").append((i + 1) * 10).append(' ').append(s.changeDeciles().get(i).toPlainString());
            }
            d.append("  max ").append(s.maxChange().get().toPlainString());
            o.println(d);
        }
        Table w = new Table("wage band", "from", "to", "people", "change", "mean change");
        for (Summary.WageBand band : s.wageBands()) {
            w.row(String.valueOf(band.index()), band.low().toPlainString(), band.high().toPlainString(),
                    String.valueOf(band.people()), ContributionCommand.signed(band.change()),
                    ContributionCommand.signed(band.meanChange()));
        }
        w.print(o);
        s.retirement().ifPresent(r -> {
            o.println("retirement month (" + r.asOfText() + "): " + r.people() + " people, " + r.later() + " retire later, " + r.earlier()
                    + " earlier, " + r.unchanged() + " unchanged");
            // buckets of 12 months keep the line short; the JSON has every month
            StringBuilder line = new StringBuilder("shift in months → people:");
            r.buckets().forEach((k, v) -> line.append("  ").append(k).append(": ").append(v));
            o.println(line);
        });
        if (out != null) {
            o.println("report: " + out);
        }
    }

    private static void row(Table t, String code, String zh, String side, BigDecimal base, BigDecimal scen) {
        BigDecimal d = scen.subtract(base);
        t.row(code, zh, side, base.toPlainString(), scen.toPlainString(), ContributionCommand.signed(d),
                Summary.percent(base, d).map(p -> ContributionCommand.signed(p) + "%").orElse("–"));
    }

    /** The totals as CSV: one line per insurance (or total) and side. */
    private static void printCsv(PrintWriter o, Summary s) {
        // monthly figures first (as before); the annual ones (× 12) added at the end of each line
        o.println("insurance,side,baseline,scenario,difference,percent,baseline_annual,scenario_annual,difference_annual");
        SideTotals b = s.baseline();
        SideTotals a = s.scenario();
        for (Insurance i : Insurance.values()) {
            if (b.byInsurance().containsKey(i) || a.byInsurance().containsKey(i)) {
                csvRow(o, i.code(), "employer", b.of(i).employer(), a.of(i).employer());
                csvRow(o, i.code(), "employee", b.of(i).employee(), a.of(i).employee());
            }
        }
        csvRow(o, "total", "employer", b.employer(), a.employer());
        csvRow(o, "total", "employee", b.employee(), a.employee());
        csvRow(o, "total", "total", b.total(), a.total());
    }

    private static void csvRow(PrintWriter o, String ins, String side, BigDecimal base, BigDecimal scen) {
        BigDecimal d = scen.subtract(base);
        o.println(ins + "," + side + "," + base.toPlainString() + "," + scen.toPlainString() + "," + d.toPlainString()
                + "," + Summary.percent(base, d).map(BigDecimal::toPlainString).orElse("")
                + "," + Summary.annual(base).toPlainString() + "," + Summary.annual(scen).toPlainString()
                + "," + Summary.annual(d).toPlainString());
    }
}
