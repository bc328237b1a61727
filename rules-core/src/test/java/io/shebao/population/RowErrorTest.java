package io.shebao.population;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The error lines that {@code shebao batch} and {@code shebao whatif} both write. */
class RowErrorTest {

    @Test
    void badRowsBecomeErrorsNamingTheColumnWithRecordNumbers() {
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
        List<RowError> errors = new ArrayList<>();
        int ok = 0;
        try (PopulationReader r = PopulationReader.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                PopulationReader.Format.CSV)) {
            while (r.hasNext()) {
                PopulationRow row = r.next();
                try {
                    ContributionRowParser.strict().parse(row);
                    ok++;
                } catch (ShebaoException e) {
                    errors.add(RowError.of(row, e, "", null));
                }
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(1, ok);
        assertEquals(10, errors.size(), "every record is a request or an error");
        String[][] expect = {{"2", "id", ""}, {"3", "period", "2023-13"}, {"4", "wage", "abc"}, {"5", "wage", "5000 / 4000"},
                {"6", "risk_class", "9"}, {"7", "float_grade", "0"}, {"8", "insurances", "dental"}, {"9", "row", ""},
                {"10", "wage", "-1"}, {"11", "wage", "50\"00"}};
        for (int i = 0; i < expect.length; i++) {
            RowError e = errors.get(i);
            assertEquals(Long.parseLong(expect[i][0]), e.row(), e.toString());
            assertEquals(expect[i][1], e.field(), e.toString());
            assertEquals(expect[i][2], e.value(), e.toString());
            assertTrue(!e.reason().isBlank());
        }
        assertEquals("p3", errors.get(1).id());
    }

    @Test
    void errorLineIsQuotedCsv() {
        RowError e = new RowError(7, "x,1", "wage", "a\"b", "not an amount; allowed: 1, 2");
        assertEquals("7,\"x,1\",wage,\"a\"\"b\",\"not an amount; allowed: 1, 2\"", e.csv());
        StringBuilder sb = new StringBuilder();
        e.appendCsv(sb);
        assertEquals(e.csv() + "\n", sb.toString());
        assertEquals("row,id,field,value,reason", RowError.HEADER);
    }

    @Test
    void apiFieldNamesBecomeColumnsAndAnUnknownParameterBlamesThePeriod() {
        PopulationRow row = new PopulationRow(3, "p", new Columns(List.of("id")), new String[]{"p"}, "");
        RowError m = RowError.of(row, ShebaoException.invalid("contributionMonths", -1, "≥ 0"), "retirement: ", null);
        assertEquals("contribution_months", m.field());
        assertTrue(m.reason().startsWith("retirement: "), m.reason());
        assertEquals("birth", RowError.of(row, ShebaoException.invalid("birthMonth", "x", "y"), "", null).field());
        ShebaoException unknown = new ShebaoException(ErrorCode.PARAMETER_UNKNOWN, "wuhan.pension.rate", "2031-01", "not known");
        RowError p = RowError.of(row, unknown, "under the baseline: ", YearMonth.of(2031, 1));
        assertEquals("period", p.field());
        assertEquals("2031-01", p.value());
        assertEquals("wuhan.pension.rate", RowError.of(row, unknown, "", null).field());
    }
}
