package io.shebao.internal.number;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link DecimalBounds#plain} (a row's amounts made from their digits, issue 13) gives what {@code new BigDecimal}
 * gives: the same value and scale ({@code equals}) and the same text, for every text the syntax check lets through.
 */
class PlainNumberProperties {

    @Property(tries = 5000)
    void sameAsTheConstructor(@ForAll("numbers") String s) {
        BigDecimal expected = new BigDecimal(s);
        BigDecimal actual = DecimalBounds.plain(s);
        assertEquals(expected, actual, s);
        assertEquals(expected.toString(), actual.toString(), s);
        assertEquals(expected.precision(), actual.precision(), s);
    }

    @Example
    void edges() {
        for (String s : new String[] {"0", "-0", "+0", "0.00", "-0.00", ".5", "5.", "-.5", "007.50", "3450", "3450.50",
                "999999999999999999", "-999999999999999999", "9999999999999999999", "0.000000000000000001",
                "1234567890.12345678", "1234567890.123456789", "3.45e3", "1E+2", "-1e-2", "100", "120.5"}) {
            assertEquals(new BigDecimal(s), DecimalBounds.plain(s), s);
            assertEquals(new BigDecimal(s).toString(), DecimalBounds.plain(s).toString(), s);
        }
        assertEquals(new BigDecimal("3450.50"), DecimalBounds.AMOUNT.parse("wage", "3450.50"));
    }

    @Provide
    Arbitrary<String> numbers() {
        Arbitrary<String> sign = Arbitraries.of("", "", "+", "-");
        Arbitrary<String> whole = Arbitraries.strings().numeric().ofMaxLength(21);
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("."),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20).map(f -> "." + f));
        Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just(""), Arbitraries.just(""),
                Combinators.combine(Arbitraries.of("e", "E"), Arbitraries.of("", "+", "-"),
                        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(2)).as((e, x, d) -> e + x + d));
        return Combinators.combine(sign, whole, fraction, exponent).as((a, b, c, d) -> a + b + c + d)
                .filter(s -> s.chars().anyMatch(Character::isDigit) && DecimalBounds.syntaxAccepts(s));
    }
}
