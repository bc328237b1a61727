package io.shebao.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --audit-out, replay, explain and keys, run as real processes (so also two JVMs writing the same record). */
class AuditCliIT {
    private static final String[] YICHANG = {"contribution", "--region", "yichang", "--period", "2023-05", "--wage", "3450",
            "--risk-class", "1"};

    private static String[] with(String[] base, String... more) {
        String[] a = new String[base.length + more.length];
        System.arraycopy(base, 0, a, 0, base.length);
        System.arraycopy(more, 0, a, base.length, more.length);
        return a;
    }

    private static String lastLine(String s) {
        String[] l = s.strip().split("\n");
        return l[l.length - 1];
    }

    @Test
    void twoJvmsWriteByteIdenticalRecordsThatReplayIdentical(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        assertEquals(0, CliProcess.run(with(YICHANG, "--audit-out", a.toString())).exit());
        assertEquals(0, CliProcess.run(with(YICHANG, "--audit-out", b.toString())).exit());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        // append: a second record in the same file
        assertEquals(0, CliProcess.run("contribution", "--region", "wuhan", "--period", "2025-09", "--wage", "30000",
                "--risk-class", "3", "--audit-out", a.toString()).exit());
        assertEquals(2, Files.readAllLines(a).size());

        CliProcess.Outcome r = CliProcess.run("replay", a.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("2 replayed, 2 identical, 0 changed-hash-only, 0 different, 0 invalid", lastLine(r.out()));
        assertEquals("", r.err());
    }

    @Test
    void exitCodesForDifferentAndInvalidRecords(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("audit.jsonl");
        assertEquals(0, CliProcess.run(with(YICHANG, "--audit-out", f.toString())).exit());
        String good = Files.readString(f).strip();

        // invalid: result edited, digest left alone; plus a truncated line
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, good + "\n" + good.replace("\"total\":\"869.40\"", "\"total\":\"896.40\"") + "\n"
                + good.substring(0, 200) + "\n" + good + "\n", StandardCharsets.UTF_8);
        CliProcess.Outcome r = CliProcess.run("replay", bad.toString());
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.out().contains("line 2: invalid"), r.out());
        assertTrue(r.out().contains("/result/totals/total: 896.40 → 869.40"), r.out());
        assertTrue(r.out().contains("line 3: invalid"), r.out());
        assertEquals("4 replayed, 2 identical, 0 changed-hash-only, 0 different, 2 invalid", lastLine(r.out()));

        // different: a pack changes the unemployment rate for 2023
        Path pack = Files.createDirectories(dir.resolve("test-pack"));
        Files.writeString(pack.resolve("u.yaml"), """
                region: hubei
                parameters:
                  unemployment.employer_rate:
                    unit: rate
                    values:
                      - {from: 2023-01-01, until: 2023-12-31, value: 0.008, reference: "test copy", provenance: secondary}
                """);
        CliProcess.Outcome d = CliProcess.run("replay", f.toString(), "--parameters", pack.toString());
        assertEquals(1, d.exit(), d.out() + d.err());
        assertTrue(d.out().contains("/result/lines/1/employer: 24.15 → 27.60"), d.out());
        assertTrue(d.out().contains("rule C-UNE-01"), d.out());
        assertTrue(d.out().contains("parameter unemployment.employer_rate: 0.007"), d.out());
        assertEquals("1 replayed, 0 identical, 0 changed-hash-only, 1 different, 0 invalid", lastLine(d.out()));

        CliProcess.Outcome j = CliProcess.run("replay", f.toString(), "--parameters", pack.toString(), "--format", "json");
        assertEquals(1, j.exit());
        assertTrue(lastLine(j.out()).contains("\"summary\":\"1 replayed, 0 identical, 0 changed-hash-only, 1 different, 0 invalid\""),
                j.out());
    }

    @Test
    void signedRecordsVerifyAndForgedOnesAreRejected(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        CliProcess.Outcome g = CliProcess.run("keys", "generate", "--out", keys.toString());
        assertEquals(0, g.exit(), g.err());
        Path f = dir.resolve("signed.jsonl");
        assertEquals(0, CliProcess.run(with(YICHANG, "--audit-out", f.toString(), "--sign-key",
                keys.resolve("shebao-audit.key").toString())).exit());
        String pub = keys.resolve("shebao-audit.pub").toString();
        CliProcess.Outcome ok = CliProcess.run("replay", f.toString(), "--verify-key", pub);
        assertEquals(0, ok.exit(), ok.out());

        // unsigned records are rejected when a key is given
        Path plain = dir.resolve("plain.jsonl");
        assertEquals(0, CliProcess.run(with(YICHANG, "--audit-out", plain.toString())).exit());
        CliProcess.Outcome unsigned = CliProcess.run("replay", plain.toString(), "--verify-key", pub);
        assertEquals(2, unsigned.exit());
        assertTrue(unsigned.out().contains("not signed"), unsigned.out());

        CliProcess.Outcome bad = CliProcess.run("replay", f.toString(), "--verify-key", f.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().strip().startsWith("shebao: --verify-key:"), bad.err());
        assertFalse(bad.err().strip().contains("\n"));
    }

    @Test
    void explainAndExplainFlag(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("audit.jsonl");
        CliProcess.Outcome c = CliProcess.run(with(YICHANG, "--audit-out", f.toString(), "--explain"));
        assertEquals(0, c.exit(), c.err());
        assertTrue(c.out().contains("失业保险单位缴费 24.15 = 基数 3450.00 × 0.7%（"), c.out());
        CliProcess.Outcome e = CliProcess.run("explain", f.toString(), "--lang", "en");
        assertEquals(0, e.exit(), e.err());
        for (String amount : List.of("552.00", "276.00", "24.15", "10.35", "6.90", "583.05", "286.35", "869.40")) {
            assertTrue(e.out().contains(amount), amount);
        }
        assertTrue(e.out().contains("legal basis: 失业保险条例 Art. 6"), e.out());
        // read at 100 columns: long lines (parameter references, digests) wrap under their own indent
        for (String out : List.of(c.out(), e.out())) {
            for (String line : out.split("\n")) {
                assertTrue(Table.width(line) <= 100, "wider than 100 columns: " + line);
            }
        }
        assertTrue(e.out().replaceAll(" *\n +", " ").contains("source: 004_0af0111844d5dff5.txt"), e.out());
    }

    @Test
    void retirementAnswersAreRecordedReplayedAndExplained(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("retirement.jsonl");
        String[] q = {"retirement", "--sex", "female", "--birth", "1972-03", "--category", "female-worker",
                "--contribution-months", "150", "--as-of", "2026-11-01", "--audit-out", f.toString()};
        assertEquals(0, CliProcess.run(q).exit());
        assertEquals(0, CliProcess.run(q).exit());
        List<String> lines = Files.readAllLines(f);
        assertEquals(2, lines.size());
        assertEquals(lines.get(0), lines.get(1), "two JVMs, same bytes");
        CliProcess.Outcome r = CliProcess.run("replay", f.toString());
        assertEquals(0, r.exit(), r.out());
        assertEquals("2 replayed, 2 identical, 0 changed-hash-only, 0 different, 0 invalid", lastLine(r.out()));
        CliProcess.Outcome e = CliProcess.run("explain", f.toString(), "--line", "1");
        assertEquals(0, e.exit(), e.err());
        assertTrue(e.out().contains("法定退休年龄 50岁，退休月份 2022-03"), e.out());
    }

    @Test
    void missingFileIsOneLineExit2() throws Exception {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[]{"replay", "/nonexistent/audit.jsonl"});
        cases.add(new String[]{"explain", "/nonexistent/audit.jsonl"});
        for (String[] a : cases) {
            CliProcess.Outcome o = CliProcess.run(a);
            assertEquals(2, o.exit());
            assertTrue(o.err().contains("/nonexistent/audit.jsonl"), o.err());
            assertFalse(o.err().strip().contains("\n"), o.err());
        }
    }
}
