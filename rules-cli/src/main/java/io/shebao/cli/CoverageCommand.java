package io.shebao.cli;

import io.shebao.ShebaoRules;
import io.shebao.coverage.Coverage;
import io.shebao.coverage.CoverageReport;
import io.shebao.coverage.CoverageStatus;
import io.shebao.internal.json.CoverageJson;
import io.shebao.internal.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** {@code shebao params coverage}: known / assumed / unknown per region, month and insurance. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = {"For every region and month, per insurance: known, assumed or unknown (and which parameter).",
                "Example: shebao params coverage --from 2021-07 --to 2026-12 --format html > coverage.html"})
final class CoverageCommand implements Runnable {
    enum Format { table, json, html }

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "YYYY-MM", converter = Converters.Month.class,
            description = "First month (default: 2021-07).")
    YearMonth from = YearMonth.of(2021, 7);

    @Option(names = "--to", paramLabel = "YYYY-MM", converter = Converters.Month.class,
            description = "Last month (default: 2026-12).")
    YearMonth to = YearMonth.of(2026, 12);

    @Option(names = "--region", paramLabel = "REGION", description = "One region (default: every city and prefecture).")
    String region;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); html is a self-contained heat map.")
    Format format = Format.table;

    @Option(names = "--parameters", paramLabel = "DIR",
            description = "Load a parameter pack: a directory of dated parameter files (repeatable; a later pack wins).")
    List<Path> parameterPacks = new ArrayList<>();

    @Option(names = "--strict", description = "Count assumed values as unknown (as --strict does when computing).")
    boolean strict;

    @Option(names = "--verbose", description = "Show stack traces of errors.")
    boolean verbose;

    @Override
    public void run() {
        ShebaoRules.Builder b = ShebaoRules.builder();
        parameterPacks.forEach(b::parameterPack);
        if (strict) {
            b.strict();
        }
        ShebaoRules rules = b.build();
        Coverage c = Coverage.of(rules, from, to, region);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> out.println(Json.write(CoverageJson.of(c), true));
            case html -> out.print(CoverageReport.html(c, rules.regions(), rules.parameters().hash()));
            case table -> table(out, c);
        }
        out.flush();
    }

    /** Keeps the table within 100 columns: the parameter list wraps. */
    private static final int PARAMETER_WIDTH = 40;

    static List<String> wrap(List<String> items, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i) + (i < items.size() - 1 ? "," : "");
            if (line.length() > 0 && line.length() + 1 + item.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(item);
        }
        out.add(line.toString());
        return out;
    }

    private static void table(PrintWriter out, Coverage c) {
        out.printf("Coverage %s … %s: %d known, %d assumed, %d unknown, %d not applicable%n(cells of region × month × insurance)%n",
                c.from(), c.to(), c.count(CoverageStatus.KNOWN), c.count(CoverageStatus.ASSUMED),
                c.count(CoverageStatus.UNKNOWN), c.count(CoverageStatus.NOT_APPLICABLE));
        Table t = new Table("region", "insurance", "months", "status", "parameters");
        String last = "";
        for (Coverage.Stretch s : c.stretches()) {
            if (s.status() == CoverageStatus.NOT_APPLICABLE) {
                continue;
            }
            List<String> lines = wrap(s.parameters(), PARAMETER_WIDTH);
            t.row(s.region().equals(last) ? "" : s.region(), s.insurance().code(),
                    s.from().equals(s.to()) ? s.from().toString() : s.from() + " … " + s.to(), s.status().code(),
                    lines.get(0));
            for (String more : lines.subList(1, lines.size())) {
                t.row("", "", "", "", more);
            }
            last = s.region();
        }
        t.print(out);
    }
}
