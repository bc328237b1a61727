package io.shebao.internal.number;

import io.shebao.ShebaoException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Crafted numbers end as one error naming the field, the value and the range: never arithmetic on them. */
class BoundedNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1E+999999999", "1e99999999x", "1e-999999999", "99999999999999999999999999999999999999999999999999999999999",
            "0.0000000000000000000000000000000000000001", "３４５０", "٣٤٥٠", "१२३", "12a3", "", "-", ".", "1e", "1e+", "--1", "1..2",
            "NaN", "Infinity", "0x10", " 1", "1 ", "1e100", "-1", "1000000000000", "1.1234567"})
    void amountsOutsideTheBoundsAreRefusedNamingFieldValueAndRange(String text) {
        ShebaoException e = assertThrows(ShebaoException.class, () -> DecimalBounds.AMOUNT.parse("wage", text));
        assertEquals("wage", e.field().orElseThrow());
        assertTrue(e.getMessage().startsWith("wage: '"), e.getMessage());
        assertTrue(e.getMessage().contains("from 0 to 999999999999.999999"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, "the value is clipped in the message: " + e.getMessage().length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "3450", "3450.50", "3.45e3", "3.45E+3", "999999999999.999999", "+12", "0.000001", "34500e-1"})
    void realAmountsAreAccepted(String text) {
        assertEquals(0, new BigDecimal(text).compareTo(DecimalBounds.AMOUNT.parse("wage", text)));
    }

    @Test
    void aVeryLongDigitStringIsRefusedBeforeAnyBigDecimalIsBuilt() {
        assertThrows(ShebaoException.class, () -> DecimalBounds.AMOUNT.parse("wage", "9".repeat(5_000_000)));
    }

    @Test
    void checkRefusesAHugeValueBuiltElsewhereWithoutExpandingIt() {
        BigDecimal huge = new BigDecimal("1e999999999");
        ShebaoException e = assertThrows(ShebaoException.class, () -> DecimalBounds.AMOUNT.check("base", huge));
        assertTrue(e.getMessage().contains("1E+999999999"), e.getMessage());
        assertThrows(ShebaoException.class, () -> DecimalBounds.PERCENT.check("floatGrade", BigDecimal.ZERO));
        assertThrows(ShebaoException.class, () -> DecimalBounds.RATE.check("rate", new BigDecimal("1.0000000001")));
    }

    @Test
    void wholeNumbersAsciiOnlyWithinRange() {
        assertEquals(180, WholeBounds.MONTHS.parse("contribution_months", "180"));
        for (String s : new String[]{"１８０", "-1", "2401", "99999999999999", "1.0", "", "1e2"}) {
            assertThrows(ShebaoException.class, () -> WholeBounds.MONTHS.parse("contribution_months", s), s);
        }
    }

    @Test
    void monthsAreAsciiYyyyMmWithinTheYears() {
        assertEquals(YearMonth.of(1966, 3), MonthText.parse("birth", "1966-03", "a birth month"));
        for (String s : new String[]{"0000-03", "0001-01", "1899-12", "+10000-01", "2200-01", "１９６６-03", "1966-3",
                "1966-13", "1966-00", "1966/03"}) {
            ShebaoException e = assertThrows(ShebaoException.class, () -> MonthText.parse("birth", s, "a birth month"), s);
            assertTrue(e.getMessage().contains("years 1900 to 2199"), e.getMessage());
        }
        assertThrows(ShebaoException.class, () -> MonthText.check("birth", YearMonth.of(0, 1)));
    }

    /** Whatever the text, parse either refuses it or returns a value within the bounds; it never throws anything else. */
    @Property(tries = 2000)
    void parseNeverEscapesItsBounds(@ForAll @StringLength(max = 40) String text) {
        try {
            BigDecimal v = DecimalBounds.AMOUNT.parse("wage", text);
            assertTrue(v.signum() >= 0 && v.compareTo(Limits.AMOUNT_MAX) <= 0, text);
            assertFalse(text.chars().anyMatch(c -> c > 127), "ASCII only: " + text);
        } catch (ShebaoException expected) {
            // refused, with a message
        }
    }
}
