package io.shebao.contribution;

import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.internal.facts.Param;
import io.shebao.parameter.ParameterValue;
import io.shebao.region.Region;
import io.shebao.retirement.Sex;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 13, stop 15: the evaluator keeps what a request that names no insurances gets from its region, contributor
 * and month (the default insurances, the notes of insurances not yet known, a flexible worker's unknown rates), and
 * a parameter fact keeps its value read as a number, numbers and codes. An evaluator that has answered many
 * requests must answer each one exactly as a new evaluator does, and its kept scheme must equal the one made
 * afresh. Each drawn request is followed by the requests that differ from it in one part of the scheme's key only
 * (contributor, month, region), so that a part left out of the key gives one of them the first one's scheme.
 */
class SchemeMemoProperties {
    private static final ShebaoRules RULES = ShebaoRules.load();
    private static final List<String> REGIONS = RULES.regions().all().stream().map(Region::code).toList();

    private record Parts(String region, YearMonth month, String wage, Contributor contributor, boolean person) {
        ContributionRequest request() {
            ContributionRequest.Builder b = ContributionRequest.builder(region, month).contributor(contributor);
            if (contributor == Contributor.FLEXIBLE) {
                b.base(wage); // a flexible worker chooses a base
            } else {
                b.wage(wage).riskClass(2);
            }
            if (person) {
                b.person(YearMonth.of(1980, 3), Sex.FEMALE);
            }
            if (contributor == Contributor.EMPLOYEE && month.getYear() == 2020) {
                b.unitKind(UnitKind.values()[0]); // 2020's exemptions need the unit kind
            }
            return b.build();
        }

        List<Parts> variants() {
            Contributor other = contributor == Contributor.EMPLOYEE ? Contributor.FLEXIBLE : Contributor.EMPLOYEE;
            return List.of(
                    new Parts(region, month, wage.equals("6000") ? "2500" : "6000", contributor, person),
                    new Parts(region, month, wage, other, person),
                    new Parts(region, month.plusMonths(1), wage, contributor, person),
                    new Parts(region, month.minusMonths(13), wage, contributor, person),
                    new Parts(REGIONS.get((REGIONS.indexOf(region) + 1) % REGIONS.size()), month, wage, contributor,
                            person));
        }
    }

    @Provide
    Arbitrary<Parts> requests() {
        Arbitrary<String> region = Arbitraries.of(REGIONS);
        // months around changes: 2020 (exemptions), 2025-12 / 2026-01 (medical known in some cities from 2026), 2027
        Arbitrary<YearMonth> month = Arbitraries.of(YearMonth.of(2020, 3), YearMonth.of(2023, 7), YearMonth.of(2025, 12),
                YearMonth.of(2026, 1), YearMonth.of(2026, 8), YearMonth.of(2027, 3));
        Arbitrary<String> wage = Arbitraries.of("2500", "6000", "60000");
        Arbitrary<Contributor> contributor = Arbitraries.of(Contributor.values());
        Arbitrary<Boolean> person = Arbitraries.of(true, false);
        return Combinators.combine(region, month, wage, contributor, person).as(Parts::new);
    }

    @Provide
    Arbitrary<List<Parts>> drawn() {
        return requests().list().ofMinSize(3).ofMaxSize(8);
    }

    @Property(tries = 60)
    void anEvaluatorThatKeptSchemesAnswersAsANewOne(@ForAll("drawn") List<Parts> drawn) {
        ContributionEvaluator kept = new ContributionEvaluator(RULES.parameters(), RULES.switches());
        for (Parts p : drawn) {
            List<Parts> all = new ArrayList<>();
            all.add(p);
            all.addAll(p.variants());
            for (Parts q : all) {
                ContributionRequest req = q.request();
                ContributionEvaluator fresh = new ContributionEvaluator(RULES.parameters(), RULES.switches());
                Object want = answer(fresh, req);
                Statistics.label("answer").collect(q.contributor() + " " + (want instanceof ContributionResult r
                        ? (r.notes().stream().anyMatch(n -> n.code().equals("INSURANCE_NOT_YET_KNOWN")) ? "not yet known"
                        : r.warnings().stream().anyMatch(n -> n.code().equals("FLEXIBLE_RATE_UNKNOWN")) ? "rate unknown"
                        : "result") : "refused"));
                assertEquals(want, answer(kept, req), req::toString);
                assertEquals(kept.makeScheme(q.region(), q.contributor(), q.month()),
                        kept.scheme(q.region(), q.contributor(), q.month()), q::toString);
            }
        }
    }

    /** A parameter fact reads its value as the value reads itself, however often it is asked and in whatever order. */
    @Property(tries = 200)
    void aParameterFactReadsItsValueAsTheValueDoes(@ForAll("values") ParameterValue v, @ForAll("codes") String code,
                                                  @ForAll("factors") BigDecimal factor) {
        Param p = new Param(v, false);
        for (int round = 0; round < 2; round++) { // the second round reads what the first kept
            assertEquals(read(v::decimal), read(p::getDecimal));
            assertEquals(read(v::decimals), read(p::getDecimals));
            assertEquals(read(() -> listsByDefinition(v, code)), read(() -> p.lists(code)));
            assertEquals(read(() -> v.decimals().stream().anyMatch(d -> d.compareTo(factor) == 0)),
                    read(() -> p.allows(factor)));
        }
    }

    @Provide
    Arbitrary<ParameterValue> values() {
        ParameterValue any = RULES.parameters().resolve("pension.employer_rate", "wuhan", YearMonth.of(2023, 7))
                instanceof io.shebao.parameter.Resolution.Known k ? k.value() : null;
        Arbitrary<String> raw = Arbitraries.oneOf(
                Arbitraries.of("0.16", "1.00", "1.0,1.5, 0.5", " 1.2", "sme,large", "sme, large ,gov", "none", "", ",",
                        "sme,,large", "x"),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("99999")).ofScale(2)
                        .map(BigDecimal::toPlainString));
        return raw.map(r -> new ParameterValue(any.id(), any.region(), any.key(), any.from(), any.until(), r, any.unit(),
                any.reference(), any.provenance(), any.origin()));
    }

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.of("sme", "large", "gov", "none", "", "1.0", " sme");
    }

    @Provide
    Arbitrary<BigDecimal> factors() {
        return Arbitraries.of(new BigDecimal("1"), new BigDecimal("1.50"), new BigDecimal("0.5"), new BigDecimal("1.2"));
    }

    /** {@code Param.lists} as it read before it kept the codes. */
    private static boolean listsByDefinition(ParameterValue v, String code) {
        for (String part : v.text().split(",")) {
            if (part.trim().equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** The answer, or the kind of failure: a text that is no number fails alike both ways. */
    private static Object read(java.util.function.Supplier<?> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return e.getClass().getName();
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
