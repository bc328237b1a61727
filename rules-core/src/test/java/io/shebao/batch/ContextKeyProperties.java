package io.shebao.batch;

import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.Insurance;
import io.shebao.contribution.UnitKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan cache's key ({@code ContributionPlanner.Context}, numbers and a bit mask since issue 13) is equal for
 * two requests only when the fields it stands for are equal, as the record of the request's own objects was:
 * region, period, risk class, float grade, insurances, carry-forward, base supplied, unit kind. A key that took two
 * different contexts for one would give a row another context's plan; a key that splits one context in two only
 * learns it twice. Requests are built from fresh objects (new strings, new decimals), never shared instances, so
 * that identity cannot stand in for equality.
 */
class ContextKeyProperties {

    /** The key before issue 13's change: the request's fields, compared with their own equals. */
    private static boolean sameContext(ContributionRequest a, ContributionRequest b) {
        return a.region().equals(b.region()) && a.period().equals(b.period()) && a.riskClass().equals(b.riskClass())
                && a.floatGrade().equals(b.floatGrade()) && a.insurances().equals(b.insurances())
                && a.allowCarryForward() == b.allowCarryForward() && a.base().isPresent() == b.base().isPresent()
                && a.unitKind().equals(b.unitKind());
    }

    /** Every insurance is the bundled catalogue's own instance (then the key's mask stands for the set). */
    private static boolean bundledOnly(ContributionRequest r) {
        return r.insurances().stream().allMatch(i -> Insurance.values().get(i.index()) == i);
    }

    @Property(tries = 1000)
    void equalKeysAreEqualContexts(@ForAll("pairs") List<ContributionRequest> pair) {
        ContributionRequest a = pair.get(0);
        ContributionRequest b = pair.get(1);
        ContributionPlanner.Context ka = ContributionPlanner.Context.of(a);
        ContributionPlanner.Context kb = ContributionPlanner.Context.of(b);
        boolean same = sameContext(a, b);
        boolean bundled = bundledOnly(a) && bundledOnly(b);
        if (ka.equals(kb)) {
            assertTrue(same, a + " / " + b);
            assertEquals(ka.hashCode(), kb.hashCode());
        } else if (bundled) {
            assertFalse(same, "one context, two keys: " + a + " / " + b); // the mask is exact for bundled sets
        }
        assertEquals(ka.equals(kb), kb.equals(ka));
        // the key as kept in the cache (shared region and grade instances) is the same key
        ContributionPlanner.Context kept = ka.kept(x -> x instanceof String s ? new String(s) : x);
        assertEquals(ka, kept);
        assertEquals(ka.hashCode(), kept.hashCode());
        assertEquals(ka.equals(kb), kept.equals(kb));
        Statistics.collect(same ? "same context" : "other context", bundled ? "bundled" : "other instances");
        Statistics.coverage(c -> {
            c.check("same context", "bundled").percentage(p -> p > 5);
            c.check("other context", "bundled").percentage(p -> p > 10);
            c.check("same context", "other instances").count(n -> n > 0);
            c.check("other context", "other instances").count(n -> n > 0);
        });
    }

    @Example
    void eachFieldSeparatesContexts() {
        ContributionRequest a = request("yichang", "2025-07", 3, "100", Set.of(Insurance.of("pension")), false, false, null);
        assertEquals(ContributionPlanner.Context.of(a),
                ContributionPlanner.Context.of(request(new String("yichang"), "2025-07", 3, "100",
                        Set.of(Insurance.of("pension")), false, false, null)));
        for (ContributionRequest b : List.of(
                request("wuhan", "2025-07", 3, "100", Set.of(Insurance.of("pension")), false, false, null),
                request("yichang", "2025-08", 3, "100", Set.of(Insurance.of("pension")), false, false, null),
                request("yichang", "2026-07", 3, "100", Set.of(Insurance.of("pension")), false, false, null),
                request("yichang", "2025-07", 4, "100", Set.of(Insurance.of("pension")), false, false, null),
                request("yichang", "2025-07", 0, "100", Set.of(Insurance.of("pension")), false, false, null),
                request("yichang", "2025-07", 3, "100.0", Set.of(Insurance.of("pension")), false, false, null),
                request("yichang", "2025-07", 3, "100", Set.of(Insurance.of("unemployment")), false, false, null),
                request("yichang", "2025-07", 3, "100", Set.of(), false, false, null),
                request("yichang", "2025-07", 3, "100", Set.of(Insurance.of("pension")), true, false, null),
                request("yichang", "2025-07", 3, "100", Set.of(Insurance.of("pension")), false, true, null),
                request("yichang", "2025-07", 3, "100", Set.of(Insurance.of("pension")), false, false, UnitKind.values()[0]))) {
            assertNotEquals(ContributionPlanner.Context.of(a), ContributionPlanner.Context.of(b), b.toString());
        }
    }

    private static ContributionRequest request(String region, String period, int riskClass, String grade,
                                               Set<Insurance> insurances, boolean carryForward, boolean base,
                                               UnitKind unitKind) {
        return new ContributionRequest(region, YearMonth.parse(period),
                base ? Optional.empty() : Optional.of(new BigDecimal("5000")),
                base ? Optional.of(new BigDecimal("5000")) : Optional.empty(),
                riskClass == 0 ? Optional.empty() : Optional.of(riskClass), new BigDecimal(grade), insurances,
                carryForward, Optional.ofNullable(unitKind));
    }

    @Provide
    Arbitrary<List<ContributionRequest>> pairs() {
        // few values per field, so that pairs often meet the same context and often differ in one field only
        Arbitrary<String> region = Arbitraries.of("yichang", "wuhan", "xiantao").map(String::new);
        Arbitrary<YearMonth> period = Arbitraries.of(YearMonth.of(2025, 7), YearMonth.of(2025, 8), YearMonth.of(2026, 7),
                YearMonth.of(1900, 1), YearMonth.of(2199, 12)).map(m -> YearMonth.of(m.getYear(), m.getMonthValue()));
        Arbitrary<Integer> risk = Arbitraries.integers().between(0, 8);
        Arbitrary<BigDecimal> grade = Arbitraries.of("100", "100.0", "80", "150", "1E+2").map(BigDecimal::new);
        List<Insurance> bundled = Insurance.values();
        // records equal to the bundled ones but other instances (an embedder's own), and one with another name
        Arbitrary<Insurance> insurance = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, Arbitraries.of(bundled)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(bundled).map(i -> new Insurance(new String(i.code()), i.nameZh(),
                        i.nameEn(), i.index(), i.definingParameter(), i.riskClassRequired()))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(bundled).map(i -> new Insurance(i.code() + "_x", i.nameZh(),
                        i.nameEn(), i.index(), i.definingParameter(), i.riskClassRequired()))));
        Arbitrary<Set<Insurance>> insurances = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Set.<Insurance>of())),
                net.jqwik.api.Tuple.of(6, insurance.set().ofMaxSize(3).map(HashSet::new)));
        Arbitrary<Optional<UnitKind>> unitKind = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Optional.<UnitKind>empty())),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(UnitKind.values()).map(Optional::of)));
        Arbitrary<ContributionRequest> request = Combinators.combine(region, period, risk, grade, insurances,
                Arbitraries.of(true, false), Arbitraries.of(true, false), unitKind).as((r, p, c, g, ins, cf, base, uk) ->
                new ContributionRequest(r, p, base ? Optional.empty() : Optional.of(new BigDecimal("4000")),
                        base ? Optional.of(new BigDecimal("4000")) : Optional.empty(),
                        c == 0 ? Optional.empty() : Optional.of(c), g, ins, cf, uk));
        // the second request: often the first with one field changed (or none), else independent
        return request.flatMap(a -> Arbitraries.oneOf(request, variants(a, region, period, risk, grade, insurances,
                unitKind)).map(b -> List.of(a, b)));
    }

    private static Arbitrary<ContributionRequest> variants(ContributionRequest a, Arbitrary<String> region,
                                                           Arbitrary<YearMonth> period, Arbitrary<Integer> risk,
                                                           Arbitrary<BigDecimal> grade, Arbitrary<Set<Insurance>> insurances,
                                                           Arbitrary<Optional<UnitKind>> unitKind) {
        ContributionRequest copy = new ContributionRequest(new String(a.region()),
                YearMonth.of(a.period().getYear(), a.period().getMonthValue()), a.wage(), a.base(), a.riskClass(),
                new BigDecimal(a.floatGrade().unscaledValue(), a.floatGrade().scale()), copyOf(a.insurances()),
                a.allowCarryForward(), a.unitKind());
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.just(copy)),
                net.jqwik.api.Tuple.of(1, region.map(r -> with(a, r, a.period(), a.riskClass(), a.floatGrade(),
                        a.insurances(), a.unitKind()))),
                net.jqwik.api.Tuple.of(1, period.map(p -> with(a, a.region(), p, a.riskClass(), a.floatGrade(),
                        a.insurances(), a.unitKind()))),
                net.jqwik.api.Tuple.of(1, risk.map(c -> with(a, a.region(), a.period(),
                        c == 0 ? Optional.empty() : Optional.of(c), a.floatGrade(), a.insurances(), a.unitKind()))),
                net.jqwik.api.Tuple.of(1, grade.map(g -> with(a, a.region(), a.period(), a.riskClass(), g,
                        a.insurances(), a.unitKind()))),
                net.jqwik.api.Tuple.of(1, insurances.map(i -> with(a, a.region(), a.period(), a.riskClass(),
                        a.floatGrade(), i, a.unitKind()))),
                net.jqwik.api.Tuple.of(1, unitKind.map(u -> with(a, a.region(), a.period(), a.riskClass(),
                        a.floatGrade(), a.insurances(), u))));
    }

    /** The same insurances as other record instances where they are not the bundled ones (equal records). */
    private static Set<Insurance> copyOf(Set<Insurance> s) {
        Set<Insurance> out = new HashSet<>();
        for (Insurance i : s) {
            out.add(Insurance.values().get(i.index()) == i ? i : new Insurance(new String(i.code()), i.nameZh(),
                    i.nameEn(), i.index(), i.definingParameter(), i.riskClassRequired()));
        }
        return out;
    }

    private static ContributionRequest with(ContributionRequest a, String region, YearMonth period,
                                            Optional<Integer> risk, BigDecimal grade, Set<Insurance> insurances,
                                            Optional<UnitKind> unitKind) {
        return new ContributionRequest(new String(region), period, a.wage(), a.base(), risk, grade, insurances,
                a.allowCarryForward(), Objects.requireNonNull(unitKind));
    }
}
