package io.shebao.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.audit.AuditHeader;
import io.shebao.audit.AuditKeys;
import io.shebao.audit.AuditRecord;
import io.shebao.audit.SigningKey;
import io.shebao.audit.EvaluationKind;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.internal.json.ContributionJson;
import io.shebao.internal.json.Json;
import io.shebao.trace.Message;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The batch's audit rows ({@link AuditHeader#contributionRow}, written from the result without a JSON tree and
 * citing messages by their objects) are the rows {@link AuditHeader#row} writes from {@code ContributionJson}'s
 * request and result: the same line, byte for byte, and the same messages cited in the same order (the writer
 * defines them in that order).
 */
class ContributionRowProperties {
    private static final ShebaoRules RULES = ShebaoRules.load();

    @Provide
    Arbitrary<List<ContributionRequest>> populationsOverMonths() {
        return new PlanEquivalenceProperties().populationsOverMonths();
    }

    /**
     * Rows of planned results (whose messages are their plan's objects, met again by later rows) and of the
     * rules' own results (new objects with the same texts), each met twice, in one section.
     */
    @Property(tries = 120)
    void batchRowsAreTheRowsOfTheirJson(@ForAll("populationsOverMonths") List<ContributionRequest> population) {
        AuditHeader header = AuditHeader.of(RULES, Optional.empty());
        ContributionPlanner planner = new ContributionPlanner(RULES);
        for (int pass = 0; pass < 2; pass++) {
            for (ContributionRequest req : population) {
                ContributionResult planned;
                try {
                    planned = planner.complete(req);
                } catch (ShebaoException e) {
                    continue;
                }
                for (ContributionResult r : List.of(planned, RULES.contribution(req))) {
                    assertSameRow(header, req, r);
                }
                collect(planned, req);
            }
        }
        // "cited alone" (one note, not stating the amount) is rare in these populations, and some seeds draw
        // none (seed -9045112926751911829): aNoteCitedAloneIsCitedByItsReference covers it on every run
        Statistics.label("notes").coverage(c -> {
            c.check("cited as a list").count(n -> n > 0);
            c.check("stating the amount").count(n -> n > 0);
            c.check("none").count(n -> n > 0);
        });
    }

    /** One note that does not state the amount: cited by its reference alone, not as a list. */
    @Example
    void aNoteCitedAloneIsCitedByItsReference() {
        AuditHeader header = AuditHeader.of(RULES, Optional.empty());
        ContributionRequest req = ContributionRequest.builder("yichang", YearMonth.of(2023, 5))
                .wage(new BigDecimal("4000")).riskClass(1).build();
        ContributionResult r = RULES.contribution(req);
        List<Message> one = List.of(new Message("SECONDARY_SOURCE", "某参数来自二手资料", "a value from a secondary source"));
        String line = assertSameRow(header, req, withNotes(r, one));
        assertTrue(line.matches(".*\"notes\":\\[\"[0-9a-f]{32}\"\\].*"), line);
    }

    /**
     * A result whose own request is not the row's (another month): its region and period are written in the
     * result, as the general path writes them (the planner and the evaluator always answer the row's request,
     * so the populations above never reach this branch).
     */
    @Example
    void aResultForAnotherMonthStatesItsRegionAndPeriod() {
        AuditHeader header = AuditHeader.of(RULES, Optional.empty());
        ContributionRequest req = wuhan8000();
        ContributionRequest other = ContributionRequest.builder("wuhan", YearMonth.of(2024, 4))
                .wage(new BigDecimal("8000")).riskClass(2).build();
        ContributionResult r = RULES.contribution(other);
        ContributionResult moved = new ContributionResult(other, r.lines(), r.totals(), r.baseAdjustment(), r.notes(),
                r.warnings(), r.trace());
        String line = assertSameRow(header, req, moved);
        assertTrue(line.contains("\"result\":{\"region\":\"wuhan\",\"period\":\"2024-04\""), line);
    }

    /**
     * A text beyond the Basic Multilingual Plane (a rare 汉字, 𠮷, two UTF-16 chars) is written as its own four
     * UTF-8 bytes, as the general path writes it, in a note stating the amount (written out in the row) and in one
     * that does not (cited, defined in a messages line).
     */
    @Example
    void aCharacterBeyondTheBasicPlaneIsWrittenAsItsOwnBytes() {
        AuditHeader header = AuditHeader.of(RULES, Optional.empty());
        ContributionRequest req = wuhan8000();
        ContributionResult r = RULES.contribution(req);
        List<Message> notes = List.of(new Message("NOTE_A", "吉𠮷 申报工资 8000", "𠮷 wage 8000"),
                new Message("NOTE_B", "𠮷野家", "𠮷"));
        String line = assertSameRow(header, req, withNotes(r, notes));
        assertTrue(line.contains("吉𠮷 申报工资 8000") && !line.contains("\\u"), line);
    }

    /**
     * Texts with characters a JSON string escapes (quotes, a backslash, a line feed, a control character, DEL) and
     * lone surrogates, in
     * a note stating the amount (written out) and in one that does not (cited), and an insurance whose Chinese
     * name is not the header's (written in the row): as the general path writes them.
     */
    @Example
    void textsWithEscapesAndAnotherNameAreWrittenAsTheGeneralPathWritesThem() {
        AuditHeader header = AuditHeader.of(RULES, Optional.empty());
        ContributionRequest req = wuhan8000();
        ContributionResult r = RULES.contribution(req);
        List<Message> notes = List.of(new Message("NOTE_A", "申报工资 \"8000\"\n低于\\下限\u0001", "wage\t8000\u007f"),
                new Message("NOTE_B", "引号\"与\\反斜杠", "quote \" and \u001f"),
                // a lone surrogate each (no character): the general path writes it as UTF-8 writes it, "?"
                new Message("NOTE_C", "工资 8000 \ud842", "wage 8000 \udc00"), new Message("NOTE_D", "孤\ud842", "\udfb7"));
        io.shebao.contribution.ContributionLine l = r.lines().get(0);
        io.shebao.contribution.Insurance renamed = new io.shebao.contribution.Insurance(l.insurance().code(),
                "改名\"险\"", l.insurance().nameEn(), l.insurance().index(), l.insurance().definingParameter(),
                l.insurance().riskClassRequired());
        List<io.shebao.contribution.ContributionLine> lines = new ArrayList<>(r.lines());
        lines.set(0, new io.shebao.contribution.ContributionLine(renamed, l.base(), l.employerRate(), l.employeeRate(),
                l.employer(), l.employee(), l.employeeFixed()));
        ContributionResult edited = new ContributionResult(r.request(), lines, r.totals(), r.baseAdjustment(), notes,
                notes.subList(1, 2), r.trace());
        String line = assertSameRow(header, req, edited);
        assertTrue(line.contains("\"nameZh\":\"改名\\\"险\\\"\"") && line.contains("\\u0001"), line);
    }

    /**
     * A flexible worker's request (contributor, birth month, sex, unit kind) and a base instead of a wage: the
     * request's optional keys in the general path's order.
     */
    @Example
    void aFlexibleWorkersRequestIsWrittenAsTheGeneralPathWritesIt() {
        AuditHeader header = AuditHeader.of(RULES, Optional.empty());
        ContributionRequest req = ContributionRequest.builder("wuhan", YearMonth.of(2025, 3))
                .base(new BigDecimal("6000.5")).contributor(io.shebao.contribution.Contributor.FLEXIBLE)
                .person(YearMonth.of(1980, 4), io.shebao.retirement.Sex.FEMALE).build();
        ContributionResult r;
        try {
            r = RULES.contribution(req);
        } catch (ShebaoException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        String line = assertSameRow(header, req, r);
        assertTrue(line.contains("\"contributor\":\"flexible\"") && line.contains("\"birth\":\"1980-04\""), line);
        ContributionRequest unit = ContributionRequest.builder("wuhan", YearMonth.of(2025, 3)).wage(new BigDecimal("7000"))
                .riskClass(3).unitKind(io.shebao.contribution.UnitKind.values()[0]).allowCarryForward(true).build();
        assertSameRow(header, unit, RULES.contribution(unit));
    }

    /** A signed row with its time: the seal is the definition's, the signature verifies with the public key. */
    @Example
    void aSignedRowWithItsTimeIsSealedAsDefined() throws Exception {
        java.security.KeyPair pair = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        AuditHeader header = AuditHeader.of(RULES, Optional.of(new SigningKey(pair.getPrivate(),
                AuditKeys.keyId(pair.getPublic()))));
        ContributionRequest req = ContributionRequest.builder("yichang", YearMonth.of(2025, 12))
                .wage(new BigDecimal("15960")).riskClass(7).build();
        Instant at = Instant.parse("2026-12-02T07:30:00Z");
        String line = assertSameRow(header, req, RULES.contribution(req), Optional.of(at));
        ObjectNode row = (ObjectNode) Json.MAPPER.readTree(line);
        assertEquals(at.toString(), row.path("evaluatedAt").asText(), line);
        java.security.Signature v = java.security.Signature.getInstance("Ed25519");
        v.initVerify(pair.getPublic());
        v.update(row.path("digest").asText().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(v.verify(java.util.Base64.getDecoder().decode(row.path("signature").asText())), line);
    }

    /** Wuhan, 2024-03, a wage of 8000, risk class 2: the request of the examples that edit its result. */
    private static ContributionRequest wuhan8000() {
        return ContributionRequest.builder("wuhan", YearMonth.of(2024, 3)).wage(new BigDecimal("8000")).riskClass(2).build();
    }

    /** The same result with these notes. */
    private static ContributionResult withNotes(ContributionResult r, List<Message> notes) {
        return new ContributionResult(r.request(), r.lines(), r.totals(), r.baseAdjustment(), notes, r.warnings(),
                r.trace());
    }

    /** The row the batch writes for {@code r} is the general path's, byte for byte, citing the same; its line. */
    private static String assertSameRow(AuditHeader header, ContributionRequest req, ContributionResult r) {
        return assertSameRow(header, req, r, Optional.empty());
    }

    private static String assertSameRow(AuditHeader header, ContributionRequest req, ContributionResult r,
                                        Optional<Instant> at) {
        AuditHeader.Row expected = header.row(EvaluationKind.CONTRIBUTION, ContributionJson.request(req),
                ContributionJson.result(r), r.trace(), at);
        AuditHeader.Row got = header.contributionRow(req, r, at);
        assertEquals(expected.line(), got.line(), req.toString());
        assertEquals(entries(expected.messages()), entries(got.messages()), req.toString());
        // and written after another row in a batch worker's chunk (sealed from where it starts in the buffer)
        AuditHeader.Rows chunk = new AuditHeader.Rows(16);
        chunk.add(expected);
        header.contributionRow(chunk, req, r, at);
        assertEquals(2, chunk.size());
        assertEquals(expected.line(), chunk.line(0), req.toString());
        assertEquals(expected.line(), chunk.line(1), req.toString());
        assertEquals(entries(expected.messages()), entries(chunk.messages(1)), req.toString());
        // both are sealed from bytes: the seal is the definition's, SHA-256 of the header's digest, a line feed
        // and the content (the row without its seal keys), computed here plainly
        try {
            ObjectNode row = (ObjectNode) Json.MAPPER.readTree(got.line());
            String digest = row.remove("digest").asText();
            row.remove(List.of("signature", "evaluatedAt"));
            ObjectNode h = (ObjectNode) Json.MAPPER.readTree(header.line());
            String headerDigest = AuditRecord.digestOf(h);
            String content = Json.write(row, false);
            assertEquals(AuditHeader.rowDigest(headerDigest, content), digest, got.line());
            // and the row's content is what writing its tree gives: the bytes are canonical
            assertTrue(got.line().startsWith(content.substring(0, content.length() - 1) + ",\"digest\":"), got.line());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return got.line();
    }

    private static void collect(ContributionResult r, ContributionRequest req) {
        String amount = req.wage().or(req::base).orElseThrow().toPlainString();
        long stating = r.notes().stream().filter(m -> states(m, amount)).count();
        Statistics.label("notes").collect(r.notes().isEmpty() ? "none" : stating > 0 ? "stating the amount"
                : r.notes().size() >= 2 ? "cited as a list" : "cited alone");
    }

    private static boolean states(Message m, String amount) {
        return m.zh().contains(amount) || m.en().contains(amount);
    }

    private static List<Map.Entry<String, JsonNode>> entries(Map<String, JsonNode> m) {
        return new ArrayList<>(m.entrySet());
    }
}
