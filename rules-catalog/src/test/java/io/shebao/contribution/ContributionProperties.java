package io.shebao.contribution;

import io.shebao.ShebaoRules;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of the contribution rules over the periods whose parameters are known. */
class ContributionProperties {
    private static final ShebaoRules RULES = ShebaoRules.load();

    /** (region, period) pairs with known base limits. */
    @Provide
    Arbitrary<String[]> knownContexts() {
        return Arbitraries.of(
                new String[]{"yichang", "2022-07"}, new String[]{"yichang", "2023-05"}, new String[]{"yichang", "2023-06"},
                new String[]{"wuhan", "2025-07"}, new String[]{"wuhan", "2025-12"}, new String[]{"shiyan", "2025-09"},
                new String[]{"xiantao", "2025-10"}, new String[]{"suizhou", "2025-08"});
    }

    @Provide
    Arbitrary<BigDecimal> wages() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("60000")).ofScale(2);
    }

    private static ContributionResult compute(String[] ctx, BigDecimal wage, int riskClass) {
        return RULES.contribution(ContributionRequest.builder(ctx[0], YearMonth.parse(ctx[1])).wage(wage)
                .riskClass(riskClass).build());
    }

    @Property(tries = 300)
    void nonDecreasingInWage(@ForAll("knownContexts") String[] ctx, @ForAll("wages") BigDecimal a,
                             @ForAll("wages") BigDecimal b, @ForAll @IntRange(min = 1, max = 8) int riskClass) {
        BigDecimal lo = a.min(b);
        BigDecimal hi = a.max(b);
        ContributionResult rl = compute(ctx, lo, riskClass);
        ContributionResult rh = compute(ctx, hi, riskClass);
        assertTrue(rl.totals().employer().compareTo(rh.totals().employer()) <= 0);
        assertTrue(rl.totals().employee().compareTo(rh.totals().employee()) <= 0);
        for (ContributionLine l : rl.lines()) {
            ContributionLine h = rh.line(l.insurance()).orElseThrow();
            assertTrue(l.employer().compareTo(h.employer()) <= 0, l.insurance() + " employer");
            assertTrue(l.employee().compareTo(h.employee()) <= 0, l.insurance() + " employee");
        }
    }

    @Property(tries = 200)
    void constantBelowFloorAndAboveCeiling(@ForAll("knownContexts") String[] ctx, @ForAll("wages") BigDecimal w,
                                           @ForAll @IntRange(min = 1, max = 8) int riskClass) {
        YearMonth p = YearMonth.parse(ctx[1]);
        BigDecimal floor = RULES.parameters().resolve("contribution_base.floor", ctx[0], p) instanceof
                io.shebao.parameter.Resolution.Known k ? k.value().decimal() : null;
        BigDecimal ceiling = RULES.parameters().resolve("contribution_base.ceiling", ctx[0], p) instanceof
                io.shebao.parameter.Resolution.Known k ? k.value().decimal() : null;
        ContributionResult r = compute(ctx, w, riskClass);
        if (w.compareTo(floor) < 0) {
            assertEquals(compute(ctx, floor, riskClass).totals(), r.totals());
            assertEquals(BaseAdjustment.RAISED_TO_FLOOR, r.baseAdjustment());
        } else if (w.compareTo(ceiling) > 0) {
            assertEquals(compute(ctx, ceiling, riskClass).totals(), r.totals());
            assertEquals(BaseAdjustment.LOWERED_TO_CEILING, r.baseAdjustment());
        } else {
            assertEquals(BaseAdjustment.WITHIN_LIMITS, r.baseAdjustment());
        }
        for (ContributionLine l : r.lines()) {
            assertTrue(l.base().compareTo(floor) >= 0 && l.base().compareTo(ceiling) <= 0);
        }
    }

    @Property(tries = 300)
    void employerPlusEmployeeIsTotalAndEveryAmountHasTwoDecimals(@ForAll("knownContexts") String[] ctx,
                                                                 @ForAll("wages") BigDecimal w,
                                                                 @ForAll @IntRange(min = 1, max = 8) int riskClass) {
        ContributionResult r = compute(ctx, w, riskClass);
        assertEquals(r.totals().total(), r.totals().employer().add(r.totals().employee()));
        BigDecimal er = BigDecimal.ZERO;
        BigDecimal ee = BigDecimal.ZERO;
        for (ContributionLine l : r.lines()) {
            assertEquals(2, l.employer().scale(), l.toString());
            assertEquals(2, l.employee().scale(), l.toString());
            er = er.add(l.employer());
            ee = ee.add(l.employee());
        }
        assertEquals(0, er.compareTo(r.totals().employer()));
        assertEquals(0, ee.compareTo(r.totals().employee()));
        assertEquals(2, r.totals().employer().scale());
        assertEquals(2, r.totals().employee().scale());
        assertEquals(2, r.totals().total().scale());
    }

    @Property(tries = 100)
    void suppliedBaseIsUsedAsGiven(@ForAll("wages") BigDecimal base) {
        ContributionResult r = RULES.contribution(ContributionRequest.builder("yichang", YearMonth.of(2023, 5))
                .base(base).riskClass(1).build());
        assertEquals(BaseAdjustment.SUPPLIED, r.baseAdjustment());
        r.lines().forEach(l -> assertEquals(base, l.base()));
        assertTrue(r.trace().parameters().stream().noneMatch(u -> u.id().startsWith("contribution_base.")));
    }
}
