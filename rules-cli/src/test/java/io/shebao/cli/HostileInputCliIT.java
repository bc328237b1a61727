package io.shebao.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.audit.AuditRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile-input suite of issue 10 through the packaged CLI: one case per class, each asserting the exit
 * code, the single stderr line, the row accounting and that every input file is byte-identical afterwards.
 */
class HostileInputCliIT {
    private static final String HEADER = "id,region,period,wage,risk_class\n";

    /** Snapshots of the inputs, compared byte for byte at the end of each case. */
    private final Map<Path, byte[]> inputs = new LinkedHashMap<>();

    private Path input(Path p, String text) throws IOException {
        return input(p, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path input(Path p, byte[] bytes) throws IOException {
        Files.createDirectories(p.toAbsolutePath().getParent());
        Files.write(p, bytes);
        inputs.put(p, bytes);
        return p;
    }

    private void inputsUntouched() throws IOException {
        for (Map.Entry<Path, byte[]> e : inputs.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(e.getKey()), "input changed: " + e.getKey());
        }
    }

    private static String oneLine(CliProcess.Outcome o) {
        List<String> lines = o.err().lines().toList();
        assertEquals(1, lines.size(), "exactly one stderr line: " + o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace");
        assertTrue(lines.get(0).startsWith("shebao"), lines.get(0));
        return lines.get(0);
    }

    private static String rows(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            sb.append(i).append(",wuhan,2025-09,").append(3000 + i).append(",1\n");
        }
        return sb.toString();
    }

    private static long dataLines(Path csv) throws IOException {
        return Files.readAllLines(csv).size() - 1;
    }

    /** Class 1: one oversized record under a small heap is a row error; every other row is accounted for. */
    @Test
    void oversizedRecordUnderASmallHeapCannotLoseRows(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("people.csv");
        try (Writer w = Files.newBufferedWriter(in)) {
            w.write(HEADER + rows(1, 100) + "101,wuhan,2025-09,\"");
            char[] x = new char[1 << 16];
            Arrays.fill(x, 'x');
            for (int i = 0; i < 12_000_000 / x.length; i++) {
                w.write(x); // a quote never closed, 12 MB: the reader once ran out of memory here and exited 0
            }
            w.write("\n" + rows(102, 200));
        }
        inputs.put(in, Files.readAllBytes(in));
        Path out = dir.resolve("r.csv");
        CliProcess.Outcome o = CliProcess.runJvm(List.of("-Xmx48m"), "batch", "--in", in.toString(), "--out", out.toString(),
                "--threads", "1");
        assertEquals(1, o.exit(), o.err());
        String line = oneLine(o);
        assertTrue(line.contains("rows read 200, written 199, in error 1"), line);
        assertEquals(199, dataLines(out));
        List<String> errors = Files.readAllLines(dir.resolve("r.errors.csv"));
        assertEquals(2, errors.size());
        assertTrue(errors.get(1).startsWith("101,101,row,,") && errors.get(1).contains("longer than 4194304 characters"),
                errors.get(1));
        inputsUntouched();
    }

    /** Class 2: an output equal to an input, directly, through a symlink, or as the default errors name. */
    @Test
    void anOutputThatIsAnInputIsRefusedBeforeAnythingIsOpened(@TempDir Path dir) throws Exception {
        Path in = input(dir.resolve("people.csv"), HEADER + rows(1, 5));
        Path scenario = input(dir.resolve("s.yaml"), Files.readString(Path.of("..", "examples", "scenarios",
                "ceiling-raised.yaml")));
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), in.getFileName());
        Path derived = input(dir.resolve("x.errors.csv"), HEADER + rows(1, 2));
        String[][] cases = {
                {"batch", "--in", in.toString(), "--out", in.toString()},
                {"batch", "--in", in.toString(), "--out", dir.resolve("r.csv").toString(), "--errors", link.toString()},
                {"batch", "--in", in.toString(), "--out", dir.resolve("r.csv").toString(), "--audit-out", in.toString()},
                {"batch", "--in", derived.toString(), "--out", dir.resolve("x.csv").toString()},
                {"batch", "--in", in.toString(), "--out", dir.resolve("r.csv").toString(), "--errors", dir.resolve("r.csv").toString()},
                {"whatif", "--scenario", scenario.toString(), "--population", in.toString(), "--out", scenario.toString()},
                {"whatif", "--scenario", scenario.toString(), "--population", in.toString(), "--errors", link.toString()},
        };
        String[] named = {"--out", "--errors", "--audit-out", "--errors (default, from --out)", "--errors", "--out", "--errors"};
        for (int i = 0; i < cases.length; i++) {
            CliProcess.Outcome o = CliProcess.run(cases[i]);
            assertEquals(2, o.exit(), String.join(" ", cases[i]) + ": " + o.err());
            String line = oneLine(o);
            assertTrue(line.startsWith("shebao: " + named[i] + ": ") && line.contains("is the same file as"), line);
        }
        assertFalse(Files.exists(dir.resolve("r.csv")));
        inputsUntouched();
    }

    /** Class 3: crafted numbers in options, CSV, JSONL, packs, scenarios and replayed records. */
    @Test
    void craftedNumbersAreOneLineErrorsOrRowErrors(@TempDir Path dir) throws Exception {
        CliProcess.Outcome opt = CliProcess.run("contribution", "--region", "wuhan", "--period", "2025-09", "--base",
                "1e3000000", "--risk-class", "1");
        assertEquals(2, opt.exit());
        assertTrue(oneLine(opt).contains("'1e3000000' is not allowed; an amount in yuan from 0 to"), opt.err());
        assertTrue(opt.out().isEmpty(), "nothing printed, certainly not 72 MB");

        Path csv = input(dir.resolve("p.csv"), HEADER + "1,wuhan,2025-09,1e999999999,1\n2,wuhan,2025-09,1e99999999x,1\n"
                + "3,wuhan,2025-09,3450,1\n");
        Path jsonl = input(dir.resolve("p.jsonl"), "{\"id\":\"1\",\"region\":\"wuhan\",\"period\":\"2025-09\",\"wage\":1e999999999,\"risk_class\":1}\n"
                + "{\"id\":\"2\",\"region\":\"wuhan\",\"period\":\"2025-09\",\"wage\":3450,\"risk_class\":1}\n");
        for (Path in : List.of(csv, jsonl)) {
            Path out = dir.resolve(in.getFileName() + ".out.csv");
            Path err = dir.resolve(in.getFileName() + ".err.csv");
            CliProcess.Outcome o = CliProcess.run("batch", "--in", in.toString(), "--out", out.toString(), "--errors", err.toString());
            assertEquals(1, o.exit(), o.err());
            assertTrue(oneLine(o).contains("rows read " + (dataLines(in) + (in == jsonl ? 1 : 0))), o.err());
            assertEquals(dataLines(in) + (in == jsonl ? 1 : 0), dataLines(out) + dataLines(err));
            assertTrue(Files.readString(err).contains(",wage,"), Files.readString(err));
        }

        Path pack = input(dir.resolve("pack/p.yaml"), "region: hubei\nparameters:\n  work_injury.reduction_factor:\n"
                + "    unit: factor\n    values:\n      - {from: 2025-07-01, value: 1e999999999, reference: r, provenance: secondary}\n");
        CliProcess.Outcome p = CliProcess.run("contribution", "--region", "wuhan", "--period", "2025-09", "--base", "5000",
                "--risk-class", "1", "--parameters", pack.getParent().toString());
        assertEquals(2, p.exit());
        assertTrue(oneLine(p).startsWith("shebao: pack/p.yaml:6: work_injury.reduction_factor: value '1e999999999' is not a valid factor"),
                p.err());

        Path scen = input(dir.resolve("s.yaml"), "name: crafted\ndescription: x\noverrides:\n  - parameter: contribution_base.ceiling\n"
                + "    region: wuhan\n    from: 2025-07\n    value: 1e999999999\n    reference: r\n");
        CliProcess.Outcome s = CliProcess.run("contribution", "--region", "wuhan", "--period", "2025-09", "--wage", "5000",
                "--risk-class", "1", "--scenario", scen.toString());
        assertEquals(2, s.exit());
        assertTrue(oneLine(s).contains("s.yaml:") && s.err().contains("1e999999999"), s.err());
        inputsUntouched();
    }

    /** Class 4: cells starting with a formula character are neutralised in results and error files. */
    @Test
    void formulaCellsAreNeutralised(@TempDir Path dir) throws Exception {
        Path in = input(dir.resolve("p.csv"), HEADER + "=HYPERLINK(\"http://x\"),wuhan,2025-09,3450,1\n"
                + "@SUM(A1),wuhan,2025-09,=1+1,1\n");
        Path out = dir.resolve("r.csv");
        CliProcess.Outcome o = CliProcess.run("batch", "--in", in.toString(), "--out", out.toString());
        assertEquals(1, o.exit(), o.err());
        assertTrue(oneLine(o).contains("rows read 2, written 1, in error 1"), o.err());
        String results = Files.readString(out);
        String errors = Files.readString(dir.resolve("r.errors.csv"));
        assertTrue(results.contains("\n1,\"'=HYPERLINK(\"\"http://x\"\")\",wuhan,"), results);
        assertTrue(errors.contains("\n2,'@SUM(A1),wage,'=1+1,"), errors);
        for (String line : (results + errors).split("\n")) {
            for (String cell : line.split(",")) {
                assertFalse(cell.startsWith("=") || cell.startsWith("@") || cell.startsWith("\"="), line);
            }
        }
        inputsUntouched();
    }

    /** Class 5: failures mid-run leave the previous outputs untouched; write errors on stdout are exit 3. */
    @Test
    void aFailureMidRunLeavesThePreviousOutputsWhole(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder(HEADER).append(rows(1, 5000));
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = "5001,wuhan,2025-09,34\u00ff50,1\n".getBytes(StandardCharsets.ISO_8859_1); // not UTF-8, 100 KB in
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Path in = input(dir.resolve("p.csv"), all);
        Path out = dir.resolve("r.csv");
        Path err = dir.resolve("e.csv");
        Path audit = dir.resolve("a.jsonl");
        Files.writeString(out, "previous results\n");
        Files.writeString(err, "previous errors\n");
        Files.writeString(audit, "");
        CliProcess.Outcome o = CliProcess.run("batch", "--in", in.toString(), "--out", out.toString(), "--errors",
                err.toString(), "--audit-out", audit.toString());
        assertEquals(2, o.exit(), o.err());
        String line = oneLine(o);
        assertTrue(line.startsWith("shebao: stopped after ") && line.contains("rows read") && line.contains("not valid UTF-8")
                && line.endsWith("no output of this run was kept"), line);
        assertEquals("previous results\n", Files.readString(out));
        assertEquals("previous errors\n", Files.readString(err));
        assertEquals(0, Files.size(audit), "the audit appends of a failed run are rolled back");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".part")).toList());
        }
        inputsUntouched();
    }

    @Test
    void aFullStdoutIsAFailureNamingStdout() throws Exception {
        if (!Files.isWritable(Path.of("/dev/full"))) {
            return; // not on this system
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", CliProcess.jar().toString(), "contribution", "--region", "wuhan", "--period", "2025-09",
                "--base", "5000", "--risk-class", "1"));
        Process p = new ProcessBuilder(cmd).redirectOutput(new java.io.File("/dev/full")).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(3, p.waitFor(), err);
        assertEquals("shebao: stdout: cannot be written (a full disk or a closed pipe); the output is incomplete", err.strip());
    }

    /** Class 6: YAML limits and encodings, and pack values checked for meaning, exit 2 with file:line. */
    @Test
    void yamlLimitsEncodingsAndMeaning(@TempDir Path dir) throws Exception {
        Map<String, byte[]> packs = new LinkedHashMap<>();
        packs.put("alias", ("a: &a [x, x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n").getBytes(StandardCharsets.UTF_8));
        packs.put("nul", "region: hubei\nparameters:\u0000\n".getBytes(StandardCharsets.UTF_8));
        packs.put("gbk", new byte[]{'r', 'e', 'g', 'i', 'o', 'n', ':', ' ', (byte) 0xD6, (byte) 0xD0, '\n'});
        packs.put("deep", ("a: " + "[".repeat(1000) + "]".repeat(1000) + "\n").getBytes(StandardCharsets.UTF_8));
        packs.put("sideways", ("region: hubei\nparameters:\n  contribution.rounding.mode:\n    unit: text\n    values:\n"
                + "      - {from: 2025-01-01, value: SIDEWAYS, reference: r, provenance: secondary}\n").getBytes(StandardCharsets.UTF_8));
        packs.put("floor", ("region: wuhan\nparameters:\n  contribution_base.floor:\n    unit: yuan\n    values:\n"
                + "      - {from: 2025-07-01, until: 2026-06-30, value: 30000, reference: r, provenance: secondary}\n")
                .getBytes(StandardCharsets.UTF_8));
        String[] expected = {"alias/p.yaml:1: anchors and aliases", "nul/p.yaml:2: control character U+0000",
                "gbk/p.yaml:1: not UTF-8 text", "deep/p.yaml:1: nested more than 50",
                "sideways/p.yaml:6: contribution.rounding.mode: value 'SIDEWAYS' is not one of",
                "floor/p.yaml:6: contribution_base.floor 30000 for wuhan in 2025-07 is above contribution_base.ceiling 22488"};
        int i = 0;
        for (Map.Entry<String, byte[]> e : packs.entrySet()) {
            Path pack = input(dir.resolve(e.getKey()).resolve("p.yaml"), e.getValue()).getParent();
            CliProcess.Outcome o = CliProcess.run("contribution", "--region", "wuhan", "--period", "2025-09", "--base", "5000",
                    "--risk-class", "1", "--parameters", pack.toString());
            assertEquals(2, o.exit(), e.getKey() + ": " + o.err());
            assertEquals("shebao: " + expected[i++], oneLine(o).substring(0, ("shebao: " + expected[i - 1]).length()), o.err());
        }
        inputsUntouched();
    }

    /** Class 7: replay of a 6 MB line at the documented 64 MB heap: an invalid record, the others replayed. */
    @Test
    void replayInBoundedMemory(@TempDir Path dir) throws Exception {
        Path audit = dir.resolve("a.jsonl");
        assertEquals(0, CliProcess.run("contribution", "--region", "wuhan", "--period", "2025-09", "--wage", "5000",
                "--risk-class", "1", "--audit-out", audit.toString()).exit());
        String rec = Files.readString(audit);
        input(audit, rec + "{\"x\":\"" + "y".repeat(6_000_000) + "\"}\n" + rec);
        CliProcess.Outcome o = CliProcess.runJvm(List.of("-Xmx64m"), "replay", audit.toString());
        assertEquals(2, o.exit(), o.err() + o.out());
        assertTrue(o.out().contains("line 2: invalid") && o.out().contains("longer than 4194304 characters"), o.out());
        assertTrue(o.out().contains("3 replayed"), o.out());
        inputsUntouched();
    }

    /** Class 7: explain checks digest and signature and says so before presenting the record. */
    @Test
    void explainSaysWhetherTheRecordIsSealed(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        assertEquals(0, CliProcess.run("keys", "generate", "--out", keys.toString()).exit());
        Path audit = dir.resolve("a.jsonl");
        assertEquals(0, CliProcess.run("contribution", "--region", "wuhan", "--period", "2025-09", "--wage", "5000",
                "--risk-class", "1", "--audit-out", audit.toString(), "--sign-key", keys.resolve("shebao-audit.key").toString()).exit());
        String pub = keys.resolve("shebao-audit.pub").toString();
        CliProcess.Outcome good = CliProcess.run("explain", audit.toString(), "--lang", "en", "--verify-key", pub);
        assertEquals(0, good.exit(), good.err());
        assertTrue(good.out().contains("signature verified"), good.out());
        // edit the result and recompute the digest: the digest matches, the signature is stale
        ObjectMapper m = new ObjectMapper();
        ObjectNode n = (ObjectNode) m.readTree(Files.readString(audit).strip());
        ((ObjectNode) n.get("result")).put("forged", "yes");
        n.put("digest", AuditRecord.digestOf(n));
        Path edited = input(dir.resolve("edited.jsonl"), m.writeValueAsString(n) + "\n");
        CliProcess.Outcome bad = CliProcess.run("explain", edited.toString(), "--lang", "en", "--verify-key", pub);
        assertEquals(2, bad.exit(), bad.out());
        assertTrue(bad.out().contains("WARNING: the signature does not verify"), bad.out());
        CliProcess.Outcome unverified = CliProcess.run("explain", edited.toString(), "--lang", "en");
        assertTrue(unverified.out().contains("signature NOT verified: give --verify-key"), unverified.out());
        inputsUntouched();
    }

    /** Class 8: strict JSONL: duplicate keys, trailing content, a second object, a bad first line: row errors. */
    @Test
    void strictJsonl(@TempDir Path dir) throws Exception {
        String ok = "{\"id\":\"9\",\"region\":\"wuhan\",\"period\":\"2025-09\",\"wage\":3450,\"risk_class\":1}";
        Path in = input(dir.resolve("p.jsonl"), "not json at all\n"
                + "{\"id\":\"2\",\"id\":\"3\",\"region\":\"wuhan\",\"period\":\"2025-09\",\"wage\":3450,\"risk_class\":1}\n"
                + ok + " trailing\n" + ok + ok + "\n" + ok + "\n");
        Path out = dir.resolve("r.csv");
        CliProcess.Outcome o = CliProcess.run("batch", "--in", in.toString(), "--out", out.toString());
        assertEquals(1, o.exit(), o.err());
        assertTrue(oneLine(o).contains("rows read 5, written 1, in error 4"), o.err());
        assertEquals(List.of("1", "2", "3", "4"), Files.readAllLines(dir.resolve("r.errors.csv")).stream().skip(1)
                .map(l -> l.substring(0, l.indexOf(','))).toList());
        inputsUntouched();
    }

    /** Class 9: control characters escaped, ASCII digits only, birth year 0, empty path options. */
    @Test
    void controlCharactersDigitsBirthYearZeroAndEmptyPaths(@TempDir Path dir) throws Exception {
        CliProcess.Outcome esc = CliProcess.run("contribution", "--region", "wu\u001b[2Jhan\nfake line", "--period", "2025-09",
                "--base", "5000", "--risk-class", "1");
        assertEquals(2, esc.exit());
        assertTrue(oneLine(esc).contains("wu\\e[2Jhan\\nfake line"), esc.err());
        assertFalse(esc.err().contains("\u001b"));

        CliProcess.Outcome digits = CliProcess.run("contribution", "--region", "wuhan", "--period", "2025-09", "--base",
                "３４５０", "--risk-class", "1");
        assertEquals(2, digits.exit());
        assertTrue(oneLine(digits).contains("'３４５０' is not allowed"), digits.err());

        CliProcess.Outcome birth = CliProcess.run("retirement", "--region", "wuhan", "--sex", "male", "--birth", "0000-03",
                "--contribution-months", "180");
        assertEquals(2, birth.exit());
        assertTrue(oneLine(birth).contains("'0000-03' is not a month"), birth.err());

        CliProcess.Outcome params = CliProcess.run("contribution", "--region", "wuhan", "--period", "2025-09", "--base", "5000",
                "--risk-class", "1", "--parameters", "");
        assertEquals(2, params.exit());
        assertTrue(oneLine(params).contains("--parameters") && params.err().contains("'' is not allowed"), params.err());
        CliProcess.Outcome keys = CliProcess.run("keys", "generate", "--out", "");
        assertEquals(2, keys.exit());
        assertTrue(oneLine(keys).contains("--out") && keys.err().contains("'' is not allowed"), keys.err());
        assertFalse(Files.exists(Path.of("shebao-audit.key")), "no private key written into the working directory");

        // whatif without --errors prints row errors on stderr: an id with a line break stays on its one line
        Path people = input(dir.resolve("people.csv"), HEADER + rows(1, 2) + "\"bad\nid\",nowhere,2025-09,5000,1\n");
        Path scenario = input(dir.resolve("s.yaml"), Files.readString(Path.of("..", "examples", "scenarios",
                "ceiling-raised.yaml")));
        CliProcess.Outcome whatif = CliProcess.run("whatif", "--scenario", scenario.toString(), "--population",
                people.toString(), "--format", "json");
        assertEquals(1, whatif.exit(), whatif.err());
        assertTrue(whatif.err().lines().anyMatch(l -> l.startsWith("3,") && l.contains("bad\\nid")), whatif.err());
        inputsUntouched();
    }
}
