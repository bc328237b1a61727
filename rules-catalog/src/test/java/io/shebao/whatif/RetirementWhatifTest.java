package io.shebao.whatif;

import io.shebao.ShebaoRules;
import io.shebao.population.ContributionRowParser;
import io.shebao.population.PopulationReader;
import io.shebao.population.RowError;
import io.shebao.retirement.Category;
import io.shebao.retirement.RetirementQuery;
import io.shebao.retirement.RetirementResult;
import io.shebao.retirement.Sex;
import io.shebao.scenario.Scenario;
import io.shebao.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retirement.reform switch reaches the retirement rules, for one person and over a population. */
class RetirementWhatifTest {
    private static final ShebaoRules RULES = ShebaoRules.load();
    private static final Scenario OFF = ScenarioReader.of(RULES).read(new StringReader("""
            name: reform-off
            description: pre-2025 ages
            switches:
              retirement.reform: "off"
            """), "off.yaml");

    private static RetirementQuery query(Sex sex, String birth, Category c) {
        return RetirementQuery.builder().region("wuhan").sex(sex).birthMonth(YearMonth.parse(birth)).category(c)
                .contributionMonths(300).asOf(LocalDate.of(2025, 6, 1)).build();
    }

    @Test
    void switchOffGivesTheOriginalAgeAndNoIncrease() {
        RetirementQuery q = query(Sex.FEMALE, "1971-04", Category.FEMALE_CADRE);
        RetirementResult now = RULES.retirement(q);
        RetirementResult off = RULES.withScenario(OFF).retirement(q);
        assertEquals(YearMonth.of(2026, 8), now.retirementMonth(), "DIGEST: 55 years 4 months, 2026-08");
        assertEquals(YearMonth.of(2026, 4), off.retirementMonth());
        assertFalse(off.reformApplied());
        assertTrue(off.flexibleWindow().isEmpty(), "no flexible retirement without the reform");
        assertTrue(off.warnings().stream().anyMatch(w -> w.code().equals("REFORM_SWITCHED_OFF")));
        assertTrue(off.ageRules().contains("R-AGE-07"));
        RetirementQuery young = query(Sex.MALE, "1980-05", Category.MALE);
        assertTrue(RULES.retirement(young).minimumContributionMonths() > 180, "the minimum rises from 2030");
        assertEquals(180, RULES.withScenario(OFF).retirement(young).minimumContributionMonths());
        assertEquals(YearMonth.of(2026, 8), RULES.retirement(q).retirementMonth(), "the baseline is untouched");
    }

    @Test
    void populationShiftsAreCountedByMonthsAndBirthYear() {
        String csv = """
                id,region,period,wage,risk_class,sex,birth,category,contribution_months
                cadre-1971-04,wuhan,2025-09,8000,1,female,1971-04,female-cadre,300
                man-1965-01,wuhan,2025-09,8000,1,male,1965-01,male,300
                worker-1975-01,wuhan,2025-09,8000,1,female,1975-01,female-worker,300
                man-1960-01,wuhan,2025-09,8000,1,male,1960-01,male,300
                no-category,wuhan,2025-09,8000,1,female,1975-01,,300
                bad-category,wuhan,2025-09,8000,1,female,1975-01,female-boss,300
                mismatch,wuhan,2025-09,8000,1,male,1975-01,female-worker,300
                """;
        List<RowError> errors = new ArrayList<>();
        Summary s = new PopulationComparison(RULES, RULES.withScenario(OFF)).run(
                WhatifComparisonTest.reader(csv, PopulationReader.Format.CSV), ContributionRowParser.strict(), errors::add);
        assertEquals(4, s.rows());
        assertEquals(3, s.errors());
        RetirementShift r = s.retirement().orElseThrow();
        assertEquals(4, r.people());
        assertEquals(0, r.later());
        assertEquals(3, r.earlier());
        assertEquals(1, r.unchanged());
        // -4: woman 55 born 1971-04 (55y4m → 55); -1: man born 1965-01 and woman worker born 1975-01 (first step)
        assertEquals(Map.of(-4, 1, -1, 2, 0, 1), r.byShift());
        assertEquals(List.of(1960, 1965, 1971, 1975), r.byBirthYear().stream().map(RetirementShift.BirthYear::year).toList());
        assertEquals(List.of("category", "category", "category"), errors.stream().map(RowError::field).toList());
        assertEquals("female-boss", errors.get(1).value());
        assertEquals(0, s.difference().total().signum(), "contributions do not change");
        String html = WhatifReport.html(s, OFF, "people.csv", RULES.parameters().hash());
        assertTrue(html.contains("id=\"retirement\"") && html.contains("birth year"), "retirement section and chart");
    }

    @Test
    void contributionScenarioDoesNotAskForRetirementColumns() {
        Scenario ceiling = ScenarioReader.of(RULES).read(new StringReader("""
                name: c
                description: d
                overrides:
                  - {parameter: contribution_base.ceiling, region: wuhan, from: 2025-07, until: 2026-06, value: 30000}
                """), "c.yaml");
        Summary s = new PopulationComparison(RULES, RULES.withScenario(ceiling)).run(WhatifComparisonTest.reader(
                "id,region,period,wage,risk_class\nx,wuhan,2025-09,40000,1\n", PopulationReader.Format.CSV),
                ContributionRowParser.strict(), e -> {
                });
        assertEquals(1, s.rows());
        assertTrue(s.retirement().isEmpty());
    }

    @Test
    void baselineAndReformOffInterleavedOnEightThreads() throws Exception {
        ShebaoRules off = RULES.withScenario(OFF);
        List<RetirementQuery> qs = new ArrayList<>();
        for (int y = 1960; y < 2000; y++) {
            qs.add(query(Sex.MALE, y + "-03", Category.MALE));
            qs.add(query(Sex.FEMALE, y + "-07", y % 2 == 0 ? Category.FEMALE_CADRE : Category.FEMALE_WORKER));
        }
        List<YearMonth> now = qs.stream().map(q -> RULES.retirement(q).retirementMonth()).toList();
        List<YearMonth> without = qs.stream().map(q -> off.retirement(q).retirementMonth()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int shift = t;
                fs.add(pool.submit(() -> {
                    for (int k = 0; k < qs.size(); k++) {
                        int i = (k + shift * 7) % qs.size();
                        boolean useOff = (i + shift) % 2 == 0;
                        YearMonth m = (useOff ? off : RULES).retirement(qs.get(i)).retirementMonth();
                        if (!m.equals(useOff ? without.get(i) : now.get(i))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : fs) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
