package io.shebao.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.population.ContributionRowParser;
import io.shebao.population.PopulationReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchRunnerTest {
    private static final ShebaoRules RULES = ShebaoRules.load();

    /** Worked figures of the seeds, awkward CSV, and one row per kind of error. */
    static final String POPULATION = "\uFEFFid,姓名,region,period,wage,base,risk_class,float_grade,insurances\r\n"
            + "Y1,张伟,yichang,2023-05,3450,,1,,\r\n"                                        // 869.40 (seed 004 FAQ 6)
            + "S1,\"李,娜\",suizhou,2021-11,,18630,1,,\"unemployment,work_injury\"\r\n"      // 204.93 (seed 004 FAQ 20)
            + "W1,\"王\"\"小\"\"明\",wuhan,2025-09,30000,,4,120,\r\n"
            + "W2,\"two\nlines\",wuhan,2025-09,5000.55,,4,120,pension;medical\r\n"
            + "E1,赵,yichang,2023-05,12a3,,1,,\r\n"
            + "E2,钱,atlantis,2023-05,5000,,1,,\r\n"
            + "E3,孙,yichang,2027-01,5000,,1,,\r\n"
            + "E4,周,yichang,2023-05,5000,,1,80,\r\n"
            + "E5,吴,yichang,2023-05,5000,,1\r\n"
            + "E6,郑,yichang,2023-05,5000,,,,\r\n"
            + "Y2,冯,yichang,2023-05,100000,,8,50,\r\n";

    record Run(BatchSummary summary, String out, String errors, String audit) {
    }

    static Run run(String csv, BatchRunner.Builder b, ResultFormat format) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        StringWriter audit = new StringWriter();
        PopulationReader in = PopulationReader.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                PopulationReader.Format.CSV);
        BatchSummary s = b.build().run(in, format, out, err);
        return new Run(s, out.toString(), err.toString(), audit.toString());
    }

    /**
     * Streams get the workers' UTF-8 bytes ({@code shebao batch}), writers text: the same bytes either way, for
     * results (CSV and JSONL, ids in Chinese, a quoted and a formula-like id) and for the error file.
     */
    @Test
    void streamsGetTheSameBytesAsWriters() {
        String csv = POPULATION + "\"=1+1\",钱,wuhan,2025-09,8000,,1,,\r\n" + "陈\uD83D\uDE00,x,wuhan,2025-09,-5,,1,,\r\n"
                + "陈2,x,wuhan,2025-09,123456789012.50,,1,,\r\n";
        for (ResultFormat format : ResultFormat.values()) {
            for (BatchRunner.Builder b : List.of(BatchRunner.builder(RULES).threads(2).chunkSize(3),
                    BatchRunner.builder(RULES).threads(1).planned(false))) {
                Run text = run(csv, b, format);
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
                BatchSummary s = b.build().run(PopulationReader.open(new ByteArrayInputStream(
                        csv.getBytes(StandardCharsets.UTF_8)), PopulationReader.Format.CSV), format, out, err);
                assertEquals(text.summary.rowsWritten(), s.rowsWritten());
                assertTrue(s.rowsInError() > 3 && s.rowsWritten() > 3, text.errors);
                org.junit.jupiter.api.Assertions.assertArrayEquals(text.out.getBytes(StandardCharsets.UTF_8), out.toByteArray());
                org.junit.jupiter.api.Assertions.assertArrayEquals(text.errors.getBytes(StandardCharsets.UTF_8), err.toByteArray());
            }
        }
    }

    static String column(Run r, String rowId, String column) {
        String[] lines = r.out.split("\n");
        List<String> header = Arrays.asList(lines[0].split(",", -1));
        for (String l : lines) {
            String[] f = l.split(",", -1);
            if (f[1].equals(rowId)) {
                return f[header.indexOf(column)];
            }
        }
        throw new AssertionError(rowId + " not in output");
    }

    @Test
    void everyRowEndsInResultsOrErrorsWithTheSeedsFigures() {
        Run r = run(POPULATION, BatchRunner.builder(RULES).threads(2), ResultFormat.CSV);
        assertEquals(11, r.summary.rowsRead());
        assertEquals(4 + 1, r.summary.rowsWritten(), r.errors);
        assertEquals(6, r.summary.rowsInError(), r.errors);
        assertEquals(r.summary.rowsRead(), r.out.split("\n").length - 1 + r.errors.split("\n").length - 1);
        assertEquals("869.40", column(r, "Y1", "total"));
        assertEquals("583.05", column(r, "Y1", "total_employer"));
        assertEquals("6.90", column(r, "Y1", "work_injury_employer"));
        assertEquals("204.93", column(r, "S1", "total"));
        assertEquals("", column(r, "S1", "pension_base"), "not applicable: empty");
        assertEquals("lowered_to_ceiling", column(r, "W1", "base_adjustment"));
        assertEquals("5000.55", column(r, "W2", "medical_base"));
        String[] errors = r.errors.split("\n");
        assertEquals("row,id,field,value,reason", errors[0]);
        assertTrue(errors[1].startsWith("5,E1,wage,12a3,"), errors[1]);
        assertTrue(errors[2].startsWith("6,E2,region,atlantis,"), errors[2]);
        assertTrue(errors[3].startsWith("7,E3,period,2027-01,"), errors[3]);
        assertTrue(errors[3].contains("unemployment"), errors[3]);
        assertTrue(errors[4].startsWith("8,E4,float_grade,80,"), errors[4]);
        assertTrue(errors[5].startsWith("9,E5,row,,"), errors[5]);
        assertTrue(errors[6].startsWith("10,E6,risk_class,,"), errors[6]);
    }

    @Test
    void rowsInInputOrderSameBytesForAnyThreadsChunksAndWithOrWithoutPlans() {
        StringBuilder big = new StringBuilder(POPULATION);
        for (int i = 0; i < 40; i++) {
            big.append(POPULATION.substring(POPULATION.indexOf('\n') + 1));
        }
        Run one = run(big.toString(), BatchRunner.builder(RULES).threads(1), ResultFormat.CSV);
        for (BatchRunner.Builder b : List.of(BatchRunner.builder(RULES).threads(2).chunkSize(3),
                BatchRunner.builder(RULES).threads(4).chunkSize(1), BatchRunner.builder(RULES).threads(3).planned(false).chunkSize(7))) {
            Run other = run(big.toString(), b, ResultFormat.CSV);
            assertEquals(one.out, other.out);
            assertEquals(one.errors, other.errors);
        }
        long previous = 0;
        for (String l : one.out.split("\n")) {
            if (!l.startsWith("row")) {
                long row = Long.parseLong(l.substring(0, l.indexOf(',')));
                assertTrue(row > previous, "input order");
                previous = row;
            }
        }
        Run jsonl = run(big.toString(), BatchRunner.builder(RULES).threads(2).chunkSize(5), ResultFormat.JSONL);
        assertEquals(run(big.toString(), BatchRunner.builder(RULES).threads(1), ResultFormat.JSONL).out, jsonl.out);
    }

    @Test
    void jsonlOutputCarriesLinesTotalsAndRowNumbers() throws Exception {
        Run r = run(POPULATION, BatchRunner.builder(RULES), ResultFormat.JSONL);
        String[] lines = r.out.split("\n");
        assertEquals(5, lines.length);
        JsonNode y1 = new ObjectMapper().readTree(lines[0]);
        assertEquals(1, y1.get("row").asInt());
        assertEquals("Y1", y1.get("id").asText());
        assertEquals("869.40", y1.at("/totals/total").asText());
        assertEquals("552.00", y1.at("/lines/0/employer").asText());
        JsonNode w2 = new ObjectMapper().readTree(lines[3]);
        assertEquals("7.00", w2.at("/lines/1/employeeFixed").asText());
    }

    @Test
    void auditRecordsOnePerComputedRowInOrderReplayableAndSameResults(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        java.nio.file.Path file = dir.resolve("audit.jsonl");
        BatchSummary s;
        try (io.shebao.audit.AuditWriter audit = io.shebao.audit.AuditWriter.append(file, Optional.empty(), Optional.empty())) {
            s = BatchRunner.builder(RULES).threads(2).chunkSize(2).audit(audit).build().run(
                    PopulationReader.open(new ByteArrayInputStream(POPULATION.getBytes(StandardCharsets.UTF_8)), PopulationReader.Format.CSV),
                    ResultFormat.CSV, out, err);
        }
        List<String> records = java.nio.file.Files.readAllLines(file);
        assertEquals(s.rowsWritten(), records.size());
        String[] ids = {"Y1", "S1", "W1", "W2", "Y2"};
        String[] regions = {"yichang", "suizhou", "wuhan", "wuhan", "yichang"};
        for (int i = 0; i < records.size(); i++) {
            io.shebao.audit.AuditRecord a = io.shebao.audit.AuditRecord.parse(records.get(i));
            JsonNode j = new ObjectMapper().readTree(records.get(i));
            assertEquals(regions[i], j.at("/request/region").asText(), "record " + i + " is row " + ids[i]);
            assertEquals(io.shebao.audit.ReplayStatus.IDENTICAL, RULES.replay(a).status(), records.get(i));
        }
        assertEquals("869.40", new ObjectMapper().readTree(records.get(0)).at("/result/totals/total").asText());
        assertEquals(run(POPULATION, BatchRunner.builder(RULES), ResultFormat.CSV).out, out.toString());
    }

    @Test
    void headerOnlyIsZeroRowsAndAMissingColumnStopsBeforeAnyRow() {
        Run r = run("id,region,period,wage\n", BatchRunner.builder(RULES), ResultFormat.CSV);
        assertEquals(0, r.summary.rowsRead());
        assertEquals(ResultFormat.CSV.header(), r.out);
        assertEquals(ResultFormat.errorHeader(), r.errors);
        ShebaoException e = assertThrows(ShebaoException.class,
                () -> run("id,region,wage\nA,yichang,4000\n", BatchRunner.builder(RULES), ResultFormat.CSV));
        assertTrue(e.getMessage().contains("missing column 'period'"), e.getMessage());
        Run withDefault = run("id,region,wage,risk_class\nA,yichang,4000,1\n", BatchRunner.builder(RULES)
                .parser(new ContributionRowParser(Optional.of(YearMonth.of(2023, 5)), Optional.empty(), false)), ResultFormat.CSV);
        assertEquals(1, withDefault.summary.rowsWritten(), withDefault.errors);
    }

    @Test
    void carryForwardWarningsAreInTheRow() {
        Run r = run("id,region,period,wage,risk_class\nA,yichang,2027-01,5000,1\n", BatchRunner.builder(RULES)
                .parser(new ContributionRowParser(Optional.empty(), Optional.empty(), true)), ResultFormat.CSV);
        assertEquals(1, r.summary.rowsWritten(), r.errors);
        assertTrue(column(r, "A", "warnings").contains("CARRIED_FORWARD"));
    }

    @Test
    void retirementMonthWhenTheRowHasRetirementFields() {
        String csv = "id,region,period,wage,risk_class,sex,birth,category,contribution_months\n"
                + "M,wuhan,2025-09,8000,1,male,1966-03,male,300\n"
                + "F,wuhan,2025-09,8000,1,female,1975-08,female-worker,200\n"
                + "N,wuhan,2025-09,8000,1,,,,\n"
                + "X,wuhan,2025-09,8000,1,robot,1966-03,male,300\n"
                + "Y,wuhan,2025-09,8000,1,male,1966-03,female-worker,300\n";
        Run r = run(csv, BatchRunner.builder(RULES).threads(2), ResultFormat.CSV);
        assertTrue(r.out.startsWith(ResultFormat.CSV.header(true)), r.out);
        for (String[] p : new String[][]{{"M", "male", "1966-03", "male", "300"}, {"F", "female", "1975-08", "female-worker", "200"}}) {
            io.shebao.retirement.RetirementResult expected = RULES.retirement(io.shebao.retirement.RetirementQuery.builder()
                    .region("wuhan").asOf(java.time.LocalDate.of(2025, 9, 1))
                    .sex(io.shebao.retirement.Sex.fromCode(p[1]).orElseThrow()).birthMonth(YearMonth.parse(p[2]))
                    .category(io.shebao.retirement.Category.fromCode(p[3]).orElseThrow())
                    .contributionMonths(Integer.parseInt(p[4])).build());
            assertEquals(expected.retirementMonth().toString(), column(r, p[0], "retirement_month"));
        }
        assertEquals("", column(r, "N", "retirement_month"));
        String[] errors = r.errors.split("\n");
        assertEquals(3, errors.length, r.errors);
        assertTrue(errors[1].startsWith("4,X,sex,robot,"), errors[1]);
        assertTrue(errors[2].startsWith("5,Y,category,female-worker,"), errors[2]);
    }
}
