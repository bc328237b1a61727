package io.shebao.contribution;

import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.region.Region;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The evaluator keeps the parameter facts of a region, month, set of insurances, risk class and carry-forward
 * choice (issue 13, stop 13). An evaluator that has answered many requests must answer each one exactly as a new
 * evaluator does (result, notes, warnings and trace, or the same refusal), and give the same rule inputs.
 * Each drawn request is followed by the same request with another wage (the same key) and by requests that differ
 * from it in one part of the key only, so that a part left out of the key gives one of them the first one's facts.
 */
class ParameterFactsMemoProperties {
    private static final ShebaoRules RULES = ShebaoRules.load();
    private static final List<String> REGIONS = RULES.regions().all().stream().map(Region::code).toList();
    private static final List<String> CODES = List.of("pension", "unemployment", "work_injury", "medical", "maternity");

    /** A request's parts, drawn so that requests often share a region and month. */
    private record Parts(String region, YearMonth month, String wage, Optional<Integer> riskClass, List<String> insurances,
                         boolean carry) {
        ContributionRequest request() {
            ContributionRequest.Builder b = ContributionRequest.builder(region, month).wage(wage).allowCarryForward(carry);
            riskClass.ifPresent(b::riskClass);
            if (!insurances.isEmpty()) {
                b.insurances(insurances.stream().map(Insurance::of).toList());
            }
            return b.build();
        }

        /** The same request with another wage (the same key), then with one part of the key changed at a time. */
        List<Parts> variants() {
            List<String> other = insurances.isEmpty() ? List.of("pension", "unemployment", "work_injury") : List.of();
            return List.of(
                    new Parts(region, month, wage.equals("6000") ? "2500" : "6000", riskClass, insurances, carry),
                    new Parts(region, month, wage, Optional.of(riskClass.map(k -> k % 8 + 1).orElse(3)), insurances, carry),
                    new Parts(region, month, wage, Optional.empty(), insurances, carry),
                    new Parts(region, month.plusMonths(1), wage, riskClass, insurances, carry),
                    new Parts(region, month.minusMonths(7), wage, riskClass, insurances, carry),
                    new Parts(region, month, wage, riskClass, other, carry),
                    new Parts(region, month, wage, riskClass, insurances, !carry),
                    new Parts(REGIONS.get((REGIONS.indexOf(region) + 1) % REGIONS.size()), month, wage, riskClass,
                            insurances, carry));
        }
    }

    @Provide
    Arbitrary<Parts> requests() {
        Arbitrary<String> region = Arbitraries.of(REGIONS);
        // months around changes of values: 2020 (reductions), 2021 (assumed values), 2025-27 (new files, unknown months)
        Arbitrary<YearMonth> month = Arbitraries.of(YearMonth.of(2020, 1), YearMonth.of(2020, 6), YearMonth.of(2021, 6),
                YearMonth.of(2023, 5), YearMonth.of(2023, 7), YearMonth.of(2025, 9), YearMonth.of(2026, 1),
                YearMonth.of(2026, 8), YearMonth.of(2027, 3));
        Arbitrary<String> wage = Arbitraries.of("0", "2500", "6000", "9000.50", "60000");
        Arbitrary<Optional<Integer>> riskClass = Arbitraries.integers().between(1, 8).optional(0.95);
        Arbitrary<List<String>> insurances = Arbitraries.of(CODES).list().uniqueElements().ofMaxSize(3);
        Arbitrary<Boolean> carry = Arbitraries.of(true, false);
        return Combinators.combine(region, month, wage, riskClass, insurances, carry).as(Parts::new);
    }

    @Provide
    Arbitrary<List<Parts>> drawn() {
        return requests().list().ofMinSize(3).ofMaxSize(8);
    }

    @Property(tries = 60)
    void anEvaluatorThatKeptParameterFactsAnswersAsANewOne(@ForAll("drawn") List<Parts> drawn) {
        ContributionEvaluator kept = new ContributionEvaluator(RULES.parameters(), RULES.switches());
        for (Parts p : drawn) {
            List<Parts> all = new ArrayList<>();
            all.add(p);
            all.addAll(p.variants()); // after p: each variant meets the facts p's key left behind
            for (Parts q : all) {
                ContributionRequest req = q.request();
                ContributionEvaluator fresh = new ContributionEvaluator(RULES.parameters(), RULES.switches());
                Object want = answer(fresh, req);
                Statistics.label("answer").collect(want instanceof ContributionResult ? "result" : "refused");
                assertEquals(want, answer(kept, req), req::toString);
                assertEquals(fresh.inputsWithoutPeriod(req), kept.inputsWithoutPeriod(req), req::toString);
            }
        }
    }

    /** The result, or the refusal's code and message. */
    private static Object answer(ContributionEvaluator e, ContributionRequest req) {
        try {
            return e.evaluate(req);
        } catch (ShebaoException x) {
            return x.code() + ": " + x.getMessage();
        }
    }
}
