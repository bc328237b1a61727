package io.shebao.population;

import io.shebao.ShebaoException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PopulationReaderTest {

    private static List<PopulationRow> csv(String text) {
        return rows(text.getBytes(StandardCharsets.UTF_8), PopulationReader.Format.CSV);
    }

    private static List<PopulationRow> rows(byte[] bytes, PopulationReader.Format f) {
        List<PopulationRow> out = new ArrayList<>();
        try (PopulationReader r = PopulationReader.open(new ByteArrayInputStream(bytes), f)) {
            r.forEachRemaining(out::add);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    @Test
    void quotedCommaDoubledQuotesAndLineBreakInsideQuotes() {
        List<PopulationRow> rows = csv("id,name,wage\n"
                + "1,\"王,伟\",3450\n"
                + "2,\"say \"\"hi\"\"\",4000\n"
                + "3,\"two\nlines\",5000\n"
                + "4,,6000\n");
        assertEquals(4, rows.size());
        assertEquals("王,伟", rows.get(0).field("name").orElseThrow());
        assertEquals("3450", rows.get(0).field("wage").orElseThrow());
        assertEquals("say \"hi\"", rows.get(1).field("name").orElseThrow());
        assertEquals("two\nlines", rows.get(2).field("name").orElseThrow());
        assertEquals(3, rows.get(2).rowNumber(), "records are numbered, not physical lines");
        assertEquals(4, rows.get(3).rowNumber());
        assertEquals("", rows.get(3).field("name").orElseThrow());
        assertTrue(rows.get(3).nonBlank("name").isEmpty());
        assertTrue(rows.stream().noneMatch(PopulationRow::isMalformed));
    }

    @Test
    void bomCrlfAndChineseText() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "id,姓名,region\r\nA1,张秀英,wuhan\r\nA2,\"李,娜\",宜昌\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        try (PopulationReader r = PopulationReader.open(new ByteArrayInputStream(all), PopulationReader.Format.CSV)) {
            assertEquals(List.of("id", "姓名", "region"), r.columns().names(), "the BOM is not part of the first column");
            PopulationRow a = r.next();
            assertEquals("A1", a.id());
            assertEquals("张秀英", a.field("姓名").orElseThrow());
            assertEquals("wuhan", a.field("region").orElseThrow(), "no \\r left at the end of the line");
            PopulationRow b = r.next();
            assertEquals("李,娜", b.field("姓名").orElseThrow());
            assertEquals("宜昌", b.field("region").orElseThrow());
            assertFalse(r.hasNext());
            assertEquals(all.length, r.bytesRead());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void lastLineWithoutLineEndAndBlankLinesSkipped() {
        List<PopulationRow> rows = csv("id,wage\n\n1,10\r\n\r\n2,20");
        assertEquals(2, rows.size());
        assertEquals("20", rows.get(1).field("wage").orElseThrow());
        assertEquals(2, rows.get(1).rowNumber());
    }

    @Test
    void headerOnlyFileHasNoRows() {
        assertEquals(0, csv("id,region,period,wage\n").size());
        assertEquals(0, csv("id,region,period,wage").size());
    }

    @Test
    void emptyFileIsAnErrorNamingTheHeader() {
        ShebaoException e = assertThrows(ShebaoException.class, () -> csv(""));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertThrows(ShebaoException.class, () -> rows(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                PopulationReader.Format.CSV));
    }

    @Test
    void wrongFieldCountAndStrayQuoteAreMalformedRowsAndReadingGoesOn() {
        List<PopulationRow> rows = csv("id,wage\n1,10,extra\n2\n3,\"30\"x\n4,40\n");
        assertEquals(4, rows.size());
        assertTrue(rows.get(0).isMalformed());
        assertEquals("1", rows.get(0).id());
        assertTrue(rows.get(0).malformed().contains("3 fields"), rows.get(0).malformed());
        assertTrue(rows.get(1).isMalformed());
        assertTrue(rows.get(2).isMalformed());
        assertTrue(rows.get(2).malformed().contains("after a closing quote"), rows.get(2).malformed());
        assertFalse(rows.get(3).isMalformed());
        assertEquals("40", rows.get(3).field("wage").orElseThrow());
    }

    @Test
    void unclosedQuoteAtEndIsOneMalformedRow() {
        List<PopulationRow> rows = csv("id,name\n1,ok\n2,\"never closed\n3,x\n");
        assertEquals(2, rows.size());
        assertTrue(rows.get(1).isMalformed());
        assertTrue(rows.get(1).malformed().contains("not closed"));
    }

    @Test
    void jsonlKeepsDigitsJoinsArraysAndReportsBadLines() {
        String text = "{\"id\":\"a\",\"wage\":3450.50,\"risk_class\":1,\"insurances\":[\"pension\",\"unemployment\"],\"name\":\"王,伟\"}\n"
                + "\n"
                + "not json\n"
                + "{\"id\":\"c\",\"wage\":\"4000\",\"base\":null}\n";
        List<PopulationRow> rows = rows(text.getBytes(StandardCharsets.UTF_8), PopulationReader.Format.JSONL);
        assertEquals(3, rows.size());
        assertEquals("3450.50", rows.get(0).field("wage").orElseThrow());
        assertEquals("1", rows.get(0).field("risk_class").orElseThrow());
        assertEquals("pension;unemployment", rows.get(0).field("insurances").orElseThrow());
        assertEquals("王,伟", rows.get(0).field("name").orElseThrow());
        assertTrue(rows.get(1).isMalformed());
        assertEquals(3, rows.get(1).rowNumber(), "JSONL rows are numbered by line");
        assertEquals("c", rows.get(2).id());
        assertTrue(rows.get(2).field("base").isEmpty(), "null is absent");
    }

    @Test
    void formatByExtensionAndMissingFile(@TempDir Path dir) throws Exception {
        assertEquals(PopulationReader.Format.CSV, PopulationReader.Format.of(Path.of("a.CSV")));
        assertEquals(PopulationReader.Format.JSONL, PopulationReader.Format.of(Path.of("a.jsonl")));
        ShebaoException e = assertThrows(ShebaoException.class, () -> PopulationReader.Format.of(Path.of("a.xlsx")));
        assertTrue(e.getMessage().contains(".csv or .jsonl"));
        ShebaoException missing = assertThrows(ShebaoException.class, () -> PopulationReader.open(dir.resolve("none.csv")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        Path f = dir.resolve("p.csv");
        Files.writeString(f, "id,wage\n1,2\n");
        try (PopulationReader r = PopulationReader.open(f)) {
            assertEquals("2", r.next().field("wage").orElseThrow());
        }
    }

    @Test
    void recordAcrossLinesWithCrlfAndTrailingBlankLineKeepsRecordNumbers() {
        // from the what-if reader's tests: BOM, CRLF, a quoted field with doubled quotes and a line break
        List<PopulationRow> rows = csv("\uFEFFname,wage,id,note\r\n"
                + "\"Li, Wei\",5000,A1,\"says \"\"hi\"\"\nacross lines\"\r\n"
                + "Wang,6000.50,A2,\r\n"
                + "\r\n");
        assertEquals(2, rows.size(), "a blank line is not a record");
        assertEquals(1, rows.get(0).rowNumber(), "the first record after the header is row 1");
        assertEquals("A1", rows.get(0).id());
        assertEquals("says \"hi\"\nacross lines", rows.get(0).field("note").orElseThrow());
        assertEquals(2, rows.get(1).rowNumber(), "a record spanning two lines is still one row");
        assertEquals("6000.50", rows.get(1).field("wage").orElseThrow());
    }

    @Test
    void quoteInsideAnUnquotedFieldIsKeptAsText() {
        List<PopulationRow> rows = csv("id,wage\np1,50\"00\n");
        assertFalse(rows.get(0).isMalformed(), "only a quote after a closing quote breaks the record");
        assertEquals("50\"00", rows.get(0).field("wage").orElseThrow(), "the parser then rejects it naming the column");
    }

    @Test
    void headerNamesAreTrimmedAndOtherColumnsKept() {
        List<PopulationRow> rows = csv(" id , Wage ,extra\n1,2,3\n");
        assertEquals(List.of("id", "Wage", "extra"), rows.get(0).columns().names(), "names are trimmed, not case-folded");
        assertEquals("1", rows.get(0).id());
        assertEquals("3", rows.get(0).field("extra").orElseThrow());
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNotGarbled() {
        byte[] gbk = "id,region,period,wage,risk_class,name\nA1,wuhan,2025-09,5000,1,张三\n"
                .getBytes(java.nio.charset.Charset.forName("GBK"));
        for (PopulationReader.Format f : List.of(PopulationReader.Format.CSV)) {
            ShebaoException e = assertThrows(ShebaoException.class, () -> rows(gbk, f));
            assertEquals(io.shebao.ErrorCode.INVALID_INPUT, e.code());
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
        }
        byte[] jsonl = "{\"id\":\"A1\",\"name\":\"张三\"}\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        ShebaoException e = assertThrows(ShebaoException.class, () -> rows(jsonl, PopulationReader.Format.JSONL));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }
}
