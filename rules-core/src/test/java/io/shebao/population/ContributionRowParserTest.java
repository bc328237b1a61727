package io.shebao.population;

import io.shebao.ShebaoException;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.Insurance;
import io.shebao.contribution.UnitKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContributionRowParserTest {
    private static final ContributionRowParser STRICT = ContributionRowParser.strict();

    private static PopulationRow row(String header, String line) {
        try (PopulationReader r = PopulationReader.open(new ByteArrayInputStream((header + "\n" + line + "\n")
                .getBytes(StandardCharsets.UTF_8)), PopulationReader.Format.CSV)) {
            return r.next();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anyColumnOrderExtraColumnsIgnoredInsurancesEitherWay() {
        ContributionRequest r = STRICT.parse(row("extra,insurances,risk_class,wage,period,region,id,float_grade",
                "x,\"pension,unemployment\",4,5000.50,2025-09,wuhan,P1,120%"));
        assertEquals("wuhan", r.region());
        assertEquals(YearMonth.of(2025, 9), r.period());
        assertEquals(new BigDecimal("5000.50"), r.wage().orElseThrow());
        assertEquals(Optional.of(4), r.riskClass());
        assertEquals(new BigDecimal("120"), r.floatGrade());
        assertEquals(Set.of(Insurance.of("pension"), Insurance.of("unemployment")), r.insurances());
        ContributionRequest s = STRICT.parse(row("id,region,period,base,insurances", "P2,yichang,2023-05,3450,pension;unemployment"));
        assertEquals(new BigDecimal("3450"), s.base().orElseThrow());
        assertEquals(Set.of(Insurance.of("pension"), Insurance.of("unemployment")), s.insurances());
    }

    /** The parser keeps the column positions of the last file it met: rows of two files in turn each get their own. */
    @Test
    void rowsOfFilesWithOtherColumnOrdersInTurn() {
        PopulationRow a = row("id,region,period,wage,risk_class", "P1,wuhan,2025-09,5000,3");
        PopulationRow b = row("risk_class,wage,period,region,id,unit_kind", "5,6000,2024-03,yichang,P2," + UnitKind.values()[0].code());
        for (int i = 0; i < 3; i++) {
            ContributionRequest x = STRICT.parse(a);
            assertEquals("wuhan", x.region());
            assertEquals(YearMonth.of(2025, 9), x.period());
            assertEquals(new BigDecimal("5000"), x.wage().orElseThrow());
            assertEquals(Optional.of(3), x.riskClass());
            assertEquals(Optional.empty(), x.unitKind());
            ContributionRequest y = STRICT.parse(b);
            assertEquals("yichang", y.region());
            assertEquals(YearMonth.of(2024, 3), y.period());
            assertEquals(new BigDecimal("6000"), y.wage().orElseThrow());
            assertEquals(Optional.of(5), y.riskClass());
            assertEquals(Optional.of(UnitKind.values()[0]), y.unitKind());
        }
    }

    @Test
    void defaultsFillAbsentColumnsAndBlankCells() {
        ContributionRowParser p = new ContributionRowParser(Optional.of(YearMonth.of(2025, 1)), Optional.of("yichang"), true);
        p.requireColumns(new Columns(List.of("id", "wage")));
        ContributionRequest r = p.parse(row("id,wage,period", "P1,4000,"));
        assertEquals(YearMonth.of(2025, 1), r.period());
        assertEquals("yichang", r.region());
        assertTrue(r.allowCarryForward());
    }

    @Test
    void missingColumnNamesIt() {
        ShebaoException e = assertThrows(ShebaoException.class,
                () -> STRICT.requireColumns(new Columns(List.of("id", "region", "wage"))));
        assertEquals("period", e.field().orElseThrow());
        assertTrue(e.getMessage().contains("missing column 'period'"), e.getMessage());
        ShebaoException w = assertThrows(ShebaoException.class,
                () -> STRICT.requireColumns(new Columns(List.of("id", "region", "period"))));
        assertTrue(w.getMessage().contains("wage") && w.getMessage().contains("base"), w.getMessage());
    }

    @Test
    void badFieldsNameColumnValueAndWhatIsAllowed() {
        String h = "id,region,period,wage,base,risk_class,float_grade,insurances";
        String[][] cases = {
                {"P1,wuhan,2025-09,12a3,,1,,", "wage", "12a3"},
                {"P1,wuhan,2025-09,-5,,1,,", "wage", "-5"},
                {"P1,wuhan,2025-13,5000,,1,,", "period", "2025-13"},
                {"P1,wuhan,2025-09,5000,,9,,", "risk_class", "9"},
                {"P1,wuhan,2025-09,5000,,x,,", "risk_class", "x"},
                {"P1,wuhan,2025-09,5000,,1,0,", "float_grade", "0"},
                {"P1,wuhan,2025-09,5000,,1,,pension;dental", "insurances", "dental"},
                {"P1,wuhan,2025-09,,,1,,", "wage/base", ""},
                {"P1,wuhan,2025-09,5000,5000,1,,", "wage", "5000 / 5000"},
                {",wuhan,2025-09,5000,,1,,", "id", ""},
                {"P1,,2025-09,5000,,1,,", "region", ""},
        };
        for (String[] c : cases) {
            ShebaoException e = assertThrows(ShebaoException.class, () -> STRICT.parse(row(h, c[0])), c[0]);
            assertEquals(c[1], e.field().orElseThrow(), c[0]);
            assertEquals(c[2], e.value().orElseThrow(), c[0]);
            assertTrue(e.getMessage().startsWith(c[1] + ":"), e.getMessage());
        }
    }

    @Test
    void unitKindColumnIsReadAndCheckedAndItsApiFieldMapsBackToIt() {
        String h = "id,region,period,base,unit_kind";
        assertEquals(Optional.of(UnitKind.INDIVIDUAL_BUSINESS),
                STRICT.parse(row(h, "P1,wuhan,2020-05,5000,individual-business")).unitKind());
        assertEquals(Optional.empty(), STRICT.parse(row(h, "P1,wuhan,2020-05,5000,")).unitKind());
        ShebaoException e = assertThrows(ShebaoException.class, () -> STRICT.parse(row(h, "P1,wuhan,2020-05,5000,ngo")));
        assertEquals("unit_kind", e.field().orElseThrow());
        assertTrue(e.getMessage().contains("sme|large|individual-business|public-institution"), e.getMessage());
        assertEquals("unit_kind", ContributionRowParser.column("unitKind"));
    }

    @Test
    void malformedRowIsRejectedWithItsReason() {
        PopulationRow r = row("id,wage", "1,2,3");
        ShebaoException e = assertThrows(ShebaoException.class, () -> STRICT.parse(r));
        assertEquals("row", e.field().orElseThrow());
        assertTrue(e.getMessage().contains("fields"));
    }

    @Test
    void missingColumnSaysWhichOptionFillsIt() {
        ShebaoException p = assertThrows(ShebaoException.class,
                () -> STRICT.requireColumns(new Columns(List.of("id", "region", "wage"))));
        assertTrue(p.getMessage().contains("(or give --period YYYY-MM)"), p.getMessage());
        ShebaoException r = assertThrows(ShebaoException.class,
                () -> STRICT.requireColumns(new Columns(List.of("id", "period", "wage"))));
        assertTrue(r.getMessage().contains("missing column 'region'") && r.getMessage().contains("--region"), r.getMessage());
        ShebaoException i = assertThrows(ShebaoException.class,
                () -> STRICT.requireColumns(new Columns(List.of("region", "period", "wage"))));
        assertEquals("id", i.field().orElseThrow());
    }

    @Test
    void aColumnReadTwiceIsRejectedOthersMayRepeat() {
        ShebaoException e = assertThrows(ShebaoException.class,
                () -> STRICT.requireColumns(new Columns(List.of("id", "id", "region", "period", "wage"))));
        assertEquals("id", e.field().orElseThrow());
        assertTrue(e.getMessage().contains("'id' appears twice"), e.getMessage());
        STRICT.requireColumns(new Columns(List.of("id", "region", "period", "wage", "note", "note")));
    }
}
