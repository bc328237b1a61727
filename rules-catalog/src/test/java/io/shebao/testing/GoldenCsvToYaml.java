package io.shebao.testing;

import io.shebao.retirement.Category;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts the old golden CSV cases (golden/contribution*.csv, golden/retirement.csv) into the YAML test format
 * of {@code shebao test} (docs/TESTS.md), keeping every assertion the CSV-driven JUnit tests made. Kept so a CSV
 * that arrives from another branch can be converted the same way:
 * <pre>
 * mvn -B -o -q -pl rules-catalog -am test-compile -DskipTests
 * java -cp "rules-catalog/target/test-classes:rules-catalog/target/classes:rules-core/target/classes:$(cat cp.txt)" \
 *     io.shebao.testing.GoldenCsvToYaml contribution IN.csv rules-catalog/src/test/resources/cases/contribution.yaml
 * </pre>
 * (or {@code scripts/golden-csv-to-yaml.sh contribution IN.csv OUT.yaml}). Prints the number of cases and checks.
 */
public final class GoldenCsvToYaml {
    private static final Pattern SOURCE = Pattern.compile("\\(([^()]*(?:seed|FAQ|Art\\.|办法|通知|第)[^()]*)\\)\\s*$");

    private GoldenCsvToYaml() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !(args[0].equals("contribution") || args[0].equals("retirement"))) {
            System.err.println("usage: GoldenCsvToYaml contribution|retirement IN.csv OUT.yaml");
            System.exit(2);
        }
        List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        StringBuilder y = new StringBuilder();
        boolean contribution = args[0].equals("contribution");
        y.append("# Golden ").append(args[0]).append(" cases (docs/TESTS.md). Converted from golden/")
                .append(Path.of(args[1]).getFileName()).append(" by io.shebao.testing.GoldenCsvToYaml;\n")
                .append("# this file is now the source of truth: edit it, not a CSV. Run: shebao test ")
                .append(Path.of("").toAbsolutePath().relativize(Path.of(args[2]).toAbsolutePath())).append("\n");
        List<String> header = null;
        boolean syntaxNotes = false;
        int cases = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (header == null && (syntaxNotes || line.contains("expected:"))) {
                    syntaxNotes = true; // the CSV's notes on its expected-column syntax do not apply to YAML
                    continue;
                }
                y.append(header == null ? "" : "  ").append(line).append('\n');
                continue;
            }
            List<String> cells = GoldenCsv.split(line);
            if (header == null) {
                header = cells;
                y.append("kind: ").append(args[0]).append('\n').append("cases:\n");
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < cells.size() ? cells.get(i) : "");
            }
            List<String[]> input = new ArrayList<>();
            List<String[]> expect = new ArrayList<>();
            if (contribution) {
                contribution(row, input, expect);
            } else {
                retirement(row, input, expect);
            }
            cases++;
            String name = row.get("case");
            y.append("  - name: ").append(q(name)).append('\n');
            Matcher m = SOURCE.matcher(name);
            if (m.find()) {
                y.append("    source: ").append(q(m.group(1))).append('\n');
            }
            y.append("    input:\n");
            input.forEach(kv -> y.append("      ").append(kv[0]).append(": ").append(kv[1]).append('\n'));
            y.append("    expect:\n");
            expect.forEach(kv -> y.append("      ").append(kv[0]).append(": ").append(kv[1]).append('\n'));
        }
        Files.writeString(Path.of(args[2]), y.toString(), StandardCharsets.UTF_8);
        // read back with the reader `shebao test` uses: the file must parse, and the count is of real checks
        List<io.shebao.cases.TestCase> read = io.shebao.cases.CaseFile.read(Path.of(args[2]));
        System.out.println(args[2] + ": " + read.size() + " cases (" + cases + " CSV rows), "
                + read.stream().mapToInt(t -> t.expectations().size()).sum() + " checks");
    }

    private static void contribution(Map<String, String> r, List<String[]> in, List<String[]> ex) {
        in.add(kv("region", q(r.get("region"))));
        in.add(kv("period", q(r.get("period"))));
        put(in, "wage", r.get("wage"));
        put(in, "base", r.get("base"));
        put(in, "riskClass", r.get("risk_class"));
        put(in, "floatGrade", r.get("float_grade"));
        if (!r.get("insurances").isEmpty()) {
            in.add(kv("insurances", list(List.of(r.get("insurances").split(",")))));
        }
        if ("true".equals(r.get("allow_carry_forward"))) {
            in.add(kv("allowCarryForward", "true"));
        }
        // optional columns of some files (contribution-2020-exemption.csv, contribution-flexible.csv)
        put(in, "unitKind", r.getOrDefault("unit_kind", ""));
        put(in, "contributor", r.getOrDefault("contributor", ""));
        if (!r.getOrDefault("birth", "").isEmpty()) {
            in.add(kv("birth", q(r.get("birth"))));
        }
        put(in, "sex", r.getOrDefault("sex", ""));
        String expected = r.get("expected");
        if (error(expected, ex)) {
            return;
        }
        List<String> lines = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String[]> rest = new ArrayList<>();
        for (String part : expected.split(";")) {
            String[] p = part.split("=", 2);
            String[] v = p[1].split("/");
            switch (p[0]) {
                case "total" -> rest.add(kv("totals", "{employer: " + v[0] + ", employee: " + v[1] + ", total: " + v[2] + "}"));
                case "adjust" -> rest.add(kv("baseAdjustment", p[1]));
                case "warn" -> warnings.add(p[1]);
                default -> {
                    lines.add(p[0].trim());
                    rest.add(kv("lines." + p[0].trim(), "{employer: " + v[0] + ", employee: " + v[1] + "}"));
                }
            }
        }
        ex.add(kv("lines", list(lines)));
        ex.addAll(rest);
        ex.add(kv("warnings", warnings.isEmpty() ? "[]" : "{contains: " + list(warnings) + "}"));
    }

    private static void retirement(Map<String, String> r, List<String[]> in, List<String[]> ex) {
        Category c = Category.fromCode(r.get("category")).orElseThrow(() -> new IllegalArgumentException(r.toString()));
        in.add(kv("sex", c.sex().code()));
        in.add(kv("category", c.code()));
        in.add(kv("birthMonth", q(r.get("birth"))));
        in.add(kv("contributionMonths", r.get("contribution_months")));
        if (!r.get("first_insured").isEmpty()) {
            in.add(kv("firstInsured", q(r.get("first_insured"))));
        }
        in.add(kv("asOf", q(r.get("as_of"))));
        if (!r.get("requested").isEmpty()) {
            in.add(kv("requested", q(r.get("requested"))));
        }
        String expected = r.get("expected");
        if (error(expected, ex)) {
            return;
        }
        List<String> warnings = new ArrayList<>();
        List<String[]> rest = new ArrayList<>();
        for (String part : expected.split(";")) {
            String[] p = part.split("=", 2);
            String k = p[0];
            String v = p[1];
            switch (k) {
                case "age" -> {
                    Matcher m = Pattern.compile("(\\d+)y(\\d+)m").matcher(v);
                    if (!m.matches()) {
                        throw new IllegalArgumentException("age " + v);
                    }
                    rest.add(kv("statutoryAge", "{years: " + m.group(1) + ", months: " + m.group(2) + "}"));
                }
                case "month" -> rest.add(kv("retirementMonth", q(v)));
                case "delay" -> rest.add(kv("delayMonths", v));
                case "reform" -> rest.add(kv("reformApplied", v));
                case "min" -> rest.add(kv("minimumContributionMonths", v));
                case "met" -> rest.add(kv("contributionMet", v));
                case "short" -> rest.add(kv("shortfallMonths", v));
                case "window" -> rest.add(kv("flexibleWindow", "null"));
                case "earliest" -> {
                    rest.add(kv("flexibleWindow", "{notEmpty: true}"));
                    rest.add(kv("flexibleWindow.earliest", v.equals("none") ? "null" : q(v)));
                }
                case "latest" -> rest.add(kv("flexibleWindow.latest", q(v)));
                case "request" -> {
                    if (v.equals("allowed")) {
                        rest.add(kv("requested.allowed", "true"));
                    } else {
                        rest.add(kv("requested.allowed", "false"));
                        rest.add(kv("requested.reasons", "{contains: [" + v.substring("refused:".length()) + "]}"));
                    }
                }
                case "extend" -> option(rest, "extend-contributions", v);
                case "lump" -> option(rest, "lump-sum-back-payment", v);
                case "oneoff" -> rest.add(kv("options.one-off-account-payment.available", String.valueOf(v.equals("yes"))));
                case "warn" -> warnings.add(v);
                default -> throw new IllegalArgumentException("unknown key " + k);
            }
        }
        ex.addAll(rest);
        ex.add(kv("warnings", warnings.isEmpty() ? "[]" : "{contains: " + list(warnings) + "}"));
        ex.add(kv("reasons", "{notEmpty: true}"));
        ex.add(kv("ageRules", "{notEmpty: true}"));
        ex.add(kv("contributionRules", "{notEmpty: true}"));
    }

    private static void option(List<String[]> rest, String kind, String v) {
        if (v.equals("no")) {
            rest.add(kv("options." + kind + ".available", "false"));
            rest.add(kv("options." + kind + ".reasons", "{notEmpty: true}"));
            return;
        }
        String[] p = v.split("/");
        rest.add(kv("options." + kind, "{available: true, month: " + q(p[0]) + ", months: " + p[1] + "}"));
    }

    private static boolean error(String expected, List<String[]> ex) {
        if (!expected.startsWith("error:")) {
            return false;
        }
        String[] p = expected.split(":", 3);
        ex.add(kv("error.code", p[1]));
        ex.add(kv("error.message", "{contains: " + q(p[2]) + "}"));
        return true;
    }

    private static void put(List<String[]> in, String field, String v) {
        if (!v.isEmpty()) {
            in.add(kv(field, v));
        }
    }

    private static String[] kv(String k, String v) {
        return new String[]{k, v};
    }

    private static String list(List<String> xs) {
        return "[" + String.join(", ", xs.stream().map(String::trim).toList()) + "]";
    }

    /** A double-quoted YAML string. */
    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
