package io.shebao.internal.output;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The batch formatter writes exactly what {@link BigDecimal#toPlainString()} writes, for any value. */
class PlainDecimalProperties {

    @Property(tries = 5000)
    void sameTextAsToPlainString(@ForAll("decimals") BigDecimal d) {
        assertEquals("x" + d.toPlainString(), PlainDecimal.append(new StringBuilder("x"), d).toString());
    }

    @Example
    void edges() {
        for (String s : new String[] {"0", "0.00", "-0.05", "0.007", "552.00", "1E+3", "-1E-20", "999999999999999999",
                "-999999999999999999", "1000000000000000000", "0.999999999999999999", "-9.223372036854775808",
                "123456789012345678.9", "1E-18", "1E-19", "0E+2", "0E-19", "100.10",
                // around 2^32 (Long.getChars switches to int arithmetic below 2^31), fractions with leading zeros
                "4294967295", "4294967296", "-4294967295", "-4294967296", "42949672.95", "42949672.96", "0.4294967295",
                "4294967299", "4294967290", "9999999999", "3999999999", "1.000000000000000001", "-12.0001", "0.100", "5.00001"}) {
            BigDecimal d = new BigDecimal(s);
            assertEquals(d.toPlainString(), PlainDecimal.append(new StringBuilder(), d).toString(), s);
        }
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        Arbitrary<BigInteger> unscaled = Arbitraries.oneOf(
                Arbitraries.longs().between(-100_000_000L, 100_000_000L).map(BigInteger::valueOf),
                Arbitraries.longs().between(0x7FFF_0000L, 0x1_0001_0000L).map(BigInteger::valueOf), // around 2^31 and 2^32
                Arbitraries.longs().map(BigInteger::valueOf),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(25).negate(), BigInteger.TEN.pow(25)));
        return net.jqwik.api.Combinators.combine(unscaled, Arbitraries.integers().between(-5, 22))
                .as(BigDecimal::new);
    }
}
