package io.shebao.whatif;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.contribution.Insurance;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PopulationCsvTest {
    private static List<PopulationCsv.Entry> read(String csv, PopulationCsv.Defaults d) {
        PopulationCsv c = PopulationCsv.open(new StringReader(csv), "people.csv", d);
        List<PopulationCsv.Entry> out = new ArrayList<>();
        for (Optional<PopulationCsv.Entry> e = c.next(); e.isPresent(); e = c.next()) {
            out.add(e.get());
        }
        return out;
    }

    @Test
    void bomCrlfQuotingAnyOrderExtrasIgnored() {
        String csv = "\uFEFFname,wage,id,risk_class,region,period,insurances,note\r\n"
                + "\"Li, Wei\",5000,A1,1,yichang,2023-05,\"pension;unemployment\",\"says \"\"hi\"\"\nacross lines\"\r\n"
                + "Wang,6000.50,A2,,wuhan,2025-08,,\r\n"
                + "\r\n";
        List<PopulationCsv.Entry> es = read(csv, PopulationCsv.Defaults.none());
        assertEquals(2, es.size());
        PopulationCsv.Person p = assertInstanceOf(PopulationCsv.Person.class, es.get(0));
        assertEquals(2, p.row());
        assertEquals("A1", p.id());
        assertEquals("yichang", p.request().region());
        assertEquals(YearMonth.of(2023, 5), p.request().period());
        assertEquals(new BigDecimal("5000"), p.request().wage().orElseThrow());
        assertEquals(Set.of(Insurance.PENSION, Insurance.UNEMPLOYMENT), p.request().insurances());
        PopulationCsv.Person q = assertInstanceOf(PopulationCsv.Person.class, es.get(1));
        assertEquals(3, q.row(), "a record spanning two lines is still one row");
        assertEquals(Optional.empty(), q.request().riskClass());
    }

    @Test
    void optionsFillAbsentColumnsAndEmptyCells() {
        String csv = "id,base,risk_class,sex,birth\nB1,4000,2,female,1975-03\n";
        PopulationCsv.Defaults d = new PopulationCsv.Defaults(Optional.of("wuhan"), Optional.of(YearMonth.of(2025, 1)), false);
        PopulationCsv.Person p = assertInstanceOf(PopulationCsv.Person.class, read(csv, d).get(0));
        assertEquals("wuhan", p.request().region());
        assertEquals(YearMonth.of(2025, 1), p.request().period());
        assertEquals(new BigDecimal("4000"), p.request().base().orElseThrow());
        assertEquals("1975-03", p.retirement().get("birth"));
    }

    @Test
    void badRowsBecomeErrorsNamingTheColumn() {
        String csv = """
                id,region,period,wage,base,risk_class,float_grade,insurances
                ok,yichang,2023-05,5000,,1,,
                ,yichang,2023-05,5000,,1,,
                p3,yichang,2023-13,5000,,1,,
                p4,yichang,2023-05,abc,,1,,
                p5,yichang,2023-05,5000,4000,1,,
                p6,yichang,2023-05,5000,,9,,
                p7,yichang,2023-05,5000,,1,0,
                p8,yichang,2023-05,5000,,1,,dental
                p9,yichang,2023-05,5000
                p10,yichang,2023-05,-1,,1,,
                p11,yichang,2023-05,50"00,,1,,
                """;
        List<PopulationCsv.Entry> es = read(csv, PopulationCsv.Defaults.none());
        assertEquals(11, es.size(), "every record is a person or an error");
        assertInstanceOf(PopulationCsv.Person.class, es.get(0));
        String[][] expect = {{"3", "id", ""}, {"4", "period", "2023-13"}, {"5", "wage", "abc"}, {"6", "base", "4000"},
                {"7", "risk_class", "9"}, {"8", "float_grade", "0"}, {"9", "insurances", "dental"}, {"10", "row", "4"},
                {"11", "wage", "-1"}, {"12", "row", ""}};
        for (int i = 0; i < expect.length; i++) {
            PopulationCsv.RowError e = assertInstanceOf(PopulationCsv.RowError.class, es.get(i + 1), expect[i][0]);
            assertEquals(Integer.parseInt(expect[i][0]), e.row());
            assertEquals(expect[i][1], e.field(), e.toString());
            assertEquals(expect[i][2], e.value(), e.toString());
            assertTrue(!e.reason().isBlank());
        }
    }

    @Test
    void errorLineIsQuotedCsv() {
        PopulationCsv.RowError e = new PopulationCsv.RowError(7, "x,1", "wage", "a\"b", "not an amount; allowed: 1, 2");
        assertEquals("7,\"x,1\",wage,\"a\"\"b\",\"not an amount; allowed: 1, 2\"", e.csv());
    }

    @Test
    void headerWithoutNeededColumnsIsRejected() {
        ShebaoException e = assertThrows(ShebaoException.class,
                () -> read("id,region,wage\n1,wuhan,5000\n", PopulationCsv.Defaults.none()));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertTrue(e.getMessage().contains("no 'period' column; add it or give --period"), e.getMessage());
        e = assertThrows(ShebaoException.class, () -> read("id,region,period\n", PopulationCsv.Defaults.none()));
        assertTrue(e.getMessage().contains("no 'wage' or 'base' column"), e.getMessage());
        e = assertThrows(ShebaoException.class, () -> read("", PopulationCsv.Defaults.none()));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(ShebaoException.class, () -> read("id,id,region,period,wage\n", PopulationCsv.Defaults.none()));
        assertTrue(e.getMessage().contains("'id' appears twice"), e.getMessage());
    }

    @Test
    void percentilesUseNearestRank() {
        assertEquals(1, PopulationComparison.nearestRank(10, 10));
        assertEquals(5, PopulationComparison.nearestRank(10, 50));
        assertEquals(9, PopulationComparison.nearestRank(10, 90));
        assertEquals(1, PopulationComparison.nearestRank(3, 10));
        assertEquals(3, PopulationComparison.nearestRank(3, 90));
    }
}
