package io.shebao.audit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A recorded request's period is read as {@code YearMonth.parse} reads it, with or without its formatter. */
class PeriodReadingProperties {
    @Provide
    Arbitrary<String> periods() {
        Arbitrary<String> shaped = Arbitraries.strings().withChars("0123456789-+ x").ofMinLength(0).ofMaxLength(9);
        Arbitrary<String> near = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(-1, 10_001),
                Arbitraries.integers().between(-1, 14)).as((y, m) -> String.format("%04d-%02d", y, m));
        return Arbitraries.oneOf(shaped, near, Arbitraries.of("2025-09", "0000-01", "9999-12", "2025-00", "2025-13",
                "+2025-01", "20250-01", "2025-1", "2025/09", "２０２５-09"));
    }

    @Property(tries = 2000)
    void sameAsYearMonthParse(@ForAll("periods") String s) {
        YearMonth expected;
        try {
            expected = YearMonth.parse(s);
        } catch (DateTimeParseException e) {
            assertThrows(DateTimeParseException.class, () -> ContributionAudit.period(s), s);
            return;
        }
        assertEquals(expected, ContributionAudit.period(s), s);
    }
}
