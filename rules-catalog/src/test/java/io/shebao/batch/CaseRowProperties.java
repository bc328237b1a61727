package io.shebao.batch;

import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.audit.AuditHeader;
import io.shebao.audit.AuditRecord;
import io.shebao.audit.AuditTrailReader;
import io.shebao.audit.AuditTrailWriter;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.trace.Message;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Version-3 rows (a contribution row citing its case, docs/AUDIT.md) read back as exactly the record of the row's
 * complete result: each row of random populations over several months, written three ways into a version-3 trail —
 * by the planner's case key ({@link ContributionPlanner#trailRow}), from the planner's complete result and from the
 * rules' own result (cases found by comparing the row's notes with the cases met) — expands to the content a
 * version-2 trail gives for the rules' result (but {@code formatVersion}), with a digest that matches.
 */
class CaseRowProperties {
    private static final ShebaoRules RULES = ShebaoRules.load();

    @Provide
    Arbitrary<List<ContributionRequest>> populationsOverMonths() {
        return new PlanEquivalenceProperties().populationsOverMonths();
    }

    @Property(tries = 60)
    void caseRowsReadBackAsTheRecordsOfTheirResults(@ForAll("populationsOverMonths") List<ContributionRequest> population)
            throws IOException {
        ContributionPlanner planner = new ContributionPlanner(RULES);
        List<ContributionRequest> rows = new ArrayList<>();
        List<ContributionResult> truth = new ArrayList<>();
        Path dir = Files.createTempDirectory("case-rows");
        Path v2 = dir.resolve("v2.jsonl");
        Path v3 = dir.resolve("v3.jsonl");
        int keyed = 0;
        try (AuditTrailWriter w2 = AuditTrailWriter.append(v2, RULES, Optional.empty(), Optional.empty(), 2);
             AuditTrailWriter w3 = AuditTrailWriter.append(v3, RULES, Optional.empty(), Optional.empty(), 3)) {
            for (int pass = 0; pass < 2; pass++) {
                for (ContributionRequest req : population) {
                    ContributionResult rules;
                    try {
                        rules = RULES.contribution(req);
                    } catch (ShebaoException e) {
                        continue;
                    }
                    ContributionPlanner.TrailRow t = planner.trailRow(req);
                    AuditHeader.Rows c2 = new AuditHeader.Rows(4096);
                    AuditHeader.Rows c3 = new AuditHeader.Rows(4096);
                    w3.contributionRow(c3, req, t.result(), t.caseKey(), t.notesAmount());
                    w3.contributionRow(c3, req, planner.complete(req));
                    w3.contributionRow(c3, req, rules);
                    for (int i = 0; i < 3; i++) {
                        w2.contributionRow(c2, req, rules);
                        rows.add(req);
                        truth.add(rules);
                    }
                    keyed += t.caseKey() != null ? 1 : 0;
                    w2.append(c2);
                    w3.append(c3);
                }
            }
        }
        List<AuditRecord> two = read(v2);
        List<AuditRecord> three = read(v3);
        assertEquals(truth.size(), two.size());
        assertEquals(truth.size(), three.size());
        for (int i = 0; i < three.size(); i++) {
            AuditRecord a = two.get(i);
            AuditRecord b = three.get(i);
            assertTrue(a.digestMatches() && b.digestMatches(), "row " + i);
            assertEquals(2, a.formatVersion());
            assertEquals(3, b.formatVersion());
            // the content but its version: hashes, layers, request, result and trace
            String at = "row " + i + " of " + rows.get(i);
            assertEquals(a.ruleSetHash(), b.ruleSetHash(), at);
            assertEquals(a.parameterSetHash(), b.parameterSetHash(), at);
            assertEquals(a.parameterLayers(), b.parameterLayers(), at);
            assertEquals(a.kind(), b.kind(), at);
            assertEquals(a.request(), b.request(), at);
            assertEquals(a.result(), b.result(), at);
            assertEquals(a.trace(), b.trace(), at);
        }
        String text = Files.readString(v3, StandardCharsets.UTF_8);
        Statistics.label("rows").collect(keyed > 0 ? "some by case key" : "none by case key");
        Statistics.label("notes").collect(text.contains("\"zh\":[") ? "a note states the amount" : "no note states the amount");
        Statistics.label("rows").coverage(c -> c.check("some by case key").count(n -> n > 0));
        Statistics.label("notes").coverage(c -> c.check("a note states the amount").count(n -> n > 0));
    }

    /**
     * A note in which the row's amount appears twice, and one in which another row's amount appears by chance
     * ("3450" in "下限 3450" for a wage of 345): the case marks the first occurrence, and the row reads back as its
     * own text; two rows whose texts only fit different marks cite two cases.
     */
    @Example
    void anAmountFoundTwiceOrByChanceReadsBackAsItsText() throws IOException {
        ContributionRequest a = ContributionRequest.builder("yichang", YearMonth.of(2023, 5))
                .wage(new BigDecimal("345")).riskClass(1).build();
        ContributionRequest b = ContributionRequest.builder("yichang", YearMonth.of(2023, 5))
                .wage(new BigDecimal("3450")).riskClass(1).build();
        ContributionResult ra = RULES.contribution(a);
        ContributionResult rb = RULES.contribution(b);
        ContributionResult na = withNotes(ra, List.of(new Message("X", "申报工资 345 低于下限 3450", "wage 345 345")));
        ContributionResult nb = withNotes(rb, List.of(new Message("X", "申报工资 3450 低于下限 3450", "wage 3450 3450")));
        Path file = Files.createTempDirectory("case-rows").resolve("t.jsonl");
        try (AuditTrailWriter w = AuditTrailWriter.append(file, RULES, Optional.empty(), Optional.empty(), 3)) {
            AuditHeader.Rows c = new AuditHeader.Rows(4096);
            w.contributionRow(c, a, na);
            w.contributionRow(c, b, nb);
            w.append(c);
        }
        List<AuditRecord> rs = read(file);
        assertEquals("申报工资 345 低于下限 3450", rs.get(0).result().get("notes").get(0).get("zh").asText());
        assertEquals("wage 3450 3450", rs.get(1).result().get("notes").get(0).get("en").asText());
        assertTrue(rs.get(0).digestMatches() && rs.get(1).digestMatches());
        List<String> lines = Files.readAllLines(file);
        String caseA = caseOf(lines, 345);
        String caseB = caseOf(lines, 3450);
        assertTrue(!caseA.equals(caseB), "the two rows' texts fit different marks: " + lines);
    }

    /**
     * A messages entry that has a message's keys and a case's base adjustment, cited as a row's case (row re-sealed):
     * neither reader nor replay takes it for a case — the row is invalid, with its line, on both replay paths.
     */
    @Example
    void aMessageCitedAsACaseIsInvalidNotACrash() throws Exception {
        ContributionRequest a = ContributionRequest.builder("wuhan", YearMonth.of(2025, 7))
                .wage(new BigDecimal("8000")).riskClass(2).build();
        Path file = Files.createTempDirectory("case-rows").resolve("t.jsonl");
        try (AuditTrailWriter w = AuditTrailWriter.append(file, RULES, Optional.empty(), Optional.empty(), 3)) {
            AuditHeader.Rows c = new AuditHeader.Rows(4096);
            w.contributionRow(c, a, RULES.contribution(a));
            w.append(c);
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode fake = json.createObjectNode().put("code", "X").put("zh", "x")
                .put("en", "x").put("baseAdjustment", "WITHIN_LIMITS");
        String ref = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(io.shebao.internal.json.Json.write(fake, false).getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        String header = json.readTree(lines.get(0)).get("digest").asText();
        com.fasterxml.jackson.databind.node.ObjectNode m = json.createObjectNode().put("record", "messages")
                .put("header", header.substring(0, AuditHeader.REFERENCE_LENGTH));
        m.putObject("entries").set(ref, fake);
        int last = lines.size() - 1;
        com.fasterxml.jackson.databind.node.ObjectNode row = (com.fasterxml.jackson.databind.node.ObjectNode)
                json.readTree(lines.get(last));
        row.put("case", ref);
        row.remove("digest");
        row.put("digest", AuditHeader.rowDigest(header, io.shebao.internal.json.Json.write(row, false)));
        lines.add(last, io.shebao.internal.json.Json.write(m, false));
        lines.set(last + 1, io.shebao.internal.json.Json.write(row, false));
        String text = String.join("\n", lines);
        List<io.shebao.audit.ReplayOutcome> usual = new ArrayList<>();
        RULES.audit().replayAll(new java.io.BufferedReader(new java.io.StringReader(text)), Optional.empty(), usual::add);
        List<io.shebao.audit.ReplayOutcome> batch = new ArrayList<>();
        ReplayRunner.builder(RULES.audit()).threads(2).build()
                .run(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), batch::add);
        assertEquals(usual, batch);
        io.shebao.audit.ReplayOutcome o = usual.get(usual.size() - 1);
        assertEquals(io.shebao.audit.ReplayStatus.INVALID, o.status());
        assertTrue(o.problems().toString().contains("is not defined by a messages line"), o.problems().toString());
    }

    private static String caseOf(List<String> lines, int wage) {
        for (String l : lines) {
            if (l.contains("\"wage\":\"" + wage + "\"")) {
                return l.replaceAll(".*\"case\":\"([0-9a-f]{32})\".*", "$1");
            }
        }
        throw new AssertionError("no row of wage " + wage);
    }

    private static ContributionResult withNotes(ContributionResult r, List<Message> notes) {
        return new ContributionResult(r.request(), r.lines(), r.totals(), r.baseAdjustment(), notes, r.warnings(), r.trace());
    }

    private static List<AuditRecord> read(Path file) throws IOException {
        AuditTrailReader reader = new AuditTrailReader();
        List<AuditRecord> out = new ArrayList<>();
        long n = 0;
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            AuditTrailReader.Entry e = reader.read(l, ++n);
            if (e instanceof AuditTrailReader.Unreadable u) {
                throw new AssertionError("line " + n + ": " + u.problem());
            }
            if (e instanceof AuditTrailReader.Record r) {
                out.add(r.record());
            }
        }
        return out;
    }
}
