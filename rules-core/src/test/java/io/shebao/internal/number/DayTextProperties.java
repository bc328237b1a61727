package io.shebao.internal.number;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link DayText} reads exactly the ISO days of the years allowed that {@link LocalDate#parse} reads, and nothing else. */
class DayTextProperties {

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(5);
        Arbitrary<String> isoLike = net.jqwik.api.Combinators.combine(
                Arbitraries.of("", "+", "-", " ").flatMap(sign -> digits.map(d -> sign + d)), digits, digits)
                .as((y, m, d) -> y + "-" + m + "-" + d);
        Arbitrary<String> days = Arbitraries.integers().between(1850, 2250).flatMap(y -> Arbitraries.integers()
                .between(1, 12).flatMap(m -> Arbitraries.integers().between(1, 31)
                        .map(d -> String.format("%04d-%02d-%02d", y, m, d))));
        return Arbitraries.oneOf(isoLike, days, Arbitraries.strings().ofMaxLength(12),
                days.map(s -> s.replace('-', '/')), days.map(s -> s + " "), days.map(s -> s.replace('1', '１')));
    }

    @Property(tries = 3000)
    void aDayIsWhatLocalDateReadsWithinTheYears(@ForAll("texts") String text) {
        LocalDate expected;
        try {
            expected = LocalDate.parse(text);
            boolean plain = text.length() == 10 && text.chars().allMatch(c -> c == '-' || c >= '0' && c <= '9');
            if (!plain || expected.getYear() < Limits.YEAR_MIN || expected.getYear() > Limits.YEAR_MAX) {
                expected = null;
            }
        } catch (DateTimeParseException e) {
            expected = null;
        }
        assertEquals(expected, DayText.value(text), text);
    }

    @Example
    void whatItRefusesIsNamedInOneLine() {
        assertNull(DayText.value("2026-02-30"));
        assertNull(DayText.value("+10000-01-01"));
        assertNull(DayText.value("2200-01-01"));
        assertEquals(LocalDate.of(2199, 12, 31), DayText.value("2199-12-31"));
        String m = DayText.refusal("2026-13-01");
        assertTrue(m.startsWith("'2026-13-01' is not a date; allowed: YYYY-MM-DD") && !m.contains("\n"), m);
    }
}
