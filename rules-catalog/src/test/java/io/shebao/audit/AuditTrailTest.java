package io.shebao.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.ShebaoRules;
import io.shebao.batch.BatchRunner;
import io.shebao.batch.ResultFormat;
import io.shebao.internal.json.Json;
import io.shebao.population.PopulationReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Version-2 trails written by the batch: order, expansion to version-1 content, tampering with header and messages. */
class AuditTrailTest {
    private static final ShebaoRules RULES = ShebaoRules.load();
    private static final Path SAMPLE = Path.of("..", "examples", "data", "sample-population.csv");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> trail(Path dir, String name, int threads, int chunk) throws Exception {
        Path file = dir.resolve(name);
        try (AuditTrailWriter w = AuditTrailWriter.append(file, RULES, Optional.empty(), Optional.empty())) {
            BatchRunner.builder(RULES).threads(threads).chunkSize(chunk).auditTrail(w).build()
                    .run(PopulationReader.open(Files.newInputStream(SAMPLE), PopulationReader.Format.CSV), ResultFormat.CSV,
                            new StringWriter(), new StringWriter());
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private static List<AuditRecord> records(List<String> lines) {
        AuditTrailReader r = new AuditTrailReader();
        List<AuditRecord> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            AuditTrailReader.Entry e = r.read(lines.get(i), i + 1);
            if (e instanceof AuditTrailReader.Record rec) {
                out.add(rec.record());
            } else {
                assertTrue(e instanceof AuditTrailReader.Header || e instanceof AuditTrailReader.Messages, e.toString());
            }
        }
        return out;
    }

    /**
     * A row moved above the messages line defining what it cites is invalid (the message is not yet defined),
     * for the usual replay and for the field-by-field one, while the section's messages are shared by the
     * header's copies rather than copied for every messages line.
     */
    @Test
    void aRowCitingMessagesDefinedAfterItIsNotDecided(@TempDir Path dir) throws Exception {
        List<String> lines = trail(dir, "t.jsonl", 2, 7);
        io.shebao.batch.ContributionPlanner planner = new io.shebao.batch.ContributionPlanner(RULES);
        int moved = 0;
        for (int i = 2; i < lines.size(); i++) {
            if (lines.get(i - 1).startsWith("{\"record\":\"messages\"")
                    && lines.get(i).startsWith("{\"kind\":\"contribution\"")) {
                // one reader, as the batch replay's, which reads ahead of the workers: the header the row would
                // have above the messages line, then the messages line read
                AuditTrailReader reader = new AuditTrailReader();
                for (int j = 0; j < i - 1; j++) {
                    reader.read(lines.get(j), j + 1);
                }
                Optional<AuditHeader> before = reader.header();
                reader.read(lines.get(i - 1), i);
                String row = lines.get(i);
                // in its place (after the messages line) it is decided field by field; above it, not
                assertTrue(RULES.audit().replayIfIdentical(row, i + 1, reader.header().orElseThrow(), Optional.empty(),
                        (view, q) -> planner.complete(q)).isPresent(), row);
                assertTrue(RULES.audit().replayIfIdentical(row, i, before.orElseThrow(), Optional.empty(),
                        (view, q) -> planner.complete(q)).isEmpty(), "cites messages not yet defined: " + row);
                assertTrue(AuditTrailReader.row(row, i, before, "") instanceof AuditTrailReader.Unreadable, row);
                moved++;
            }
        }
        assertTrue(moved > 0, "the sample trail has messages lines before rows citing them");
    }

    @Test
    void sameBytesForAnyThreadsAndChunksAndEachRowExpandsToTheVersion1Content(@TempDir Path dir) throws Exception {
        List<String> one = trail(dir, "one.jsonl", 1, 1024);
        List<String> two = trail(dir, "two.jsonl", 2, 3);
        assertEquals(one, two);
        List<AuditRecord> rs = records(one);
        assertTrue(rs.size() > 250, "rows " + rs.size());
        for (AuditRecord r : rs) {
            assertTrue(r.digestMatches(), r.line());
            AuditRecord v1 = switch (r.kind()) {
                case CONTRIBUTION -> RULES.audit().record(RULES.contribution(ContributionAudit.readRequest(r.request())));
                case RETIREMENT -> RULES.audit().record(RULES.retirement(RetirementAudit.readQuery(r.request())));
                default -> throw new AssertionError("a batch trail holds contribution and retirement rows only: " + r.kind());
            };
            ObjectNode expanded = content(r);
            ObjectNode expected = content(v1);
            expected.put("formatVersion", 2);
            assertEquals(expected, expanded, r.line());
        }
        long bytes = one.stream().filter(l -> l.startsWith("{\"kind\"")).mapToLong(l -> l.getBytes(StandardCharsets.UTF_8).length + 1).sum();
        assertTrue(bytes / rs.size() < 1200, "a row is compact: " + bytes / rs.size() + " bytes on average");
    }

    /** The expanded content of a record: every key of its line except the seal. */
    private static ObjectNode content(AuditRecord r) {
        ObjectNode c = Json.object();
        c.put("format", AuditRecord.FORMAT).put("formatVersion", r.formatVersion()).put("kind", r.kind().code())
                .put("libraryVersion", r.libraryVersion()).put("ruleSetHash", r.ruleSetHash())
                .put("parameterSetHash", r.parameterSetHash());
        ArrayNode layers = c.putArray("parameterLayers");
        r.parameterLayers().forEach(layers::add);
        c.set("request", r.request());
        c.set("result", r.result());
        c.set("trace", r.trace());
        return c;
    }

    @Test
    void anEditedHeaderOrMessageInvalidatesItsLineAndTheRowsThatDependOnIt(@TempDir Path dir) throws Exception {
        List<String> lines = trail(dir, "t.jsonl", 2, 16);
        // the header's first parameter's reference text, as a forger would "correct" it
        ObjectNode header = (ObjectNode) JSON.readTree(lines.get(0));
        ((ObjectNode) header.get("parameters").get(0)).put("reference", "forged");
        List<String> edited = new ArrayList<>(lines);
        edited.set(0, Json.write(header, false));
        List<ReplayOutcome> os = new ArrayList<>();
        ReplayTally t = RULES.audit().replayAll(new BufferedReader(new StringReader(String.join("\n", edited))), Optional.empty(), os::add);
        assertEquals(ReplayStatus.INVALID, os.get(0).status());
        assertTrue(os.get(0).problems().get(0).startsWith("header digest does not match"), os.get(0).problems().toString());
        assertEquals(t.replayed(), t.count(ReplayStatus.INVALID), "every row is sealed over the header's content");

        // a message's text changed: the messages line is invalid, and rows citing it cannot be read
        int m = 1;
        while (!lines.get(m).startsWith("{\"record\":\"messages\"")) {
            m++;
        }
        ObjectNode messages = (ObjectNode) JSON.readTree(lines.get(m));
        Iterator<JsonNode> entries = messages.get("entries").elements();
        JsonNode first = entries.next();
        while (!first.isObject()) {
            first = entries.next();
        }
        ((ObjectNode) first).put("zh", "改过的说明");
        edited = new ArrayList<>(lines);
        edited.set(m, Json.write(messages, false));
        os.clear();
        t = RULES.audit().replayAll(new BufferedReader(new StringReader(String.join("\n", edited))), Optional.empty(), os::add);
        int line = m + 1;
        assertTrue(os.stream().anyMatch(o -> o.line() == line && o.status() == ReplayStatus.INVALID
                && o.problems().get(0).contains("the text was changed")), os.toString());
        assertTrue(os.stream().anyMatch(o -> o.line() > line && o.status() == ReplayStatus.INVALID
                && o.problems().get(0).contains("is not defined by a messages line")), os.toString());

        // untouched: every row identical, and the version-1 path of Audit agrees with the batch replay
        os.clear();
        t = RULES.audit().replayAll(new BufferedReader(new StringReader(String.join("\n", lines))), Optional.empty(), os::add);
        assertEquals(t.replayed(), t.count(ReplayStatus.IDENTICAL), t.summary());
        byte[] a = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        List<ReplayOutcome> batch = new ArrayList<>();
        io.shebao.batch.ReplayRunner.builder(RULES.audit()).threads(2).chunkSize(7).build()
                .run(new java.io.ByteArrayInputStream(a), batch::add);
        assertArrayEquals(os.toArray(), batch.toArray());
    }
}
