package io.shebao.retirement;

import io.shebao.ShebaoRules;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of the age rules: monotone in the birth month, bounded delay, a flexible window around the statutory month. */
class RetirementPropertiesTest {
    private static final ShebaoRules RULES = ShebaoRules.load();
    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);
    private static final YearMonth FIRST = YearMonth.of(1950, 1);

    static RetirementResult ask(Category c, YearMonth birth, int months) {
        int age = (AS_OF.getYear() - birth.getYear()) * 12 + AS_OF.getMonthValue() - birth.getMonthValue();
        return RULES.retirement(RetirementQuery.builder().sex(c.sex()).category(c).birthMonth(birth)
                .contributionMonths(Math.min(months, age)).asOf(AS_OF).build());
    }

    /** The law's caps: men and 55-women +36 months (to 63 / 58), 50-women +60 months (to 55). */
    static int cap(Category c) {
        return switch (c) {
            case FEMALE_WORKER, FEMALE_INDIVIDUAL_50 -> 60;
            default -> 36;
        };
    }

    @Provide
    Arbitrary<YearMonth> births() {
        return Arbitraries.integers().between(0, 611).map(FIRST::plusMonths);
    }

    @Property(tries = 300)
    void retirementMonthNeverEarlierForALaterBirth(@ForAll Category c, @ForAll("births") YearMonth b,
                                                   @ForAll @IntRange(min = 1, max = 60) int later) {
        YearMonth b2 = b.plusMonths(later);
        if (b2.isAfter(YearMonth.of(2000, 12))) {
            b2 = YearMonth.of(2000, 12);
        }
        RetirementResult r1 = ask(c, b, 200);
        RetirementResult r2 = ask(c, b2, 200);
        assertFalse(r2.retirementMonth().isBefore(r1.retirementMonth()),
                () -> c + ": born " + b + " retires " + r1.retirementMonth() + " but born later retires " + r2.retirementMonth());
        assertTrue(r2.statutoryAge().totalMonths() >= r1.statutoryAge().totalMonths(), "statutory age never falls");
    }

    @Property(tries = 300)
    void delayBetweenZeroAndTheCap(@ForAll Category c, @ForAll("births") YearMonth b) {
        RetirementResult r = ask(c, b, 200);
        assertTrue(r.delayMonths() >= 0 && r.delayMonths() <= cap(c), () -> c + " " + b + " delay " + r.delayMonths());
        assertTrue(r.statutoryAge().totalMonths() == r.originalAge().totalMonths() + r.delayMonths());
    }

    @Property(tries = 300)
    void flexibleWindowContainsTheStatutoryMonthAndNeverStartsBelowTheOriginalAge(
            @ForAll Category c, @ForAll("births") YearMonth b, @ForAll @IntRange(min = 0, max = 480) int months) {
        RetirementResult r = ask(c, b, months);
        r.flexibleWindow().ifPresent(w -> {
            assertFalse(w.latest().isBefore(r.retirementMonth()), "latest ≥ statutory month");
            w.earliest().ifPresent(e -> {
                assertFalse(e.isAfter(r.retirementMonth()), () -> "earliest " + e + " after statutory " + r.retirementMonth());
                assertFalse(e.isBefore(r.originalMonth()), () -> "earliest " + e + " below the original age " + r.originalMonth());
            });
            if (r.contributionMet()) {
                assertTrue(w.earliest().isPresent(), "minimum met at the statutory month: an earliest month exists");
            }
        });
        assertTrue(r.flexibleWindow().isPresent() == r.reformApplied());
    }
}
