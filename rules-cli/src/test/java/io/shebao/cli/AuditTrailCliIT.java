package io.shebao.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Version-2 audit trails through the built CLI (issue 13): {@code batch --audit-out} writes a header and compact
 * rows, {@code replay} and {@code explain} read them, a signed trail detects a row moved under another header,
 * and version-1 files written by {@code batch --audit-version 1} still replay.
 */
class AuditTrailCliIT {
    private static final Path SAMPLE = Path.of("..", "examples", "data", "sample-population.csv");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void batchWritesAVersion3TrailThatReplaysAndExplains(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.csv");
        Path trail = dir.resolve("trail.jsonl");
        CliProcess.Outcome b = CliProcess.run("batch", "--in", SAMPLE.toString(), "--out", out.toString(),
                "--audit-out", trail.toString(), "--threads", "2");
        assertTrue(b.exit() == 0 || b.exit() == 1, b.err());
        List<String> lines = Files.readAllLines(trail, StandardCharsets.UTF_8);
        ObjectNode header = (ObjectNode) JSON.readTree(lines.get(0));
        assertEquals(3, header.get("formatVersion").asInt());
        assertEquals("header", header.get("record").asText());
        assertTrue(header.get("rules").size() > 10 && header.get("parameters").size() > 10, lines.get(0));
        long rows = lines.stream().filter(l -> l.startsWith("{\"kind\"")).count();
        // a contribution row cites its case, defined before it
        assertTrue(lines.stream().filter(l -> l.startsWith("{\"kind\":\"contribution\"")).allMatch(l -> l.contains(",\"case\":\"")),
                "every contribution row cites its case");
        long results = Files.readAllLines(out).size() - 1;
        assertTrue(rows >= results, rows + " rows for " + results + " results");

        // the same file from a per-row run: the planner gives the same complete results
        Path perRow = dir.resolve("per-row.jsonl");
        assertEquals(b.exit(), CliProcess.run("batch", "--in", SAMPLE.toString(), "--out", dir.resolve("p.csv").toString(),
                "--audit-out", perRow.toString(), "--per-row", "--threads", "1").exit());
        assertArrayEquals(Files.readAllBytes(trail), Files.readAllBytes(perRow), "planned and per-row trails are byte-identical");

        CliProcess.Outcome r = CliProcess.run("replay", trail.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().strip().endsWith(rows + " replayed, " + rows + " identical, 0 changed-hash-only, 0 different, 0 invalid"),
                r.out());
        CliProcess.Outcome slow = CliProcess.run("replay", trail.toString(), "--per-record", "--threads", "1");
        assertEquals(r.out(), slow.out());

        int first = 1;
        while (!lines.get(first).startsWith("{\"kind\"")) {
            first++;
        }
        CliProcess.Outcome e = CliProcess.run("explain", trail.toString(), "--line", String.valueOf(first + 1), "--lang", "en");
        assertEquals(0, e.exit(), e.err());
        assertTrue(e.out().contains("C-TOT-01") || e.out().contains("total"), e.out());

        // an edited amount: different, with its path
        List<String> edited = new ArrayList<>(lines);
        edited.set(first, lines.get(first).replaceFirst("(\"totals\":\\[\"[0-9.]+\",\"[0-9.]+\",)\"[0-9.]+\"", "$1\"1.00\""));
        assertTrue(!edited.get(first).equals(lines.get(first)), "the total was edited: " + lines.get(first));
        Path bad = dir.resolve("edited.jsonl");
        Files.write(bad, edited, StandardCharsets.UTF_8);
        CliProcess.Outcome x = CliProcess.run("replay", bad.toString());
        assertEquals(2, x.exit(), x.out());
        assertTrue(x.out().contains("line " + (first + 1) + ": invalid") && x.out().contains("/result/totals/total"), x.out());

        // version 2 on request: each row with its result and trace, the same records when read back
        Path v2 = dir.resolve("v2.jsonl");
        assertEquals(b.exit(), CliProcess.run("batch", "--in", SAMPLE.toString(), "--out", dir.resolve("v2.csv").toString(),
                "--audit-out", v2.toString(), "--audit-version", "2", "--threads", "2").exit());
        List<String> l2 = Files.readAllLines(v2, StandardCharsets.UTF_8);
        assertEquals(2, JSON.readTree(l2.get(0)).get("formatVersion").asInt());
        assertTrue(l2.stream().anyMatch(l -> l.startsWith("{\"kind\"") && l.contains("\"result\":{")), "version-2 rows");
        CliProcess.Outcome r2 = CliProcess.run("replay", v2.toString());
        assertEquals(r.out(), r2.out());
        CliProcess.Outcome e2 = CliProcess.run("explain", v2.toString(), "--line", String.valueOf(first + 1), "--lang", "en");
        assertEquals(e.out().replaceAll("[0-9a-f]{64}", "H"), e2.out().replaceAll("[0-9a-f]{64}", "H"),
                "the same explanation from either version");
    }

    @Test
    void aSignedRowMovedUnderAnotherHeaderFailsAndVersion1StillReplays(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        assertEquals(0, CliProcess.run("keys", "generate", "--out", keys.toString()).exit());
        String key = keys.resolve("shebao-audit.key").toString();
        String pub = keys.resolve("shebao-audit.pub").toString();
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        CliProcess.run("batch", "--in", SAMPLE.toString(), "--out", dir.resolve("a.csv").toString(), "--audit-out", a.toString(),
                "--sign-key", key);
        CliProcess.run("batch", "--in", SAMPLE.toString(), "--out", dir.resolve("b.csv").toString(), "--audit-out", b.toString(),
                "--sign-key", key, "--scenario", Path.of("..", "examples", "scenarios", "no-unemployment-reduction.yaml").toString());
        CliProcess.Outcome ok = CliProcess.run("replay", a.toString(), "--verify-key", pub);
        assertEquals(0, ok.exit(), ok.out());

        List<String> la = Files.readAllLines(a, StandardCharsets.UTF_8);
        List<String> lb = Files.readAllLines(b, StandardCharsets.UTF_8);
        String moved = lb.stream().filter(l -> l.startsWith("{\"kind\"")).findFirst().orElseThrow();
        // the forger also rewrites the header reference, so the row claims a's header
        String ref = JSON.readTree(la.get(0)).get("digest").asText().substring(0, 16);
        moved = moved.replaceFirst("\"header\":\"[0-9a-f]+\"", "\"header\":\"" + ref + "\"");
        List<String> mixed = new ArrayList<>(la);
        mixed.add(moved);
        Path m = dir.resolve("mixed.jsonl");
        Files.write(m, mixed, StandardCharsets.UTF_8);
        CliProcess.Outcome r = CliProcess.run("replay", m.toString(), "--verify-key", pub);
        assertEquals(2, r.exit(), r.out());
        // invalid either way: its digest covers b's header, and the messages it cites are b's, not defined in a
        assertTrue(r.out().contains("line " + mixed.size() + ": invalid") && (r.out().contains("digest does not match")
                || r.out().contains("is not defined by a messages line")), r.out());
        assertTrue(r.out().strip().endsWith("1 invalid"), r.out());

        Path v1 = dir.resolve("v1.jsonl");
        CliProcess.run("batch", "--in", SAMPLE.toString(), "--out", dir.resolve("v1.csv").toString(), "--audit-out", v1.toString(),
                "--audit-version", "1", "--sign-key", key);
        String firstV1 = Files.readAllLines(v1, StandardCharsets.UTF_8).get(0);
        assertTrue(firstV1.startsWith("{\"format\":\"shebao-audit\",\"formatVersion\":1,"), firstV1);
        CliProcess.Outcome r1 = CliProcess.run("replay", v1.toString(), "--verify-key", pub);
        assertEquals(0, r1.exit(), r1.out());
        CliProcess.Outcome e1 = CliProcess.run("explain", v1.toString(), "--line", "1");
        assertEquals(0, e1.exit(), e1.err());
    }
}
