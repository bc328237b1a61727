package io.shebao.whatif;

import io.shebao.ShebaoRules;
import io.shebao.contribution.Insurance;
import io.shebao.internal.json.Json;
import io.shebao.internal.json.WhatifJson;
import io.shebao.population.ContributionRowParser;
import io.shebao.population.PopulationReader;
import io.shebao.population.RowError;
import io.shebao.scenario.Scenario;
import io.shebao.scenario.ScenarioReader;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The statutory unemployment rates on a population of known wages: the difference, to the fen, by hand. */
class WhatifComparisonTest {
    static final ShebaoRules RULES = ShebaoRules.load();
    static final String STATUTORY = """
            name: statutory-unemployment
            description: statutory 2% / 1% for all Hubei from 2015-03 on
            overrides:
              - {parameter: unemployment.employer_rate, region: hubei, from: 2015-03-01, value: 0.02}
              - {parameter: unemployment.employee_rate, region: hubei, from: 2015-03-01, value: 0.01}
            """;

    /*
     * Yichang 2023-05: floor 3450, ceiling 18000; now 0.7% / 0.3%, scenario 2% / 1%; each amount rounded half-up.
     *   row  wage/base      base      now er   now ee   scen er   scen ee    Δ er    Δ ee
     *   1    wage 3000      3450       24.15    10.35     69.00     34.50   44.85   24.15
     *   2    wage 5000      5000       35.00    15.00    100.00     50.00   65.00   35.00
     *   3    wage 6789      6789       47.52    20.37    135.78     67.89   88.26   47.52   (47.523, 20.367)
     *   4    wage 20000     18000     126.00    54.00    360.00    180.00  234.00  126.00
     *   5    base 4321.55   4321.55    30.25    12.96     86.43     43.22   56.18   30.26   (30.25085, 12.96465, 86.431, 43.2155)
     *   sum                           262.92   112.68    751.21    375.61  488.29  262.93   → total Δ 751.22
     */
    static final String POPULATION = """
            id,region,period,wage,base,risk_class
            w3000,yichang,2023-05,3000,,1
            w5000,yichang,2023-05,5000,,1
            w6789,yichang,2023-05,6789,,1
            w20000,yichang,2023-05,20000,,1
            b4321,yichang,2023-05,,4321.55,1
            bad-wage,yichang,2023-05,lots,,1
            atlantis,atlantis,2023-05,5000,,1
            no-limits,shiyan,2021-06,5000,,1
            """;

    static Scenario statutory() {
        return ScenarioReader.of(RULES).read(new StringReader(STATUTORY), "statutory.yaml");
    }

    static PopulationReader reader(String text, PopulationReader.Format format) {
        return PopulationReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), format);
    }

    static Summary run(List<RowError> errors) {
        return new PopulationComparison(RULES, RULES.withScenario(statutory()))
                .run(reader(POPULATION, PopulationReader.Format.CSV), ContributionRowParser.strict(), errors::add);
    }

    @Test
    void assumedValuesAreListedOnceInTheReportAndStrictRulesPutTheRowsInError() {
        String people = "id,region,period,wage,risk_class\na,wuhan,2026-03,5000,1\nb,wuhan,2026-04,6000,1\nc,wuhan,2025-03,6000,1\n";
        Summary s = new PopulationComparison(RULES, RULES.withScenario(statutory()))
                .run(reader(people, PopulationReader.Format.CSV), ContributionRowParser.strict(), e -> { });
        assertEquals(3, s.rows());
        assertEquals(2, s.warnings());
        // the baseline's two assumed unemployment rates; the scenario overrides them
        assertEquals(2, s.assumptions().size(), s.assumptions().toString());
        assertTrue(s.assumptions().stream().allMatch(m -> m.code().equals("ASSUMED_VALUE") && m.en().contains("unemployment.")));
        String html = io.shebao.whatif.WhatifReport.html(s, statutory(), "people.csv", RULES.parameters().hash());
        assertTrue(html.contains("Assumed values used") && html.contains("unemployment.employer_rate = 0.007"), html);
        assertTrue(io.shebao.internal.json.WhatifJson.summary(s, statutory()).has("assumptions"));

        ShebaoRules strict = ShebaoRules.builder().strict().build();
        List<RowError> errors = new ArrayList<>();
        Summary t = new PopulationComparison(strict, strict.withScenario(statutory()))
                .run(reader(people, PopulationReader.Format.CSV), ContributionRowParser.strict(), errors::add);
        assertEquals(1, t.rows());
        assertEquals(List.of(1L, 2L), errors.stream().map(RowError::row).toList());
        assertTrue(errors.get(0).reason().contains("unemployment.employer_rate"), errors.get(0).reason());
    }

    @Test
    void differenceEqualsTheHandComputedSumToTheFen() {
        List<RowError> errors = new ArrayList<>();
        Summary s = run(errors);
        assertEquals(5, s.rows());
        SideTotals d = s.difference();
        assertEquals(new BigDecimal("488.29"), d.of(Insurance.of("unemployment")).employer());
        assertEquals(new BigDecimal("262.93"), d.of(Insurance.of("unemployment")).employee());
        assertEquals(new BigDecimal("751.22"), d.total());
        assertEquals(new BigDecimal("262.92"), s.baseline().of(Insurance.of("unemployment")).employer());
        assertEquals(new BigDecimal("112.68"), s.baseline().of(Insurance.of("unemployment")).employee());
        assertEquals(new BigDecimal("751.21"), s.scenario().of(Insurance.of("unemployment")).employer());
        assertEquals(new BigDecimal("375.61"), s.scenario().of(Insurance.of("unemployment")).employee());
        assertEquals(0, d.of(Insurance.of("pension")).total().signum(), "pension is untouched");
        assertEquals(0, d.of(Insurance.of("work_injury")).total().signum(), "work injury is untouched");
        assertEquals(5, s.rises());
        assertEquals(0, s.falls() + s.stays());
        assertEquals(new BigDecimal("69.00"), s.minChange().orElseThrow()); // 44.85 + 24.15
        assertEquals(new BigDecimal("360.00"), s.maxChange().orElseThrow()); // 234 + 126
        assertEquals(new BigDecimal("185.72"), Summary.percent(s.baseline().of(Insurance.of("unemployment")).employer(),
                d.of(Insurance.of("unemployment")).employer()).orElseThrow()); // 488.29 / 262.92 = 1.857181…
    }

    @Test
    void badRowsAreCountedAndNamedSoCountsReconcile() {
        List<RowError> errors = new ArrayList<>();
        Summary s = run(errors);
        assertEquals(3, s.errors());
        assertEquals(8, s.rows() + s.errors(), "every record is computed or in error");
        assertEquals(List.of(6L, 7L, 8L), errors.stream().map(RowError::row).toList(), "records after the header, from 1");
        assertEquals("wage", errors.get(0).field());
        assertEquals("lots", errors.get(0).value());
        assertEquals("region", errors.get(1).field());
        assertTrue(errors.get(1).reason().contains("unknown region 'atlantis'"), errors.get(1).reason());
        assertTrue(errors.get(2).reason().startsWith("under the baseline: no base limits known for shiyan in 2021-06"),
                errors.get(2).reason());
        assertEquals("period", errors.get(2).field(), "a parameter unknown for the period blames the period, as in batch");
        assertEquals("2021-06", errors.get(2).value());
    }

    @Test
    void jsonlGivesTheSameComparisonAsCsv() {
        StringBuilder jsonl = new StringBuilder();
        List<String> lines = POPULATION.lines().toList();
        String[] header = lines.get(0).split(",", -1);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            StringBuilder o = new StringBuilder("{");
            for (int i = 0; i < header.length; i++) {
                if (!cells[i].isEmpty()) {
                    o.append(o.length() > 1 ? "," : "").append('"').append(header[i]).append("\":\"").append(cells[i]).append('"');
                }
            }
            jsonl.append(o).append("}\n");
        }
        List<RowError> errors = new ArrayList<>();
        Summary s = new PopulationComparison(RULES, RULES.withScenario(statutory()))
                .run(reader(jsonl.toString(), PopulationReader.Format.JSONL), ContributionRowParser.strict(), errors::add);
        List<RowError> csvErrors = new ArrayList<>();
        Summary c = run(csvErrors);
        assertEquals(c.rows(), s.rows());
        assertEquals(c.difference().total(), s.difference().total());
        assertEquals(new BigDecimal("751.22"), s.difference().total());
        assertEquals(csvErrors, errors, "same rows, fields and reasons (JSONL rows are line numbers: the same here)");
    }

    @Test
    void jsonHasTheAgreedShape() {
        Summary s = run(new ArrayList<>());
        JsonNode j = Json.PRETTY.valueToTree(WhatifJson.summary(s, statutory()));
        assertEquals(5, j.get("rows").asInt());
        assertEquals(3, j.get("errors").asInt());
        for (String side : List.of("baseline", "scenario", "difference")) {
            for (String k : List.of("employer", "employee", "total")) {
                assertTrue(j.at("/" + side + "/" + k).isTextual(), side + "/" + k);
            }
            assertTrue(j.at("/" + side + "/byInsurance/unemployment/employer").isTextual(), side);
        }
        assertEquals("751.22", j.at("/difference/total").asText());
        assertEquals("488.29", j.at("/difference/byInsurance/unemployment/employer").asText());
        assertEquals("185.72", j.at("/difference/percent/byInsurance/unemployment/employer").asText());
        assertEquals(statutory().hash(), j.get("scenarioHash").asText());
    }

    @Test
    void htmlReportIsSelfContainedAndHasTheTotals() {
        Summary s = run(new ArrayList<>());
        String html = WhatifReport.html(s, statutory(), "people.csv", RULES.parameters().hash());
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("statutory 2% / 1% for all Hubei"), "the description");
        assertTrue(html.contains("unemployment.employer_rate"), "the overrides");
        assertTrue(html.contains("+488.29"), "unemployment employer difference");
        assertTrue(html.contains("+751.22"), "total difference");
        assertTrue(html.contains("262.92") && html.contains("751.21"), "unemployment employer totals");
        assertTrue(html.contains("<svg"), "an inline chart");
        assertTrue(!html.contains("http://") || html.replace("http://www.w3.org/2000/svg", "").indexOf("http") < 0,
                "nothing fetched from the network");
        assertTrue(!html.contains("<script") && !html.contains("src="), "no script, no external resource");
    }
}
