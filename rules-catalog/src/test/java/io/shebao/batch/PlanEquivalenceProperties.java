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
import java.util.Optional;
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

    /**
     * Asserts that the planner answers {@code req} as the rules do: the same error, or the same lines, totals,
     * base case, warnings, trace and request. The rules' result, or empty when both rejected the request.
     */
    private static Optional<ContributionResult> assertPlannedAsRules(ContributionPlanner planner, ContributionRequest req) {
        ContributionResult expected;
        try {
            expected = RULES.contribution(req);
        } catch (ShebaoException e) {
            ShebaoException got = rejected(planner, req);
            assertEquals(e.code(), got.code(), req.toString());
            assertEquals(e.field(), got.field(), req.toString());
            assertEquals(e.value(), got.value(), req.toString());
            assertEquals(e.getMessage(), got.getMessage(), req.toString());
            return Optional.empty();
        }
        PlannedContribution got = planner.evaluate(req);
        assertEquals(expected.lines(), got.lines(), req.toString());
        assertEquals(expected.totals(), got.totals(), req.toString());
        assertEquals(expected.baseAdjustment(), got.baseAdjustment(), req.toString());
        assertEquals(expected.warnings(), got.warnings(), req.toString());
        assertEquals(expected.trace(), got.trace(), req.toString());
        assertEquals(req, got.request());
        return Optional.of(expected);
    }

    @Property(tries = 120)
    void plannedEqualsPerRow(@ForAll("populations") List<ContributionRequest> population) {
        ContributionPlanner planner = new ContributionPlanner(RULES);
        for (int pass = 0; pass < 2; pass++) { // the second pass meets every context planned already
            for (ContributionRequest req : population) {
                Optional<ContributionResult> expected = assertPlannedAsRules(planner, req);
                Statistics.collect(expected.map(r -> r.baseAdjustment().name()).orElse("rejected"));
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

    /**
     * Populations of a few decision contexts, each met in many months from 2019 to 2027: months on both sides of
     * parameter changes (the social-insurance year in July, rates from January), months with values unknown
     * (with and without carry-forward), assumed values, the 2020 employer exemptions (unit kinds given and not),
     * the large-medical amount unknown (a warning that names the month), regions with and without their own
     * files. Contexts of different months then share plans (跨期共用) wherever the rules' inputs allow.
     */
    @Provide
    Arbitrary<List<ContributionRequest>> populationsOverMonths() {
        Arbitrary<String> region = Arbitraries.of("wuhan", "yichang", "shiyan", "jingmen", "enshi", "xiantao", "suizhou");
        Arbitrary<Set<Insurance>> insurances = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Set.<Insurance>of())),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Set.of(Insurance.of("pension"), Insurance.of("unemployment")))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Set.of(Insurance.of("medical"), Insurance.of("pension")))),
                net.jqwik.api.Tuple.of(2, Arbitraries.subsetOf(Insurance.values())));
        Arbitrary<java.util.Optional<io.shebao.contribution.UnitKind>> unitKind = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(java.util.Optional.<io.shebao.contribution.UnitKind>empty())),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(io.shebao.contribution.UnitKind.values()).map(java.util.Optional::of)));
        Arbitrary<Integer> riskClass = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just(0)), // none given
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(1, 8)));
        Arbitrary<BigDecimal> grade = Arbitraries.of(new BigDecimal("100"), new BigDecimal("150"), new BigDecimal("50"));
        Arbitrary<Integer> carryForward = Arbitraries.integers().between(0, 1);
        Arbitrary<Profile> profile = Combinators.combine(region, insurances, riskClass, grade, unitKind, carryForward)
                .as(Profile::new);
        // a population's contexts differ from its first in one field each, so that every field of the rules'
        // inputs is tested for keeping months of different contexts apart
        Arbitrary<java.util.function.UnaryOperator<Profile>> variant = Arbitraries.oneOf(
                region.map(v -> p -> new Profile(v, p.insurances(), p.riskClass(), p.grade(), p.unitKind(), p.carryForward())),
                insurances.map(v -> p -> new Profile(p.region(), v, p.riskClass(), p.grade(), p.unitKind(), p.carryForward())),
                riskClass.map(v -> p -> new Profile(p.region(), p.insurances(), v, p.grade(), p.unitKind(), p.carryForward())),
                grade.map(v -> p -> new Profile(p.region(), p.insurances(), p.riskClass(), v, p.unitKind(), p.carryForward())),
                unitKind.map(v -> p -> new Profile(p.region(), p.insurances(), p.riskClass(), p.grade(), v, p.carryForward())),
                carryForward.map(v -> p -> new Profile(p.region(), p.insurances(), p.riskClass(), p.grade(), p.unitKind(), v)));
        Arbitrary<List<Profile>> profiles = Combinators.combine(profile, variant.list().ofMaxSize(3)).as((first, vs) -> {
            List<Profile> out = new java.util.ArrayList<>(List.of(first));
            vs.forEach(v -> out.add(v.apply(first)));
            return out;
        });
        // months: dense around the changes the bundled values have (2020 exemptions, 2021-07…2022-07, 2025-07…2026-07)
        Arbitrary<YearMonth> month = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 12 * 9 - 1).map(i -> YearMonth.of(2019, 1).plusMonths(i))),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 11).map(i -> YearMonth.of(2019, 6).plusMonths(i))),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 13).map(i -> YearMonth.of(2021, 1).plusMonths(i))),
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 19).map(i -> YearMonth.of(2025, 1).plusMonths(i))));
        Arbitrary<BigDecimal> amount = Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("60000")).ofScale(2),
                Arbitraries.integers().between(0, 6000).map(i -> BigDecimal.valueOf(i * 10L)));
        // a population's months: a year from a random first month, so that most cross a change of some value
        return Combinators.combine(profiles, month).as(net.jqwik.api.Tuple::of).flatMap(pm -> Combinators.combine(
                        Arbitraries.of(pm.get1()), Arbitraries.integers().between(0, 11).map(pm.get2()::plusMonths), amount,
                        Arbitraries.integers().between(0, 9))
                .as((p, m, a, kind) -> p.request(m, a, kind == 0)).list().ofMinSize(30).ofMaxSize(200));
    }

    /** What a row's context is made of, but the month. */
    record Profile(String region, Set<Insurance> insurances, int riskClass, BigDecimal grade,
                   java.util.Optional<io.shebao.contribution.UnitKind> unitKind, int carryForward) {
        ContributionRequest request(YearMonth month, BigDecimal amount, boolean base) {
            ContributionRequest.Builder b = ContributionRequest.builder(region, month).floatGrade(grade).insurances(insurances)
                    .allowCarryForward(carryForward == 1);
            unitKind.ifPresent(b::unitKind);
            if (riskClass > 0) {
                b.riskClass(riskClass);
            }
            return (base ? b.base(amount) : b.wage(amount)).build();
        }
    }

    @Property(tries = 150)
    void plansSharedAcrossMonthsEqualPerRow(@ForAll("populationsOverMonths") List<ContributionRequest> population) {
        ContributionPlanner planner = new ContributionPlanner(RULES);
        for (int pass = 0; pass < 2; pass++) {
            for (ContributionRequest req : population) {
                Optional<ContributionResult> expected = assertPlannedAsRules(planner, req);
                Statistics.label("rows").collect(expected.isPresent() ? "computed" : "rejected");
                for (io.shebao.trace.Message w : expected.map(ContributionResult::warnings).orElse(List.of())) {
                    Statistics.label("warnings").collect(w.code());
                }
            }
        }
        Statistics.label("contexts that took another month's plan").collect(planner.contextsSharedAcrossPeriods() > 0);
        Statistics.label("contexts that took another month's plan").coverage(c -> c.check(true).percentage(p -> p > 15));
        Statistics.label("warnings").coverage(c -> {
            c.check("LARGE_MEDICAL_UNKNOWN").count(n -> n > 0);
            c.check("ASSUMED_VALUE").count(n -> n > 0);
            c.check("CARRIED_FORWARD").count(n -> n > 0);
        });
    }

    /** Sharing across months saves rule evaluations, and never changes an answer (above). */
    @Property(tries = 1)
    void monthsWithTheSameParametersShareOnePlan() {
        ContributionPlanner shared = new ContributionPlanner(RULES);
        ContributionPlanner apart = new ContributionPlanner(RULES, ContributionPlanner.DEFAULT_MAX_CONTEXTS, false);
        for (ContributionPlanner planner : List.of(shared, apart)) {
            for (int m = 0; m < 6; m++) { // 2025-07…2025-12: one social-insurance year, the same rates
                for (int w = 1000; w < 30000; w += 997) {
                    planner.evaluate(ContributionRequest.builder("yichang", YearMonth.of(2025, 7).plusMonths(m))
                            .wage(BigDecimal.valueOf(w)).riskClass(1).build());
                }
            }
        }
        assertEquals(6, shared.contexts());
        assertEquals(5, shared.contextsSharedAcrossPeriods());
        assertEquals(0, apart.contextsSharedAcrossPeriods());
        assertEquals(3, shared.ruleEvaluations(), "one per base case: raised, within, lowered");
        assertEquals(18, apart.ruleEvaluations());
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
