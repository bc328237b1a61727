package io.shebao.population;

import io.shebao.ShebaoException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Oversized records, strict JSONL, crafted numbers in rows: each a row error, reading goes on. */
class HostilePopulationTest {

    private static List<PopulationRow> rows(String text, PopulationReader.Format f, int max) {
        List<PopulationRow> out = new ArrayList<>();
        try (PopulationReader r = PopulationReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), f, max)) {
            r.forEachRemaining(out::add);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    @Test
    void anUnclosedQuoteLongerThanTheLimitIsOneRowErrorAndReadingResumesAfterTheNextLineBreak() {
        String big = "x".repeat(3000);
        String text = "id,region,wage\n1,wuhan,3450\n2,\"" + big + "\n" + big + "\n3,wuhan,3450\n4,wuhan,3450\n";
        List<PopulationRow> rows = rows(text, PopulationReader.Format.CSV, 1000);
        assertEquals(5, rows.size(), "rows: " + rows);
        assertFalse(rows.get(0).isMalformed());
        assertTrue(rows.get(1).isMalformed());
        assertTrue(rows.get(1).malformed().contains("longer than 1000 characters"), rows.get(1).malformed());
        assertEquals("2", rows.get(1).id(), "the id read before the runaway field is kept");
        assertTrue(rows.get(2).isMalformed(), "the runaway field's next line is over the limit too: its own row error");
        assertEquals("3", rows.get(3).id(), rows.toString());
        assertFalse(rows.get(3).isMalformed());
        assertEquals("4", rows.get(4).id());
    }

    @Test
    void aJsonlLineLongerThanTheLimitIsARowErrorAndTheNextLineIsRead() {
        String text = "{\"id\":\"1\",\"wage\":3450}\n{\"id\":\"" + "y".repeat(5000) + "\"}\n{\"id\":\"3\",\"wage\":3450}\n";
        List<PopulationRow> rows = rows(text, PopulationReader.Format.JSONL, 1000);
        assertEquals(3, rows.size());
        assertTrue(rows.get(1).isMalformed());
        assertEquals(2, rows.get(1).rowNumber());
        assertEquals("3", rows.get(2).id());
    }

    @Test
    void jsonlIsStrictDuplicateKeysTrailingContentAndASecondObjectAreRowErrors() {
        String text = "{\"id\":\"1\",\"wage\":1,\"wage\":2}\n{\"id\":\"2\"} x\n{\"id\":\"3\"}{\"id\":\"4\"}\n{\"id\":\"5\",\"wage\":3450}\n";
        List<PopulationRow> rows = rows(text, PopulationReader.Format.JSONL, 1000);
        assertEquals(4, rows.size());
        assertTrue(rows.get(0).malformed().contains("Duplicate field 'wage'"), rows.get(0).malformed());
        assertTrue(rows.get(1).isMalformed());
        assertTrue(rows.get(2).isMalformed());
        assertFalse(rows.get(3).isMalformed());
    }

    @Test
    void aBadFirstJsonlLineIsARowErrorNotTheWholeFile() {
        String text = "not json\n{\"id\":\"2\",\"region\":\"wuhan\",\"period\":\"2025-09\",\"wage\":3450}\n";
        try (PopulationReader r = PopulationReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                PopulationReader.Format.JSONL, 1000)) {
            assertTrue(r.columns().contains("wage"), "columns come from the first object: " + r.columns());
            ContributionRowParser.strict().requireColumns(r.columns());
            PopulationRow first = r.next();
            assertTrue(first.isMalformed());
            assertEquals(1, first.rowNumber());
            assertEquals("2", r.next().id());
            assertFalse(r.hasNext());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aHugeJsonExponentIsNotExpandedAndIsARowError() {
        List<PopulationRow> rows = rows("{\"id\":\"1\",\"region\":\"wuhan\",\"period\":\"2025-09\",\"wage\":1e999999999}\n",
                PopulationReader.Format.JSONL, 1000);
        assertEquals("1E+999999999", rows.get(0).field("wage").orElseThrow());
        ShebaoException e = assertThrows(ShebaoException.class, () -> ContributionRowParser.strict().parse(rows.get(0)));
        assertEquals("wage", e.field().orElseThrow());
    }

    @Test
    void craftedNumbersInCsvAreRowErrorsNamingTheColumn() {
        ContributionRowParser p = new ContributionRowParser(Optional.empty(), Optional.empty(), false);
        String text = "id,region,period,wage,risk_class,float_grade,birth,contribution_months,sex,category\n"
                + "1,wuhan,2025-09,1e99999999x,1,100,,,,\n"
                + "2,wuhan,2025-09,３４５０,1,100,,,,\n"
                + "3,wuhan,2025-09,3450,１,100,,,,\n"
                + "4,wuhan,2025-09,3450,1,1e9999,,,,\n"
                + "5,wuhan,0000-09,3450,1,100,,,,\n"
                + "6,wuhan,2025-09,3450,1,100,0000-03,12,male,male\n"
                + "7,wuhan,2025-09,3450,1,100,1966-03,１２,male,male\n";
        List<PopulationRow> rows = rows(text, PopulationReader.Format.CSV, 1000);
        String[] fields = {"wage", "wage", "risk_class", "float_grade", "period"};
        for (int i = 0; i < fields.length; i++) {
            PopulationRow row = rows.get(i);
            ShebaoException e = assertThrows(ShebaoException.class, () -> p.parse(row));
            assertEquals(fields[i], e.field().orElseThrow(), e.getMessage());
        }
        for (int i = 5; i < 7; i++) {
            PopulationRow row = rows.get(i);
            ShebaoException e = assertThrows(ShebaoException.class,
                    () -> RetirementRowParser.parse(row, "wuhan", java.time.YearMonth.of(2025, 9)));
            assertEquals(i == 5 ? "birth" : "contribution_months", e.field().orElseThrow(), e.getMessage());
        }
    }
}
