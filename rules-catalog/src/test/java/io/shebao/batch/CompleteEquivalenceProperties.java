package io.shebao.batch;

import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.contribution.Contributor;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.contribution.Insurance;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ContributionPlanner#complete} (audit trails and their replay): the complete result, notes included,
 * equals {@code rules.contribution} row by row, on random populations met twice (the second pass meets every
 * case trusted, by a second row or by its notes' learnt shapes).
 */
class CompleteEquivalenceProperties {
    private static final ShebaoRules RULES = ShebaoRules.load();

    @Provide
    Arbitrary<List<ContributionRequest>> populations() {
        return new PlanEquivalenceProperties().populations();
    }

    @Property(tries = 100)
    void completeEqualsRules(@ForAll("populations") List<ContributionRequest> population) {
        ContributionPlanner planner = new ContributionPlanner(RULES);
        for (int pass = 0; pass < 2; pass++) {
            for (ContributionRequest req : population) {
                assertCompleteAsRules(planner, req, false);
            }
        }
    }

    /**
     * Asserts that the planner's complete result for {@code req} equals the rules'; a row the rules reject is
     * skipped, or, when {@code rejections}, must be rejected with the same message and code. The rules' result.
     */
    private static java.util.Optional<ContributionResult> assertCompleteAsRules(ContributionPlanner planner,
                                                                                ContributionRequest req, boolean rejections) {
        ContributionResult expected;
        try {
            expected = RULES.contribution(req);
        } catch (ShebaoException e) {
            if (rejections) {
                ShebaoException got = assertThrows(ShebaoException.class, () -> planner.complete(req), req.toString());
                assertEquals(e.getMessage(), got.getMessage(), req.toString());
                assertEquals(e.code(), got.code(), req.toString());
            }
            return java.util.Optional.empty();
        }
        assertEquals(expected, planner.complete(req), req.toString());
        return java.util.Optional.of(expected);
    }

    @Provide
    Arbitrary<List<ContributionRequest>> populationsOverMonths() {
        return new PlanEquivalenceProperties().populationsOverMonths();
    }

    /**
     * 跨期共用 in the complete path: contexts of other months with the same rule inputs take a plan and its notes
     * (where free of the month) without running the rules; every row, notes included, still equals the rules',
     * and a row the rules reject is rejected with the same message.
     */
    @Property(tries = 150)
    void completeSharedAcrossMonthsEqualsRules(@ForAll("populationsOverMonths") List<ContributionRequest> population) {
        ContributionPlanner planner = new ContributionPlanner(RULES);
        for (int pass = 0; pass < 2; pass++) {
            for (ContributionRequest req : population) {
                for (io.shebao.trace.Message n : assertCompleteAsRules(planner, req, true)
                        .map(ContributionResult::notes).orElse(List.of())) {
                    Statistics.label("notes").collect(n.code());
                }
            }
        }
        Statistics.label("contexts that took another month's plan").collect(planner.contextsSharedAcrossPeriods() > 0);
        Statistics.label("contexts that took another month's plan").coverage(c -> c.check(true).percentage(p -> p > 15));
        Statistics.label("notes").coverage(c -> {
            c.check("WAGE_BELOW_FLOOR").count(n -> n > 0);
            c.check("WAGE_ABOVE_CEILING").count(n -> n > 0);
            c.check("BASE_SUPPLIED").count(n -> n > 0);
            c.check("INSURANCE_NOT_YET_KNOWN").count(n -> n > 0);
            c.check("EMPLOYER_SHARE_EXEMPT").count(n -> n > 0);
        });
    }

    /**
     * Six months of one Yichang context (one social-insurance year, the same values) cost the rule evaluations
     * of one month in the complete path, notes included (the note of medical not yet known in Yichang names the
     * month: re-stamped); with sharing off, each month pays its own.
     */
    @Example
    void monthsWithTheSameParametersShareOnePlanAndItsNotes() {
        ContributionPlanner oneMonth = new ContributionPlanner(RULES);
        ContributionPlanner shared = new ContributionPlanner(RULES);
        ContributionPlanner apart = new ContributionPlanner(RULES, ContributionPlanner.DEFAULT_MAX_CONTEXTS, false);
        for (int m = 0; m < 6; m++) { // 2025-07…2025-12
            for (int w = 1000; w < 30000; w += 997) {
                ContributionRequest r = ContributionRequest.builder("yichang", YearMonth.of(2025, 7).plusMonths(m))
                        .wage(BigDecimal.valueOf(w)).riskClass(1).build();
                ContributionResult expected = RULES.contribution(r);
                if (m == 0) {
                    assertEquals(expected, oneMonth.complete(r));
                }
                assertEquals(expected, shared.complete(r), r.toString());
                assertEquals(expected, apart.complete(r), r.toString());
            }
        }
        assertTrue(oneMonth.ruleEvaluations() >= 3, "at least one per base case: " + oneMonth.ruleEvaluations());
        assertEquals(oneMonth.ruleEvaluations(), shared.ruleEvaluations());
        assertEquals(5, shared.contextsSharedAcrossPeriods());
        // apart, every month pays at least its first row of each case (raised, within, lowered)
        assertTrue(apart.ruleEvaluations() >= 6 * 3, "apart: " + apart.ruleEvaluations());
    }

    /**
     * A context that names its insurances and one that leaves them to the region's defaults can be given the same
     * facts (the same insurances apply), but only the second is told, in a note that names the month, that
     * medical is not yet known in Yichang: a month of one never takes the notes of the other.
     */
    @Example
    void insurancesNamedOrLeftToTheDefaultsKeepTheirOwnNotes() {
        ContributionRequest.Builder defaults = ContributionRequest.builder("yichang", YearMonth.of(2025, 8))
                .wage(new BigDecimal("1000")).riskClass(1);
        ContributionResult byDefault = RULES.contribution(defaults.build());
        assertTrue(byDefault.notes().stream().anyMatch(n -> n.code().equals("INSURANCE_NOT_YET_KNOWN")), byDefault.notes().toString());
        Set<Insurance> applied = new java.util.TreeSet<>();
        byDefault.lines().forEach(l -> applied.add(l.insurance()));
        for (boolean namedFirst : List.of(true, false)) {
            ContributionPlanner planner = new ContributionPlanner(RULES);
            List<ContributionRequest> rows = new java.util.ArrayList<>();
            for (String wage : List.of("1000", "1200", "1500")) {
                // another month (the same rule inputs), and the same month (the same limits and rules: one plan)
                for (YearMonth named : List.of(YearMonth.of(2025, 7), YearMonth.of(2025, 8))) {
                    rows.add(ContributionRequest.builder("yichang", named).wage(new BigDecimal(wage)).riskClass(1)
                            .insurances(applied).build());
                }
                rows.add(ContributionRequest.builder("yichang", YearMonth.of(2025, 8)).wage(new BigDecimal(wage)).riskClass(1).build());
            }
            if (!namedFirst) {
                java.util.Collections.reverse(rows);
            }
            for (ContributionRequest r : rows) {
                assertEquals(RULES.contribution(r), planner.complete(r), r.toString());
            }
            assertTrue(planner.contextsSharedAcrossPeriods() > 0, "the two contexts share a plan");
        }
        // the same month, each context meeting first a case the other has not noted yet
        ContributionPlanner planner = new ContributionPlanner(RULES);
        YearMonth august = YearMonth.of(2025, 8);
        for (String[] row : List.of(new String[]{"named", "1000"}, new String[]{"defaults", "30000"},
                new String[]{"defaults", "1200"}, new String[]{"named", "31000"}, new String[]{"named", "1300"},
                new String[]{"defaults", "32000"})) {
            ContributionRequest.Builder b = ContributionRequest.builder("yichang", august).wage(new BigDecimal(row[1])).riskClass(1);
            ContributionRequest r = (row[0].equals("named") ? b.insurances(applied) : b).build();
            assertEquals(RULES.contribution(r), planner.complete(r), r.toString());
        }
    }

    /**
     * Regression: contributor, birth month and sex are not part of the planner's decision context, so a flexible
     * worker's row must not be answered with the plan of an employee's row with the same region, period and base
     * (nor the reverse): the flexible worker's pension is 20% paid alone, with the personal-account note.
     */
    @Example
    void aFlexibleWorkerIsNotAnsweredWithAnEmployeesPlan() {
        ContributionPlanner planner = new ContributionPlanner(RULES);
        ContributionRequest employee = ContributionRequest.builder("wuhan", YearMonth.of(2025, 7))
                .base(new BigDecimal("5000")).insurances(Set.of(Insurance.of("pension"))).build();
        ContributionRequest flexible = ContributionRequest.builder("wuhan", YearMonth.of(2025, 7))
                .base(new BigDecimal("5000")).insurances(Set.of(Insurance.of("pension"))).contributor(Contributor.FLEXIBLE).build();
        for (int i = 0; i < 3; i++) {
            assertEquals(RULES.contribution(employee), planner.complete(employee));
            assertEquals(RULES.contribution(flexible), planner.complete(flexible));
        }
    }

    /** Regression: rows of one region, period and class with float grades 80% and 100% keep their own rates. */
    @Example
    void floatGradesKeepTheirOwnWorkInjuryRate() {
        ContributionPlanner planner = new ContributionPlanner(RULES);
        for (String grade : List.of("100", "80", "80.0", "100", "80")) {
            for (String wage : List.of("833.93", "5000", "5001", "30000", "833.93")) {
                ContributionRequest r = ContributionRequest.builder("yichang", YearMonth.of(2023, 6)).riskClass(7)
                        .floatGrade(new BigDecimal(grade)).wage(new BigDecimal(wage)).build();
                assertEquals(RULES.contribution(r), planner.complete(r), r.toString());
            }
        }
    }
}
