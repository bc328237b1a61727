package io.shebao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `shebao whatif` and `--scenario`/`--compare` run as a real process. */
class WhatifCliIT {
    private static final String SCENARIO = """
            name: statutory-unemployment
            description: statutory 2% / 1% for all Hubei from 2015-03 on
            overrides:
              - parameter: unemployment.employer_rate
                region: hubei
                from: 2015-03
                value: 0.02
              - parameter: unemployment.employee_rate
                region: hubei
                from: 2015-03
                value: 0.01
            """;
    // Hand-computed in WhatifComparisonTest: unemployment Δ employer 488.29, Δ employee 262.93, Δ total 751.22.
    private static final String POPULATION = "\uFEFFid,region,period,wage,base,risk_class\r\n"
            + "w3000,yichang,2023-05,3000,,1\r\nw5000,yichang,2023-05,5000,,1\r\nw6789,yichang,2023-05,6789,,1\r\n"
            + "w20000,yichang,2023-05,20000,,1\r\nb4321,yichang,2023-05,,4321.55,1\r\n"
            + "bad-wage,yichang,2023-05,lots,,1\r\n\"atl,antis\",atlantis,2023-05,5000,,1\r\n";

    @Test
    void populationComparisonAsJsonWithErrorFileAndReport(@TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(dir.resolve("statutory.yaml"), SCENARIO);
        Path people = Files.writeString(dir.resolve("people.csv"), POPULATION);
        Path errors = dir.resolve("errors.csv");
        Path report = dir.resolve("report.html");
        CliProcess.Outcome o = CliProcess.run("whatif", "--scenario", scenario.toString(), "--population", people.toString(),
                "--format", "json", "--errors", errors.toString(), "--out", report.toString());
        assertEquals(1, o.exit(), "rows in error → exit 1: " + o.err());
        assertTrue(o.err().contains("2 of 7 rows are in error"), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals(5, j.get("rows").asInt());
        assertEquals(2, j.get("errors").asInt());
        assertEquals("751.22", j.at("/difference/total").asText());
        assertEquals("488.29", j.at("/difference/byInsurance/unemployment/employer").asText());
        assertEquals("262.93", j.at("/difference/byInsurance/unemployment/employee").asText());
        assertEquals("262.92", j.at("/baseline/byInsurance/unemployment/employer").asText());
        assertEquals("751.21", j.at("/scenario/byInsurance/unemployment/employer").asText());
        List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8);
        assertEquals("row,id,field,value,reason", lines.get(0));
        assertEquals(3, lines.size(), lines.toString());
        // rows counted as in batch: the first record after the header is row 1
        assertTrue(lines.get(1).startsWith("6,bad-wage,wage,lots,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("7,\"atl,antis\",region,atlantis,"), lines.get(2));
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(html.contains("+751.22") && html.contains("statutory-unemployment"), "report has the totals");
    }

    @Test
    void samplePopulationUnderTheSampleScenario(@TempDir Path dir) throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        CliProcess.Outcome o = CliProcess.run("whatif", "--scenario",
                root.resolve("examples/scenarios/no-unemployment-reduction.yaml").toString(),
                "--population", root.resolve("examples/data/population.csv").toString(), "--format", "csv",
                "--errors", dir.resolve("e.csv").toString());
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().startsWith("insurance,side,baseline,scenario,difference,percent,baseline_annual,"), o.out());
        // the annual columns are the monthly ones × 12
        for (String line : o.out().strip().lines().skip(1).toList()) {
            String[] f = line.split(",", -1);
            assertEquals(new java.math.BigDecimal(f[4]).multiply(java.math.BigDecimal.valueOf(12)), new java.math.BigDecimal(f[8]), line);
        }
        String pension = o.out().lines().filter(l -> l.startsWith("pension,employer,")).findFirst().orElseThrow();
        assertTrue(pension.split(",")[4].equals("0.00") && pension.split(",")[5].equals("0.00"), "pension unchanged: " + pension);
        assertEquals(List.of("row,id,field,value,reason"), Files.readAllLines(dir.resolve("e.csv")));
    }

    @Test
    void badScenarioFileNamesTheLineAndExits2(@TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(dir.resolve("bad.yaml"), SCENARIO.replace("value: 0.02", "value: 2"));
        Path people = Files.writeString(dir.resolve("people.csv"), POPULATION);
        CliProcess.Outcome o = CliProcess.run("whatif", "--scenario", scenario.toString(), "--population", people.toString());
        assertEquals(2, o.exit());
        String err = o.err().strip();
        assertFalse(err.contains("\n") || err.contains("Exception"), err);
        assertTrue(err.contains("bad.yaml:7: unemployment.employer_rate: value '2' is not a valid rate"), err);

        CliProcess.Outcome c = CliProcess.run("contribution", "--region", "yichang", "--period", "2023-05", "--wage", "3450",
                "--risk-class", "1", "--scenario", scenario.toString());
        assertEquals(2, c.exit());
        assertTrue(c.err().contains("bad.yaml:7:"), c.err());
    }

    @Test
    void unwritableOutputIsBadInputNotACrash(@TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), SCENARIO);
        Path people = Files.writeString(dir.resolve("people.csv"), POPULATION);
        CliProcess.Outcome o = CliProcess.run("whatif", "--scenario", scenario.toString(), "--population", people.toString(),
                "--errors", dir.resolve("missing/errors.csv").toString());
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.err().contains("--errors:") && o.err().contains("missing"), o.err());
        CliProcess.Outcome n = CliProcess.run("whatif", "--scenario", dir.resolve("nope.yaml").toString(), "--population",
                people.toString());
        assertEquals(2, n.exit(), n.err());
        assertTrue(n.err().contains("--scenario: '"), n.err());
    }

    @Test
    void populationWithoutPeriodNeedsTheOption(@TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), SCENARIO);
        Path people = Files.writeString(dir.resolve("people.csv"), "id,region,wage,risk_class\nx,yichang,5000,1\n");
        CliProcess.Outcome o = CliProcess.run("whatif", "--scenario", scenario.toString(), "--population", people.toString());
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("--population " + people + ": missing column 'period'")
                && o.err().contains("(or give --period YYYY-MM)"), o.err());
        CliProcess.Outcome ok = CliProcess.run("whatif", "--scenario", scenario.toString(), "--population", people.toString(),
                "--period", "2023-05", "--format", "json");
        assertEquals(0, ok.exit(), ok.err());
        assertEquals("65.00", new ObjectMapper().readTree(ok.out()).at("/difference/byInsurance/unemployment/employer").asText());
    }

    @Test
    void contributionUnderAndComparedWithAScenario(@TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), SCENARIO);
        CliProcess.Outcome s = CliProcess.run("contribution", "--region", "yichang", "--period", "2023-05", "--wage", "3450",
                "--risk-class", "1", "--scenario", scenario.toString(), "--format", "json");
        assertEquals(0, s.exit(), s.err());
        JsonNode j = new ObjectMapper().readTree(s.out());
        assertEquals("69.00", j.at("/lines/1/employer").asText());
        assertEquals("statutory-unemployment", j.at("/scenario/name").asText());
        assertEquals(64, j.at("/scenario/hash").asText().length());

        CliProcess.Outcome c = CliProcess.run("contribution", "--region", "yichang", "--period", "2023-05", "--wage", "3450",
                "--risk-class", "1", "--compare", scenario.toString(), "--format", "json");
        assertEquals(0, c.exit(), c.err());
        JsonNode k = new ObjectMapper().readTree(c.out());
        assertEquals("869.40", k.at("/baseline/totals/total").asText());
        assertEquals("938.40", k.at("/scenario/totals/total").asText());
        assertEquals("69.00", k.at("/difference/total").asText());
        assertEquals("44.85", k.at("/difference/byInsurance/unemployment/employer").asText());

        CliProcess.Outcome t = CliProcess.run("contribution", "--region", "yichang", "--period", "2023-05", "--wage", "3450",
                "--risk-class", "1", "--compare", scenario.toString());
        assertEquals(0, t.exit(), t.err());
        assertTrue(t.out().contains("+44.85") && t.out().contains("+69.00") && t.out().contains("s.yaml:4"), t.out());

        CliProcess.Outcome both = CliProcess.run("contribution", "--region", "yichang", "--period", "2023-05", "--wage", "3450",
                "--risk-class", "1", "--compare", scenario.toString(), "--scenario", scenario.toString());
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("--scenario/--compare"), both.err());
    }

    @Test
    void retirementUnderAndComparedWithTheReformOff(@TempDir Path dir) throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String off = root.resolve("examples/scenarios/retirement-reform-off.yaml").toString();
        CliProcess.Outcome c = CliProcess.run("retirement", "--sex", "female", "--birth", "1971-04", "--category", "female-cadre",
                "--contribution-months", "300", "--as-of", "2025-06-01", "--compare", off, "--format", "json");
        assertEquals(0, c.exit(), c.err());
        JsonNode j = new ObjectMapper().readTree(c.out());
        assertEquals("2026-08", j.at("/baseline/retirementMonth").asText());
        assertEquals("2026-04", j.at("/scenario/retirementMonth").asText());
        assertEquals(-4, j.at("/difference/retirementMonthShiftMonths").asInt());
        assertEquals("retirement-reform-off", j.get("scenarioName").asText());

        Path people = Files.writeString(dir.resolve("people.csv"), """
                id,region,period,wage,risk_class,sex,birth,category,contribution_months
                a,wuhan,2025-09,8000,1,female,1971-04,female-cadre,300
                b,wuhan,2025-09,8000,1,male,1960-01,male,300
                """);
        CliProcess.Outcome w = CliProcess.run("whatif", "--scenario", off, "--population", people.toString(), "--format", "json");
        assertEquals(0, w.exit(), w.err());
        JsonNode k = new ObjectMapper().readTree(w.out());
        assertEquals(2, k.at("/retirement/people").asInt());
        assertEquals(1, k.at("/retirement/earlier").asInt());
        assertEquals(1, k.at("/retirement/byShiftMonths/-4").asInt());
        assertEquals("0.00", k.at("/difference/total").asText());
    }

    /**
     * whatif --as-of, like batch --as-of: a woman cadre born 1971-04 on a 2023-05 row is asked as of 2023-05-01 by
     * default (the reform is not yet in force: the reform switched off moves nothing); asked as of 2025-06-01 the
     * reform applies and switching it off moves her retirement 4 months earlier (2026-08 → 2026-04). The report and
     * the audit records say which date was used.
     */
    @Test
    void retirementShiftsAreAskedAsOfTheGivenDate(@TempDir Path dir) throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String off = root.resolve("examples/scenarios/retirement-reform-off.yaml").toString();
        Path people = Files.writeString(dir.resolve("people.csv"), """
                id,region,period,wage,risk_class,sex,birth,category,contribution_months
                a,wuhan,2023-05,8000,1,female,1971-04,female-cadre,300
                """);
        CliProcess.Outcome byPeriod = CliProcess.run("whatif", "--scenario", off, "--population", people.toString(),
                "--format", "json");
        assertEquals(0, byPeriod.exit(), byPeriod.err());
        JsonNode d = new ObjectMapper().readTree(byPeriod.out());
        assertEquals(1, d.at("/retirement/byShiftMonths/0").asInt(), byPeriod.out());
        assertTrue(d.at("/retirement/asOf").isMissingNode(), "no asOf without --as-of: " + byPeriod.out());

        Path report = dir.resolve("report.html");
        Path audit = dir.resolve("audit.jsonl");
        CliProcess.Outcome asOf = CliProcess.run("whatif", "--scenario", off, "--population", people.toString(),
                "--as-of", "2025-06-01", "--format", "json", "--out", report.toString(), "--audit-out", audit.toString());
        assertEquals(0, asOf.exit(), asOf.err());
        JsonNode j = new ObjectMapper().readTree(asOf.out());
        assertEquals(1, j.at("/retirement/earlier").asInt(), asOf.out());
        assertEquals(1, j.at("/retirement/byShiftMonths/-4").asInt(), asOf.out());
        assertEquals("2025-06-01", j.at("/retirement/asOf").asText(), asOf.out());
        assertTrue(Files.readString(report, StandardCharsets.UTF_8).contains("as of 2025-06-01"), "the report names the date");
        List<String> records = Files.readAllLines(audit, StandardCharsets.UTF_8);
        assertEquals(4, records.size(), "contribution and retirement, baseline and scenario");
        assertEquals(2, records.stream().filter(r -> r.contains("\"asOf\":\"2025-06-01\"")).count(), records.toString());

        CliProcess.Outcome table = CliProcess.run("whatif", "--scenario", off, "--population", people.toString(),
                "--as-of", "2025-06-01");
        assertEquals(0, table.exit(), table.err());
        assertTrue(table.out().contains("retirement month (as of 2025-06-01): 1 people, 0 retire later, 1 earlier"), table.out());

        CliProcess.Outcome bad = CliProcess.run("whatif", "--scenario", off, "--population", people.toString(),
                "--as-of", "2025-13-01");
        assertEquals(2, bad.exit());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().contains("--as-of") && bad.err().contains("2025-13-01") && bad.err().contains("YYYY-MM-DD"),
                bad.err());
    }

    @Test
    void auditRecordsOfEveryRowReplayUnderTheScenario(@TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(dir.resolve("statutory.yaml"), SCENARIO);
        Path people = Files.writeString(dir.resolve("people.csv"), """
                id,region,period,wage,risk_class
                A,yichang,2023-05,3450,1
                B,yichang,2023-05,9000,2
                C,atlantis,2023-05,9000,2
                """);
        Path audit = dir.resolve("audit.jsonl");
        CliProcess.Outcome o = CliProcess.run("whatif", "--scenario", scenario.toString(), "--population", people.toString(),
                "--audit-out", audit.toString(), "--errors", dir.resolve("errors.csv").toString());
        assertEquals(1, o.exit(), o.err());
        assertEquals(4, Files.readAllLines(audit).size(), "baseline and scenario record for each of the 2 computed rows");
        CliProcess.Outcome r = CliProcess.run("replay", audit.toString(), "--scenario", scenario.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("4 replayed, 4 identical, 0 changed-hash-only, 0 different, 0 invalid"), r.out());
        CliProcess.Outcome without = CliProcess.run("replay", audit.toString());
        assertEquals(1, without.exit(), without.out());
        assertTrue(without.out().contains("4 replayed, 2 identical, 0 changed-hash-only, 2 different, 0 invalid"), without.out());
    }
}
