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

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
                ContributionResult expected;
                try {
                    expected = RULES.contribution(req);
                } catch (ShebaoException e) {
                    continue;
                }
                assertEquals(expected, planner.complete(req), req.toString());
            }
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
