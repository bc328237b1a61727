package io.shebao.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import io.shebao.internal.json.Json;
import io.shebao.internal.json.WhatifJson;
import io.shebao.population.ContributionRowParser;
import io.shebao.population.PopulationReader;
import io.shebao.scenario.Scenario;
import io.shebao.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.shebao.whatif.WhatifComparisonTest.RULES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The policy team's report: months covered, groups by region and risk class, winners and losers, annual figures. */
class WhatifReportTest {
    /** Yichang pays less (a lower employer unemployment rate), Wuhan more: winners and losers in one run. */
    static final String MIXED = """
            name: mixed
            description: yichang lower, wuhan higher unemployment employer rate
            overrides:
              - {parameter: unemployment.employer_rate, region: yichang, from: 2023-01-01, value: 0.001}
              - {parameter: unemployment.employer_rate, region: wuhan, from: 2025-01-01, value: 0.02}
            """;
    static final String POPULATION = """
            id,region,period,wage,base,risk_class
            y1,yichang,2023-05,3000,,1
            y2,yichang,2023-06,5000,,2
            y3,yichang,2023-05,6789,,1
            w1,wuhan,2025-09,9000,,1
            w2,wuhan,2025-09,12000,,3
            """;

    static Summary run() {
        Scenario s = ScenarioReader.of(RULES).read(new StringReader(MIXED), "mixed.yaml");
        return new PopulationComparison(RULES, RULES.withScenario(s)).run(
                WhatifComparisonTest.reader(POPULATION, PopulationReader.Format.CSV), ContributionRowParser.strict(),
                e -> { throw new AssertionError(e.csv()); });
    }

    @Test
    void groupsByMonthRegionAndRiskClassAddUpToTheTotals() {
        Summary s = run();
        assertEquals(List.of("2023-05", "2023-06", "2025-09"), s.byPeriod().stream().map(Group::key).toList());
        assertEquals(List.of(2, 1, 2), s.byPeriod().stream().map(Group::people).toList());
        assertEquals(List.of("wuhan", "yichang"), s.byRegion().stream().map(Group::key).toList());
        Group wuhan = s.byRegion().get(0);
        Group yichang = s.byRegion().get(1);
        assertEquals(2, wuhan.rises());
        assertEquals(0, wuhan.falls());
        assertEquals(3, yichang.falls());
        assertTrue(wuhan.change().signum() > 0 && yichang.change().signum() < 0);
        assertEquals(List.of("1", "2", "3"), s.byRiskClass().stream().map(Group::key).toList());
        assertEquals(List.of(3, 1, 1), s.byRiskClass().stream().map(Group::people).toList());
        for (List<Group> groups : List.of(s.byPeriod(), s.byRegion(), s.byRiskClass())) {
            assertEquals(s.baseline().total(), groups.stream().map(Group::baseline).reduce(BigDecimal.ZERO, BigDecimal::add));
            assertEquals(s.scenario().total(), groups.stream().map(Group::scenario).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        assertEquals(2, s.wageBands().stream().mapToInt(Summary.WageBand::rises).sum());
        assertEquals(3, s.wageBands().stream().mapToInt(Summary.WageBand::falls).sum());
        assertEquals(s.rises(), 2);
        assertEquals(s.falls(), 3);
    }

    @Test
    void jsonKeepsTheOldFieldsAndAddsAnnualAndGroups() throws Exception {
        Summary s = run();
        JsonNode j = Json.MAPPER.readTree(Json.write(WhatifJson.summary(s, ScenarioReader.of(RULES).read(new StringReader(MIXED), "mixed.yaml")), false));
        for (String old : List.of("rows", "errors", "baseline", "scenario", "difference", "people", "changeDistribution", "wageBands")) {
            assertTrue(j.has(old), old);
        }
        assertEquals(Summary.annual(s.difference().total()), new BigDecimal(j.at("/annual/difference/total").asText()));
        assertEquals(s.difference().total().multiply(BigDecimal.valueOf(12)), Summary.annual(s.difference().total()));
        assertEquals(3, j.get("byPeriod").size());
        assertEquals("wuhan", j.at("/byRegion/0/key").asText());
        assertEquals(2, j.at("/byRegion/0/rise").asInt());
        assertTrue(j.at("/wageBands/0").has("fall"));
    }

    @Test
    void htmlHasTheAnnualTableTheGroupsTheDecileChartsAndPrintStyles() {
        Summary s = run();
        Scenario sc = ScenarioReader.of(RULES).read(new StringReader(MIXED), "mixed.yaml");
        String html = WhatifReport.html(s, sc, "people.csv", RULES.parameters().hash());
        for (String id : List.of("key-figures", "annual", "summary", "period", "region", "risk-class", "deciles")) {
            assertTrue(html.contains("id=\"" + id + "\""), id);
        }
        assertTrue(html.contains("3 months") && html.contains("(not consecutive)"), "months covered");
        assertTrue(html.contains("@media print") && html.contains("@page"), "print styles");
        assertTrue(html.contains("pay less 少缴 (winners)") && html.contains("pay more 多缴 (losers)"), "winners and losers");
        assertTrue(html.contains("stroke=\"#d9d9d9\""), "gridlines");
        assertTrue(!html.contains("<script"), "no script");
        // the annual difference of all funds, as printed: 12 × the monthly difference
        assertTrue(html.contains(WhatifReport.signed(Summary.annual(s.difference().total()))));
    }

    @Test
    void axisTicksAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(2.0, Chart.step(7), 1e-12);
        assertEquals(20.0, Chart.step(100), 1e-12);
        assertEquals(0.1, Chart.step(0.3), 1e-12);
        assertEquals(500.0, Chart.step(1600), 1e-12);
        assertEquals("1,500", Chart.tick(1500, 500));
        assertEquals("0.2", Chart.tick(0.2, 0.1));
    }
}
