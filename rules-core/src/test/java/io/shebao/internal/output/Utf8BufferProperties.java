package io.shebao.internal.output;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The batch's byte writer (issue 13) writes exactly the UTF-8 bytes of what the text writers write: numbers as
 * {@link Long#toString}, decimals as {@link BigDecimal#toPlainString()}, text as {@link String#getBytes} in UTF-8,
 * ({@code io.shebao.batch.CsvFieldBytesProperties}: CSV fields).
 */
public class Utf8BufferProperties {

    @Property(tries = 5000)
    void decimalsAsToPlainString(@ForAll("decimals") BigDecimal d) {
        Utf8Buffer b = new Utf8Buffer(1).text("x").decimal(d).ascii(',');
        assertEquals("x" + d.toPlainString() + ",", new String(b.toByteArray(), StandardCharsets.UTF_8));
    }

    @Property(tries = 2000)
    void numbersAsLongToString(@ForAll long v) {
        assertEquals(Long.toString(v), new String(new Utf8Buffer(1).number(v).toByteArray(), StandardCharsets.US_ASCII));
    }

    @Example
    void edges() {
        for (String s : new String[] {"0", "0.00", "-0.05", "0.007", "552.00", "1E+3", "-1E-20", "999999999999999999",
                "-999999999999999999", "1000000000000000000", "0.999999999999999999", "-9.223372036854775808",
                "123456789012345678.9", "1E-18", "1E-19", "0E+2", "0E-19", "100.10", "2147483647", "2147483648",
                "-2147483648", "-2147483649", "21474836.48", "0.2147483648", "4294967296", "1.000000000000000001",
                "-12.0001", "0.100", "5.00001", "9", "10", "0.9", "0.10"}) {
            BigDecimal d = new BigDecimal(s);
            assertEquals(d.toPlainString(), new String(new Utf8Buffer(4).decimal(d).toByteArray(), StandardCharsets.US_ASCII), s);
        }
        for (long v : new long[] {0, 9, 10, -1, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE,
                Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 999_999_999_999_999_999L}) {
            assertEquals(Long.toString(v), new String(new Utf8Buffer(1).number(v).toByteArray(), StandardCharsets.US_ASCII));
        }
    }

    @Property(tries = 3000)
    void textAsGetBytes(@ForAll("texts") String s) {
        assertArrayEquals(("a," + s + ",b").getBytes(StandardCharsets.UTF_8),
                new Utf8Buffer(2).text("a,").text(s).ascii(',').text(new StringBuilder("b")).toByteArray());
    }

    /** Also the texts of {@code CsvFieldBytesProperties}. */
    @Provide
    public Arbitrary<String> texts() {
        // ids and regions as files have them, and what a hostile file puts there: formula starts, quotes, commas,
        // line breaks, Chinese, emoji (surrogate pairs) and unpaired surrogates
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).withChars("abcxyz0123456789").withCharRange('A', 'Z'),
                Arbitraries.strings().ofMaxLength(12).withChars("ab09=+-@\t\r\n,\"' .陈\uD83D\uDE00é5"),
                Arbitraries.strings().ofMaxLength(8).all(),
                Arbitraries.of("wuhan", "P00000001", "=1+1", "-12.50", "+3", "-", "@x", "", "\"", "陈\uD83D\uDE00", "\uDE00x"));
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return new PlainDecimalProperties().decimals(); // the same decimals PlainDecimal is checked on
    }
}
