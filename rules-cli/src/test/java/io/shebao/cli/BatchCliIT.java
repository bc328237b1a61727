package io.shebao.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code shebao batch} run as a real process. */
class BatchCliIT {
    private static final Path SAMPLE = Path.of("..", "examples", "data", "sample-population.csv");

    @Test
    void bundledSampleEveryRowAccountedForSameBytesOnOneAndTwoThreads(@TempDir Path dir) throws Exception {
        Path out1 = dir.resolve("r1.csv");
        Path out2 = dir.resolve("r2.csv");
        Path err1 = dir.resolve("e1.csv");
        Path err2 = dir.resolve("e2.csv");
        CliProcess.Outcome a = CliProcess.run("batch", "--in", SAMPLE.toString(), "--out", out1.toString(),
                "--errors", err1.toString(), "--threads", "1");
        CliProcess.Outcome b = CliProcess.run("batch", "--in", SAMPLE.toString(), "--out", out2.toString(),
                "--errors", err2.toString(), "--threads", "2");
        assertEquals(1, a.exit(), "the sample holds a few bad rows on purpose: " + a.err());
        assertEquals(1, b.exit(), b.err());
        assertArrayEquals(Files.readAllBytes(out1), Files.readAllBytes(out2));
        assertArrayEquals(Files.readAllBytes(err1), Files.readAllBytes(err2));
        long in = Files.readAllLines(SAMPLE).size() - 1;
        long written = Files.readAllLines(out1).size() - 1;
        long errors = Files.readAllLines(err1).size() - 1;
        assertEquals(in, written + errors);
        assertTrue(a.err().contains("rows read " + in + ", written " + written + ", in error " + errors), a.err());
        assertTrue(a.err().contains("rows/s"), a.err());
        assertEquals("", a.out(), "stdout stays empty; no progress bar when stderr is not a terminal");
        assertFalse(a.err().contains("\r"), "no progress bar when not a terminal");
    }

    /**
     * retirement_month is asked as of each row's period unless --as-of says otherwise: a man born 1965-05 asked in
     * 2023-05 gets the pre-reform month (age 60: 2025-05); asked as of 2026-11-01, the reform's 2025-07.
     */
    @Test
    void retirementMonthIsAsOfTheRowsPeriodOrAsOfTheGivenDate(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("people.csv"), "id,region,period,wage,risk_class,sex,birth,category,contribution_months\n"
                + "1,yichang,2023-05,5000,1,male,1965-05,male,192\n");
        Path byPeriod = dir.resolve("by-period.csv");
        Path asOf = dir.resolve("as-of.csv");
        CliProcess.Outcome a = CliProcess.run("batch", "--in", in.toString(), "--out", byPeriod.toString());
        assertEquals(0, a.exit(), a.err());
        CliProcess.Outcome b = CliProcess.run("batch", "--in", in.toString(), "--out", asOf.toString(), "--as-of", "2026-11-01");
        assertEquals(0, b.exit(), b.err());
        assertTrue(Files.readAllLines(byPeriod).get(1).endsWith(",2025-05"), Files.readString(byPeriod));
        assertTrue(Files.readAllLines(asOf).get(1).endsWith(",2025-07"), Files.readString(asOf));
        CliProcess.Outcome bad = CliProcess.run("batch", "--in", in.toString(), "--out", asOf.toString(), "--as-of", "2026-11");
        assertEquals(2, bad.exit(), bad.err());
        assertTrue(bad.err().contains("--as-of") && bad.err().contains("YYYY-MM-DD"), bad.err());
    }

    @Test
    void awkwardCsvIsReadCorrectly(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("people.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = ("id,姓名,region,period,wage,risk_class,insurances\r\n"
                + "1,\"张,伟\",yichang,2023-05,3450,1,\r\n"
                + "2,\"李\"\"娜\"\"\",yichang,2023-05,3450,1,\"pension,unemployment\"\r\n").getBytes(StandardCharsets.UTF_8);
        Files.write(in, concat(bom, body));
        Path out = dir.resolve("out.csv");
        CliProcess.Outcome o = CliProcess.run("batch", "--in", in.toString(), "--out", out.toString());
        assertEquals(0, o.exit(), o.err());
        List<String> lines = Files.readAllLines(out);
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        String[] r1 = lines.get(1).split(",", -1);
        String[] r2 = lines.get(2).split(",", -1);
        assertEquals("869.40", r1[header.indexOf("total")]);
        assertEquals("862.50", r2[header.indexOf("total")], "pension and unemployment only");
        assertTrue(Files.exists(dir.resolve("out.errors.csv")), "default error file beside the results");
        assertEquals(1, Files.readAllLines(dir.resolve("out.errors.csv")).size());
    }

    @Test
    void couldNotStartIsOneLineAndExit2(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        Path noPeriod = Files.writeString(dir.resolve("noperiod.csv"), "id,region,wage\nA,yichang,4000\n");
        Path out = dir.resolve("out.csv");
        String[][] cases = {
                {"--in", empty.toString(), "--out", out.toString()},
                {"--in", noPeriod.toString(), "--out", out.toString()},
                {"--in", dir.resolve("none.csv").toString(), "--out", out.toString()},
                {"--in", noPeriod.toString(), "--out", out.toString(), "--threads", "0"},
                {"--in", noPeriod.toString(), "--out", out.toString(), "--period", "2023-13"},
        };
        String[] expect = {"empty", "missing column 'period'", "does not exist", "--threads", "2023-13"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 1];
            args[0] = "batch";
            System.arraycopy(cases[i], 0, args, 1, cases[i].length);
            CliProcess.Outcome o = CliProcess.run(args);
            assertEquals(2, o.exit(), Arrays.toString(args) + ": " + o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
            assertTrue(o.err().contains(expect[i]), o.err());
            assertFalse(o.err().contains("Exception"), o.err());
        }
        CliProcess.Outcome ok = CliProcess.run("batch", "--in", noPeriod.toString(), "--out", out.toString(),
                "--period", "2023-05", "--errors", dir.resolve("e.csv").toString());
        assertEquals(2 - 1, ok.exit(), "no risk class: work injury cannot be computed, one row in error: " + ok.err());
    }

    @Test
    void headerOnlyIsZeroRowsAndExit0(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("h.csv"), "id,region,period,wage,risk_class\n");
        Path out = dir.resolve("o.csv");
        CliProcess.Outcome o = CliProcess.run("batch", "--in", in.toString(), "--out", out.toString());
        assertEquals(0, o.exit(), o.err());
        assertEquals(1, Files.readAllLines(out).size());
        assertTrue(o.err().contains("rows read 0"), o.err());
    }

    @Test
    void jsonlInJsonlOutWithAudit(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.jsonl");
        Path audit = dir.resolve("audit.jsonl");
        CliProcess.Outcome o = CliProcess.run("batch", "--in", Path.of("..", "examples", "data", "sample-population.jsonl").toString(),
                "--out", out.toString(), "--audit-out", audit.toString(), "--audit-version", "1");
        assertEquals(0, o.exit(), o.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(5, lines.size());
        assertTrue(lines.get(0).contains("\"total\":\"869.40\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"total\":\"204.93\""), lines.get(1));
        assertTrue(lines.get(0).contains("\"retirementMonth\":\""), lines.get(0));
        assertFalse(lines.get(1).contains("retirementMonth"), lines.get(1));
        List<String> records = Files.readAllLines(audit);
        assertEquals(5 + 2, records.size(), "a contribution record per row, and a retirement record after J001 and J003");
        assertTrue(records.get(0).contains("\"kind\":\"contribution\"") && records.get(0).contains("\"trace\""), records.get(0));
        assertTrue(records.get(1).contains("\"kind\":\"retirement\""), records.get(1));
        assertTrue(records.get(4).contains("\"kind\":\"retirement\""), records.get(4));
        CliProcess.Outcome replay = CliProcess.run("replay", audit.toString());
        assertEquals(0, replay.exit(), replay.out() + replay.err());
        CliProcess.Outcome scenario = CliProcess.run("batch", "--in", SAMPLE.toString(), "--out", dir.resolve("s.csv").toString(),
                "--scenario", Path.of("..", "examples", "scenarios", "no-unemployment-reduction.yaml").toString());
        assertEquals(1, scenario.exit(), scenario.err());
        List<String> s = Files.readAllLines(dir.resolve("s.csv"));
        int rate = Arrays.asList(s.get(0).split(",", -1)).indexOf("unemployment_employer_rate");
        assertEquals("0.02", s.get(1).split(",", -1)[rate], "the scenario's statutory rate, not the reduced 0.007");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
