package io.shebao.batch;

import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.contribution.Insurance;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The planner's proof: on random populations (few contexts, so that plans are reused; wages around and far
 * from the limits; bases supplied; float grades allowed and not; insurance subsets; unknown periods with and
 * without carry-forward), every row's amounts, base case, warnings and trace equal {@code rules.contribution},
 * and a row the rules reject is rejected with the same code, field, value and message.
 */
class PlanEquivalenceProperties {
    private static final ShebaoRules RULES = ShebaoRules.load();

    @Provide
    Arbitrary<List<ContributionRequest>> populations() {
        // mostly contexts whose parameters are known, some that are not (carry-forward decides), some nonsense
        Arbitrary<String[]> context = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.of(new String[]{"yichang", "2022-07"}, new String[]{"yichang", "2023-06"})),
                net.jqwik.api.Tuple.of(20, Arbitraries.of(new String[]{"wuhan", "2025-07"}, new String[]{"wuhan", "2025-12"},
                        new String[]{"shiyan", "2025-09"}, new String[]{"xiantao", "2025-10"})),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(new String[]{"wuhan", "2026-01"}, new String[]{"yichang", "2026-07"},
                        new String[]{"suizhou", "2021-11"})),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(new String[]{"hubei", "2025-07"}, new String[]{"atlantis", "2025-07"},
                        new String[]{"wuhan", "2018-03"})));
        Arbitrary<String> region = context.map(c -> c[0]);
        Arbitrary<BigDecimal> amount = Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("60000")).ofScale(2),
                Arbitraries.of(new BigDecimal("3450"), new BigDecimal("18000"), new BigDecimal("4498"),
                        new BigDecimal("22488"), new BigDecimal("4299.00"), new BigDecimal("21678.001"), new BigDecimal("0")),
                Arbitraries.integers().between(0, 6000).map(i -> BigDecimal.valueOf(i * 10L)));
        Arbitrary<Integer> riskClass = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just(0)), // none given
                net.jqwik.api.Tuple.of(20, Arbitraries.integers().between(1, 8)));
        Arbitrary<BigDecimal> grade = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(10, Arbitraries.just(new BigDecimal("100"))),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(new BigDecimal("50"), new BigDecimal("120"), new BigDecimal("150"),
                        new BigDecimal("80.0"))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new BigDecimal("130"))));
        Arbitrary<Set<Insurance>> insurances = Arbitraries.oneOf(Arbitraries.just(Set.<Insurance>of()),
                Arbitraries.subsetOf(Insurance.values()));
        Arbitrary<ContributionRequest> request = Combinators.combine(context, amount, Arbitraries.integers().between(0, 9),
                riskClass, grade, insurances, Arbitraries.integers().between(0, 3)).as((ctx, a, kind, c, g, ins, cf) -> {
            ContributionRequest.Builder b = ContributionRequest.builder(ctx[0], YearMonth.parse(ctx[1])).floatGrade(g).insurances(ins)
                    .allowCarryForward(cf != 0);
            if (kind == 0) {
                b.base(a);
            } else {
                b.wage(a);
            }
            if (c > 0) {
                b.riskClass(c);
            }
            return b.build();
        });
        return request.list().ofMinSize(20).ofMaxSize(150);
    }

    @Property(tries = 120)
    void plannedEqualsPerRow(@ForAll("populations") List<ContributionRequest> population) {
        ContributionPlanner planner = new ContributionPlanner(RULES);
        for (int pass = 0; pass < 2; pass++) { // the second pass meets every context planned already
            for (ContributionRequest req : population) {
                ContributionResult expected;
                try {
                    expected = RULES.contribution(req);
                } catch (ShebaoException e) {
                    ShebaoException got = rejected(planner, req);
                    assertEquals(e.code(), got.code(), req.toString());
                    assertEquals(e.field(), got.field(), req.toString());
                    assertEquals(e.value(), got.value(), req.toString());
                    assertEquals(e.getMessage(), got.getMessage(), req.toString());
                    Statistics.collect("rejected");
                    continue;
                }
                PlannedContribution got = planner.evaluate(req);
                assertEquals(expected.lines(), got.lines(), req.toString());
                assertEquals(expected.totals(), got.totals(), req.toString());
                assertEquals(expected.baseAdjustment(), got.baseAdjustment(), req.toString());
                assertEquals(expected.warnings(), got.warnings(), req.toString());
                assertEquals(expected.trace(), got.trace(), req.toString());
                assertEquals(req, got.request());
                Statistics.collect(expected.baseAdjustment().name());
            }
        }
        Statistics.coverage(c -> {
            c.check("WITHIN_LIMITS").percentage(p -> p > 5);
            c.check("RAISED_TO_FLOOR").percentage(p -> p > 1);
            c.check("LOWERED_TO_CEILING").percentage(p -> p > 1);
            c.check("SUPPLIED").percentage(p -> p > 1);
            c.check("rejected").percentage(p -> p > 5);
        });
    }

    @Property(tries = 30)
    void aTinyCacheGivesTheSameAnswers(@ForAll("populations") List<ContributionRequest> population) {
        ContributionPlanner tiny = new ContributionPlanner(RULES, 2);
        for (ContributionRequest req : population) {
            try {
                ContributionResult expected = RULES.contribution(req);
                assertEquals(expected.lines(), tiny.evaluate(req).lines());
            } catch (ShebaoException e) {
                assertEquals(e.getMessage(), rejected(tiny, req).getMessage());
            }
        }
    }

    private static ShebaoException rejected(ContributionPlanner planner, ContributionRequest req) {
        try {
            planner.evaluate(req);
        } catch (ShebaoException e) {
            return e;
        }
        throw new AssertionError("the planner computed a row the rules reject: " + req);
    }

    @Property(tries = 1)
    void plansAreReused() {
        ContributionPlanner planner = new ContributionPlanner(RULES);
        for (int w = 1000; w < 30000; w += 7) {
            planner.evaluate(ContributionRequest.builder("yichang", YearMonth.of(2023, 5)).wage(BigDecimal.valueOf(w))
                    .riskClass(1).build());
        }
        assertEquals(1, planner.contexts());
        assertTrue(Insurance.values().size() > 0);
    }
}
