package io.shebao.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.audit.AuditHeader;
import io.shebao.audit.AuditKeys;
import io.shebao.audit.AuditRecord;
import io.shebao.audit.AuditTrailWriter;
import io.shebao.audit.EvaluationKind;
import io.shebao.audit.ReplayOutcome;
import io.shebao.audit.SigningKey;
import io.shebao.audit.VerifyingKey;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.internal.json.ContributionJson;
import io.shebao.internal.json.Json;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The batch replay's proof (issue 13): on random populations with random edits (a result amount, a request
 * field, the digest, a trace entry dropped, a note dropped, a line cut, a result forged with a recomputed
 * digest), {@link ReplayRunner} on 2 threads gives exactly the outcomes of the record-by-record
 * {@code Audit.replayAll} on version-1 files, and on the version-2 trail of the same population with the
 * same edits it gives the same verdicts (status, differences, parameter changes, rules, notes, number of
 * problems) as the record-by-record replay of the version-1 file.
 */
class ReplayEquivalenceProperties {
    private static final ShebaoRules RULES = ShebaoRules.load();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path keys;
    private static SigningKey signing;
    private static VerifyingKey verifying;

    @BeforeContainer
    static void keys() throws IOException {
        keys = Files.createTempDirectory("replay-keys");
        AuditKeys.Generated g = AuditKeys.generate(keys);
        signing = AuditKeys.readSigningKey(g.privateKey());
        verifying = AuditKeys.readVerifyingKey(g.publicKey());
    }

    @AfterContainer
    static void removeKeys() throws IOException {
        try (var s = Files.walk(keys)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** An edit: which computed row (modulo their number), what to do, and a variant number. */
    record Edit(int row, int kind, int variant) {
    }

    static final int KINDS = 9;

    @Provide
    Arbitrary<List<ContributionRequest>> populations() {
        return new PlanEquivalenceProperties().populations();
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, KINDS - 1), Arbitraries.integers().between(0, 50)).as(Edit::new)
                .list().ofMaxSize(8);
    }

    /**
     * Random seeds; the seed below is kept as an explicit example (stop 8 reported a version-1 vs version-2
     * difference at its try 41, a Yichang 2023-06 class-7 row at float grade 80%).
     */
    @Property(tries = 45, seed = "6162960242949357054")
    void reportedSeed(@ForAll("populations") List<ContributionRequest> population, @ForAll("edits") List<Edit> edits,
                      @ForAll @IntRange(min = 1, max = 40) int chunk, @ForAll @IntRange(min = 0, max = 3) int signed)
            throws IOException {
        batchReplayEqualsRecordByRecordReplay(population, edits, chunk, signed);
    }

    @Property(tries = 40)
    void batchReplayEqualsRecordByRecordReplay(@ForAll("populations") List<ContributionRequest> population,
                                               @ForAll("edits") List<Edit> edits,
                                               @ForAll @IntRange(min = 1, max = 40) int chunk,
                                               @ForAll @IntRange(min = 0, max = 3) int signed) throws IOException {
        boolean sign = signed == 0;
        List<ContributionResult> computed = new ArrayList<>();
        for (ContributionRequest r : population) {
            try {
                computed.add(RULES.contribution(r));
            } catch (ShebaoException e) {
                // a row in error has no record
            }
        }
        // version 1: one self-contained record per row, as the per-row path writes them
        List<ObjectNode> v1 = new ArrayList<>();
        for (ContributionResult c : computed) {
            AuditRecord rec = RULES.audit().record(c);
            if (sign) {
                rec = rec.signedWith(signing);
            }
            v1.add((ObjectNode) JSON.readTree(rec.line()));
        }
        // version 2: the batch path: complete results from the planner, rows sealed by the trail's header
        List<String> v2 = trail(population, sign);
        assertEquals(computed.size(), v2.stream().filter(l -> l.startsWith("{\"kind\"")).count());

        List<String> v1Lines = new ArrayList<>();
        for (ObjectNode o : v1) {
            v1Lines.add(Json.write(o, false));
        }
        List<String> v2Lines = new ArrayList<>(v2);
        // the row lines of version 2, in the order of the version-1 records
        List<Integer> v2Rows = new ArrayList<>();
        for (int i = 0; i < v2Lines.size(); i++) {
            if (v2Lines.get(i).startsWith("{\"kind\"")) {
                v2Rows.add(i);
            }
        }
        String headerDigest = JSON.readTree(v2Lines.get(0)).get("digest").asText();
        if (!computed.isEmpty()) {
            java.util.Set<Integer> digestFlipped = new java.util.HashSet<>();
            for (Edit e : edits) {
                int i = e.row() % computed.size();
                if (e.kind() == 3 && !digestFlipped.add(i)) {
                    // a second flip of the first digit can restore one version's digest and not the other's
                    // ('1' → '0' → '1'): seed -8665538562599460820 found it; one flip per row is the edit
                    continue;
                }
                String v2Edited = edit(v2Lines.get(v2Rows.get(i)), e, headerDigest);
                if (v2Edited != null) { // null: the edit has no counterpart in version 2 (a list cited as one)
                    v1Lines.set(i, edit(v1Lines.get(i), e, null));
                    v2Lines.set(v2Rows.get(i), v2Edited);
                }
            }
        }
        Optional<VerifyingKey> key = sign ? Optional.of(verifying) : Optional.empty();

        // version 1: the batch replay gives exactly the record-by-record outcomes
        List<ReplayOutcome> old1 = perRecord(String.join("\n", v1Lines), key);
        List<ReplayOutcome> new1 = batch(String.join("\n", v1Lines), key, chunk);
        assertEquals(old1, new1);

        // version 2: the same verdicts as the version-1 file with the same edits
        List<ReplayOutcome> new2 = batch(String.join("\n", v2Lines), key, chunk);
        List<ReplayOutcome> old2 = perRecord(String.join("\n", v2Lines), key);
        assertEquals(old2, new2, "record by record and batch on the version-2 file");
        assertEquals(verdicts(old1), verdicts(new2), "version 1 and version 2 of the same population and edits");
    }

    static final int TRAIL_KINDS = 22;

    @Provide
    Arbitrary<List<Edit>> trailEdits() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, TRAIL_KINDS - 1), Arbitraries.integers().between(0, 50)).as(Edit::new)
                .list().ofMaxSize(6);
    }

    /**
     * The field-by-field replay of version-2 rows ({@code Audit.replayIfIdentical}, which {@link ReplayRunner}
     * tries first) gives, record by record, exactly the outcomes of the usual record-by-record replay, on random
     * populations with edits a forger could make consistently (the row re-sealed, the header's digest and the
     * rows' references recomputed): an amount or a total changed, a line's field removed, a trace index pointing
     * at another table entry, a parameter dropped or marked carried forward, a name or a region written out (the
     * same or another), a cited message written out or swapped, the request changed, a header table entry
     * changed (a parameter's value, a rule's name), the rule-set hash or library version of the header changed,
     * an insurance name of the header changed, an unknown key, a time of evaluation, a broken digest. And on the
     * unedited trail it does decide: every row without a carried-forward parameter is answered field by field.
     */
    @Property(tries = 40)
    void fieldByFieldReplayEqualsTheUsualReplay(@ForAll("populations") List<ContributionRequest> population,
                                                @ForAll("trailEdits") List<Edit> edits,
                                                @ForAll @IntRange(min = 1, max = 40) int chunk,
                                                @ForAll @IntRange(min = 0, max = 3) int signed) throws IOException {
        boolean sign = signed == 0;
        Optional<VerifyingKey> key = sign ? Optional.of(verifying) : Optional.empty();
        List<String> lines = trail(population, sign);

        // unedited: decided field by field wherever no parameter was carried forward, and identical
        ContributionPlanner planner = new ContributionPlanner(RULES);
        io.shebao.audit.AuditTrailReader reader = new io.shebao.audit.AuditTrailReader();
        int rows = 0;
        int answered = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.startsWith("{\"kind\"")) {
                reader.read(l, i + 1);
                continue;
            }
            boolean carried = JSON.readTree(l).get("trace").get("parameters").toString().contains("carriedForward");
            Optional<ReplayOutcome> o = RULES.audit().replayIfIdentical(l, i + 1, reader.header().orElseThrow(), key,
                    (view, r) -> planner.complete(r));
            rows++;
            answered += o.isPresent() ? 1 : 0;
            assertEquals(!carried, o.isPresent(), "line " + (i + 1) + " decided field by field: " + l);
            o.ifPresent(x -> assertEquals(io.shebao.audit.ReplayStatus.IDENTICAL, x.status()));
        }
        net.jqwik.api.statistics.Statistics.collect(answered == rows ? "every row decided field by field"
                : "some rows carried forward");

        List<Integer> rowLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("{\"kind\"")) {
                rowLines.add(i);
            }
        }
        if (!rowLines.isEmpty()) {
            for (Edit e : edits) {
                trailEdit(lines, rowLines, e);
            }
        }
        String text = String.join("\n", lines);
        List<ReplayOutcome> usual = perRecord(text, key);
        List<ReplayOutcome> batch = batch(text, key, chunk);
        assertEquals(usual, batch, "record by record and field by field, on the edited version-2 trail");
        for (ReplayOutcome o : usual) {
            net.jqwik.api.statistics.Statistics.label("status").collect(o.status());
        }
    }

    /**
     * Rows of one case cite the same messages (the planner hands every row of the case the same notes): a later
     * row of the case citing another defined message (two references swapped, re-sealed) must still be found
     * different, as record by record, after the earlier rows of the case were decided identical field by field
     * (one thread, so that they are). A replay that remembered messages it had already compared, by case or by
     * reference, would be fooled here (tried in branch h13q: a cache that ignored which definition a message was
     * compared with failed this test).
     */
    @net.jqwik.api.Example
    void aSwappedCitationInALaterRowOfACaseIsDifferent() throws IOException {
        List<ContributionRequest> population = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            population.add(ContributionRequest.builder("huanggang", java.time.YearMonth.of(2025, 11))
                    .wage(BigDecimal.valueOf(55_550 + 10L * i)).riskClass(5)
                    .insurances(io.shebao.contribution.Insurance.of("pension"), io.shebao.contribution.Insurance.of("unemployment"))
                    .build());
        }
        List<String> lines = trail(population, false);
        int last = lines.size() - 1;
        ObjectNode header = (ObjectNode) JSON.readTree(lines.get(0));
        ObjectNode row = (ObjectNode) JSON.readTree(lines.get(last));
        ArrayNode notes = (ArrayNode) row.get("result").get("notes");
        List<Integer> cited = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            if (notes.get(i).isTextual()) {
                cited.add(i);
            }
        }
        assertEquals(true, cited.size() >= 2, "the case's notes cite two messages: " + notes);
        JsonNode first = notes.get(cited.get(0));
        notes.set(cited.get(0), notes.get(cited.get(1)));
        notes.set(cited.get(1), first);
        lines.set(last, reseal(row, AuditRecord.digestOf(header)));
        String text = String.join("\n", lines);

        List<ReplayOutcome> batch = new ArrayList<>();
        ReplayRunner.builder(RULES.audit()).threads(1).chunkSize(1).build()
                .run(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), batch::add);
        assertEquals(perRecord(text, Optional.empty()), batch);
        assertEquals(io.shebao.audit.ReplayStatus.DIFFERENT, batch.get(batch.size() - 1).status());
        assertEquals(io.shebao.audit.ReplayStatus.IDENTICAL, batch.get(batch.size() - 2).status());
    }

    static final int CASE_KINDS = 17;

    @Provide
    Arbitrary<List<Edit>> caseEdits() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, CASE_KINDS - 1), Arbitraries.integers().between(0, 50)).as(Edit::new)
                .list().ofMaxSize(6);
    }

    /**
     * Version 3 (rows citing their case, as {@code batch --audit-out} writes them by default): the field-by-field
     * replay gives, record by record, exactly the outcomes of the usual replay, unedited (where every row without a
     * carried-forward parameter is decided field by field, identical) and with a forger's consistent edits: an
     * amount or a total changed, another defined case cited, a case's content changed (a rate, a note's text or its
     * marked place, the base adjustment) with its reference recomputed and every row citing it re-cited and
     * re-sealed, a case changed without its reference, the request changed, a line dropped, a fixed amount added,
     * the header's rule-set hash or an insurance name changed (header re-sealed), an unknown key, a time of
     * evaluation, a broken digest, and the text edits of version 2 (spaces, the seal first, an escape, the
     * request's keys reordered, the messages line moved after its row).
     */
    @Property(tries = 40)
    void caseRowsReplayFieldByFieldAsTheUsualReplay(@ForAll("populations") List<ContributionRequest> population,
                                                    @ForAll("caseEdits") List<Edit> edits,
                                                    @ForAll @IntRange(min = 1, max = 40) int chunk,
                                                    @ForAll @IntRange(min = 0, max = 3) int signed) throws IOException {
        boolean sign = signed == 0;
        Optional<VerifyingKey> key = sign ? Optional.of(verifying) : Optional.empty();
        List<String> lines = caseTrail(population, sign);

        ContributionPlanner planner = new ContributionPlanner(RULES);
        io.shebao.audit.AuditTrailReader reader = new io.shebao.audit.AuditTrailReader();
        List<Integer> rowLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.startsWith("{\"kind\"")) {
                reader.read(l, i + 1);
                continue;
            }
            rowLines.add(i);
            String ref = JSON.readTree(l).get("case").asText();
            boolean carried = definition(lines, i, ref).get("trace").toString().contains("carriedForward");
            Optional<ReplayOutcome> o = RULES.audit().replayIfIdentical(l, i + 1, reader.header().orElseThrow(), key,
                    (view, r) -> planner.complete(r));
            assertEquals(!carried, o.isPresent(), "line " + (i + 1) + " decided field by field: " + l);
            o.ifPresent(x -> assertEquals(io.shebao.audit.ReplayStatus.IDENTICAL, x.status()));
        }
        if (!rowLines.isEmpty()) {
            for (Edit e : edits) {
                caseEdit(lines, rowLines, e);
            }
        }
        String text = String.join("\n", lines);
        List<ReplayOutcome> usual = perRecord(text, key);
        List<ReplayOutcome> batch = batch(text, key, chunk);
        assertEquals(usual, batch, "record by record and field by field, on the edited version-3 trail");
        for (ReplayOutcome o : usual) {
            net.jqwik.api.statistics.Statistics.label("status").collect(o.status());
        }
    }

    /** Applies one edit to a version-3 trail, re-sealing what a consistent forger would re-seal. */
    private static void caseEdit(List<String> lines, List<Integer> rowLines, Edit e) throws IOException {
        int at = rowLines.get(e.row() % rowLines.size());
        if (e.kind() >= 12) {
            textEdit(lines, rowLines, at, new Edit(e.row(), 17 + (e.kind() - 12), e.variant()));
            return;
        }
        ObjectNode header = (ObjectNode) JSON.readTree(lines.get(0));
        ObjectNode row;
        try {
            row = (ObjectNode) JSON.readTree(lines.get(at));
        } catch (IOException cut) {
            return;
        }
        if (!row.has("case") || !row.get("lines").isArray()) {
            return; // an earlier edit made it unreadable
        }
        ArrayNode rowLinesOf = (ArrayNode) row.get("lines");
        String ref = row.get("case").asText();
        int v = e.variant();
        switch (e.kind()) {
            case 0 -> {
                if (!rowLinesOf.isEmpty()) {
                    ArrayNode l = (ArrayNode) rowLinesOf.get(v % rowLinesOf.size());
                    l.set(1, l.textNode(new BigDecimal(l.get(1).asText()).add(new BigDecimal("0.01")).toPlainString()));
                }
            }
            case 1 -> ((ArrayNode) row.get("totals")).set(2, JSON.getNodeFactory().textNode(v % 2 == 0 ? "0.00" : "0"));
            case 2 -> {
                String other = definedCase(lines, at, ref, v);
                if (other != null) {
                    row.put("case", other);
                }
            }
            case 3 -> { // the case's content changed and its reference recomputed, every row citing it re-cited
                int defLine = definingLine(lines, at, ref);
                if (defLine < 0) {
                    return;
                }
                ObjectNode m = (ObjectNode) JSON.readTree(lines.get(defLine));
                ObjectNode def = (ObjectNode) m.get("entries").get(ref).deepCopy();
                changeCase(def, v);
                String fresh = reference(def);
                ObjectNode entries = (ObjectNode) m.get("entries");
                entries.remove(ref);
                entries.set(fresh, def);
                lines.set(defLine, Json.write(m, false));
                String headerDigest = AuditRecord.digestOf(header);
                for (int i = defLine + 1; i < lines.size(); i++) {
                    if (lines.get(i).contains("\"case\":\"" + ref + "\"")) {
                        ObjectNode r = (ObjectNode) JSON.readTree(lines.get(i));
                        r.put("case", fresh);
                        lines.set(i, reseal(r, headerDigest));
                    }
                }
                return;
            }
            case 4 -> { // the case's content changed, its reference kept: the messages line is invalid
                int defLine = definingLine(lines, at, ref);
                if (defLine < 0) {
                    return;
                }
                ObjectNode m = (ObjectNode) JSON.readTree(lines.get(defLine));
                changeCase((ObjectNode) m.get("entries").get(ref), v);
                lines.set(defLine, Json.write(m, false));
                return;
            }
            case 5 -> {
                ObjectNode req = (ObjectNode) row.get("request");
                String f = req.has("wage") ? "wage" : "base";
                req.put(f, new BigDecimal(req.get(f).asText()).add(BigDecimal.valueOf(v * 10L + 1)).toPlainString());
            }
            case 6 -> drop(rowLinesOf, v);
            case 7 -> {
                if (!rowLinesOf.isEmpty() && rowLinesOf.get(0).size() == 3) {
                    ((ArrayNode) rowLinesOf.get(0)).add(v % 2 == 0 ? "0.00" : "7.00");
                }
            }
            case 8 -> {
                if (v % 2 == 0) {
                    header.put("ruleSetHash", "0".repeat(64));
                } else {
                    ((ObjectNode) header.get("insuranceNames")).put("pension", "养老保险（旧称）");
                }
                resealHeader(lines, header, v % 3 != 0);
                return;
            }
            case 9, 10, 11 -> {
                if (rowEdit(row, e.kind() - 9, v)) {
                    lines.set(at, Json.write(row, false));
                    return; // not re-sealed
                }
            }
            default -> throw new IllegalArgumentException("edit " + e.kind());
        }
        lines.set(at, reseal(row, AuditRecord.digestOf(header)));
    }

    /**
     * An edit of any row's keys, shared by both trails' editors: 0 an unknown key, 1 a time of evaluation (sound or
     * not), 2 the digest broken. True when the row must not be re-sealed (the broken digest).
     */
    private static boolean rowEdit(ObjectNode row, int which, int v) {
        switch (which) {
            case 0 -> row.put("note", "added");
            case 1 -> row.put("evaluatedAt", v % 2 == 0 ? "2026-12-01T10:00:00Z" : "yesterday");
            default -> {
                String d = row.get("digest").asText();
                row.put("digest", (d.charAt(0) == '0' ? "1" : "0") + d.substring(1));
                return true;
            }
        }
        return false;
    }

    /** A case changed: a rate, a note's text (a marked place moved or a text changed), or its base adjustment. */
    private static void changeCase(ObjectNode def, int v) {
        ArrayNode ls = (ArrayNode) def.get("lines");
        ArrayNode notes = (ArrayNode) def.get("notes");
        if (v % 3 == 1) {
            for (JsonNode n : notes) {
                if (n.isObject()) {
                    JsonNode zh = n.get("zh");
                    if (zh.isArray()) { // the marked place moved by one character
                        String before = zh.get(0).asText();
                        String after = zh.get(1).asText();
                        if (!after.isEmpty()) {
                            ((ArrayNode) zh).set(0, JSON.getNodeFactory().textNode(before + after.charAt(0)));
                            ((ArrayNode) zh).set(1, JSON.getNodeFactory().textNode(after.substring(1)));
                            return;
                        }
                    }
                    ((ObjectNode) n).put("en", n.get("en").toString() + " (edited)");
                    return;
                }
            }
        }
        if (v % 3 == 2) {
            def.put("baseAdjustment", def.get("baseAdjustment").asText().equals("WITHIN_LIMITS") ? "RAISED_TO_FLOOR"
                    : "WITHIN_LIMITS");
            return;
        }
        if (!ls.isEmpty()) {
            ObjectNode l = (ObjectNode) ls.get(v % ls.size());
            l.put("employerRate", new BigDecimal(l.get("employerRate").asText()).add(new BigDecimal("0.001")).toPlainString());
        }
    }

    /** The line number (index) of the messages line defining {@code ref} before the row, or -1. */
    private static int definingLine(List<String> lines, int row, String ref) throws IOException {
        for (int i = row - 1; i > 0; i--) {
            JsonNode o;
            try {
                o = JSON.readTree(lines.get(i));
            } catch (IOException cut) {
                continue;
            }
            if (o.path("entries").has(ref)) {
                return i;
            }
        }
        return -1;
    }

    /** Another case defined before the row, or null. */
    private static String definedCase(List<String> lines, int row, String not, int variant) throws IOException {
        List<String> refs = new ArrayList<>();
        for (int i = row - 1; i > 0; i--) {
            JsonNode o;
            try {
                o = JSON.readTree(lines.get(i));
            } catch (IOException cut) {
                continue;
            }
            o.path("entries").fields().forEachRemaining(f -> {
                if (f.getValue().has("baseAdjustment") && !f.getKey().equals(not)) {
                    refs.add(f.getKey());
                }
            });
        }
        return refs.isEmpty() ? null : refs.get(variant % refs.size());
    }

    /** A messages entry's reference: the first 32 hex digits of the SHA-256 of its compact JSON. */
    private static String reference(JsonNode entry) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(entry, false).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d).substring(0, 32);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The version-3 trail of the population as {@code batch --audit-out} writes it (rows the rules refuse left out). */
    private static List<String> caseTrail(List<ContributionRequest> population, boolean sign) throws IOException {
        Path file = Files.createTempFile("trail", ".jsonl");
        try {
            ContributionPlanner planner = new ContributionPlanner(RULES);
            try (AuditTrailWriter w = AuditTrailWriter.append(file, RULES, sign ? Optional.of(signing) : Optional.empty(),
                    Optional.empty(), 3)) {
                AuditHeader.Rows rows = new AuditHeader.Rows(1 << 16);
                for (ContributionRequest r : population) {
                    try {
                        ContributionPlanner.TrailRow t = planner.trailRow(r);
                        w.contributionRow(rows, r, t.result(), t.caseKey(), t.notesAmount());
                    } catch (ShebaoException e) {
                        // same rows as the rules: the planner fails where the rules fail (PlanEquivalenceProperties)
                    }
                }
                w.append(rows);
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Applies one edit to a trail, re-sealing what a consistent forger would re-seal. */
    private static void trailEdit(List<String> lines, List<Integer> rowLines, Edit e) throws IOException {
        int at = rowLines.get(e.row() % rowLines.size());
        if (e.kind() >= 17) { // edits of the text, not of the tree: what a replay comparing text could be fooled by
            textEdit(lines, rowLines, at, e);
            return;
        }
        ObjectNode header = (ObjectNode) JSON.readTree(lines.get(0));
        ObjectNode row;
        try {
            row = (ObjectNode) JSON.readTree(lines.get(at));
        } catch (IOException cut) {
            return;
        }
        ObjectNode result = (ObjectNode) row.get("result");
        ObjectNode trace = (ObjectNode) row.get("trace");
        ArrayNode resultLines = (ArrayNode) result.get("lines");
        int v = e.variant();
        switch (e.kind()) {
            case 0 -> {
                if (!resultLines.isEmpty()) {
                    ObjectNode l = (ObjectNode) resultLines.get(v % resultLines.size());
                    l.put("employer", new BigDecimal(l.get("employer").asText()).add(new BigDecimal("0.01")).toPlainString());
                }
            }
            case 1 -> ((ObjectNode) result.get("totals")).put("total", v % 2 == 0 ? "0.00" : "0");
            case 2 -> {
                ArrayNode rs = (ArrayNode) trace.get("rules");
                if (!rs.isEmpty()) {
                    int i = v % rs.size();
                    rs.set(i, rs.numberNode(rs.get(i).intValue() + 1 + v % 3));
                }
            }
            case 3 -> {
                ArrayNode ps = (ArrayNode) trace.get("parameters");
                if (!ps.isEmpty() && ps.get(v % ps.size()).isInt()) {
                    int i = v % ps.size();
                    ps.set(i, ps.numberNode(v % 5 == 0 ? header.get("parameters").size() : ps.get(i).intValue() + 1));
                }
            }
            case 4 -> drop((ArrayNode) trace.get("parameters"), v);
            case 5 -> {
                if (!resultLines.isEmpty()) { // the name written out: the header's (the same record) or another
                    ObjectNode l = (ObjectNode) resultLines.get(v % resultLines.size());
                    String name = header.get("insuranceNames").path(l.get("insurance").asText()).asText("?");
                    l.put("nameZh", v % 2 == 0 ? name : name + "（改）");
                }
            }
            case 6 -> { // region and period written out: the request's (the same record) or another
                result.put("region", v % 2 == 0 ? row.get("request").get("region").asText() : "wuhan");
                result.put("period", row.get("request").get("period").asText());
            }
            case 7 -> { // a cited message: written out in full (the same record), or another message cited
                for (String list : List.of("notes", "warnings")) {
                    JsonNode ms = result.get(list);
                    if (ms.isArray() && !ms.isEmpty() && ms.get(0).isTextual()) {
                        String other = definedMessage(lines, at, ms.get(0).asText(), v);
                        if (v % 2 == 0) {
                            ((ArrayNode) ms).set(0, definition(lines, at, ms.get(0).asText()));
                        } else if (other != null) {
                            ((ArrayNode) ms).set(0, other);
                        }
                        break;
                    }
                }
            }
            case 8 -> {
                ObjectNode req = (ObjectNode) row.get("request");
                String f = req.has("wage") ? "wage" : "base";
                req.put(f, new BigDecimal(req.get(f).asText()).add(BigDecimal.valueOf(v * 10L + 1)).toPlainString());
            }
            case 9, 10, 11 -> { // the header: a table entry, the rule-set hash or library version, an insurance name
                if (e.kind() == 9) {
                    String table = v % 2 == 0 ? "parameters" : "rules";
                    ArrayNode t = (ArrayNode) header.get(table);
                    int used = firstIndex(trace.get(table));
                    if (used >= 0 && used < t.size()) {
                        ObjectNode entry = (ObjectNode) t.get(used);
                        if (table.equals("parameters")) {
                            entry.put("value", entry.get("value").asText() + "1");
                        } else {
                            entry.put("name", entry.get("name").asText() + " (v2)");
                        }
                    }
                } else if (e.kind() == 10) {
                    if (v % 2 == 0) {
                        header.put("ruleSetHash", "0".repeat(64));
                    } else {
                        header.put("libraryVersion", "0.0.9");
                    }
                } else {
                    ((ObjectNode) header.get("insuranceNames")).put("pension", "养老保险（旧称）");
                }
                resealHeader(lines, header, v % 3 != 0);
                return;
            }
            case 12, 13, 14 -> {
                if (rowEdit(row, e.kind() - 12, v)) {
                    lines.set(at, Json.write(row, false));
                    return; // not re-sealed
                }
            }
            case 15 -> {
                ArrayNode ps = (ArrayNode) trace.get("parameters");
                if (!ps.isEmpty() && ps.get(v % ps.size()).isInt()) {
                    int i = v % ps.size();
                    ObjectNode ref = JSON.createObjectNode().put("ref", ps.get(i).intValue()).put("carriedForward", true);
                    ps.set(i, ref);
                }
            }
            case 16 -> {
                if (!resultLines.isEmpty()) {
                    ((ObjectNode) resultLines.get(v % resultLines.size())).remove(v % 2 == 0 ? "employee" : "base");
                }
            }
            default -> throw new IllegalArgumentException("edit " + e.kind());
        }
        lines.set(at, reseal(row, AuditRecord.digestOf(header)));
    }

    /**
     * Edits of a row's text that keep or break its meaning: a space (digest over the canonical content, as the
     * format defines it, or over the text as written), the seal written first, a character of a string escaped,
     * the request's keys in another order (re-sealed), and the messages line a row cites moved after it.
     */
    private static void textEdit(List<String> lines, List<Integer> rowLines, int at, Edit e) throws IOException {
        String l = lines.get(at);
        ObjectNode row;
        try {
            row = (ObjectNode) JSON.readTree(l);
        } catch (IOException cut) {
            return;
        }
        String headerDigest = AuditRecord.digestOf((ObjectNode) JSON.readTree(lines.get(0)));
        switch (e.kind()) {
            case 17 -> lines.set(at, l.replaceFirst("\"request\":\\{", "\"request\": {")); // digest still sound
            case 18 -> { // the digest over the text with the space: not the canonical content, so not sound
                String spaced = l.replaceFirst("\"request\":\\{", "\"request\": {");
                int seal = spaced.lastIndexOf(",\"digest\":\"");
                if (seal < 0) { // an earlier edit (19) wrote the seal first: no seal at the end to recompute
                    return;
                }
                String digest = AuditHeader.rowDigest(headerDigest, spaced.substring(0, seal) + "}");
                lines.set(at, spaced.replace(row.get("digest").asText(), digest));
            }
            case 19 -> { // the seal keys first: the same content
                ObjectNode first = JSON.createObjectNode();
                for (String k : List.of("digest", "signature", "evaluatedAt")) {
                    if (row.has(k)) {
                        first.set(k, row.get(k));
                    }
                }
                row.fields().forEachRemaining(f -> {
                    if (!first.has(f.getKey())) {
                        first.set(f.getKey(), f.getValue());
                    }
                });
                lines.set(at, Json.write(first, false));
            }
            case 20 -> { // a character of the region escaped: the same content
                String region = row.get("request").get("region").asText();
                if (!region.isEmpty()) {
                    lines.set(at, l.replaceFirst("\"region\":\"" + region.charAt(0),
                            "\"region\":\"" + String.format("\\\\u%04x", (int) region.charAt(0))));
                }
            }
            case 21 -> {
                if (e.variant() % 2 == 0) { // the request's keys in reverse order, re-sealed
                    ObjectNode req = (ObjectNode) row.get("request");
                    List<String> keys = new ArrayList<>();
                    req.fieldNames().forEachRemaining(keys::add);
                    ObjectNode reversed = JSON.createObjectNode();
                    for (int i = keys.size() - 1; i >= 0; i--) {
                        reversed.set(keys.get(i), req.get(keys.get(i)));
                    }
                    row.set("request", reversed);
                    lines.set(at, reseal(row, headerDigest));
                } else if (at > 1 && lines.get(at - 1).startsWith("{\"record\":\"messages\"")) {
                    // the messages the row cites defined after it
                    lines.set(at, lines.get(at - 1));
                    lines.set(at - 1, l);
                    rowLines.set(rowLines.indexOf(at), at - 1);
                }
            }
            default -> throw new IllegalArgumentException("edit " + e.kind());
        }
    }

    private static int firstIndex(JsonNode entries) {
        for (JsonNode x : entries) {
            if (x.isInt()) {
                return x.intValue();
            }
        }
        return -1;
    }

    /** A row's line with its digest recomputed over the header's (computed) digest; its signature kept. */
    private static String reseal(ObjectNode row, String headerDigest) {
        ObjectNode content = row.deepCopy();
        content.remove(List.of("digest", "signature", "evaluatedAt"));
        row.put("digest", AuditHeader.rowDigest(headerDigest, Json.write(content, false)));
        return Json.write(row, false);
    }

    /**
     * The header written back after an edit, with its digest recomputed (and every reference to it, when
     * {@code references}: else the rows keep the old reference and are refused) and every sound row re-sealed.
     */
    private static void resealHeader(List<String> lines, ObjectNode header, boolean references) throws IOException {
        String old = header.get("digest").asText().substring(0, AuditHeader.REFERENCE_LENGTH);
        String digest = AuditRecord.digestOf(header);
        header.put("digest", digest);
        lines.set(0, Json.write(header, false));
        String ref = digest.substring(0, AuditHeader.REFERENCE_LENGTH);
        for (int i = 1; i < lines.size(); i++) {
            ObjectNode o;
            try {
                o = (ObjectNode) JSON.readTree(lines.get(i));
            } catch (IOException cut) {
                continue;
            }
            if (references && old.equals(o.path("header").asText())) {
                o.put("header", ref);
            }
            lines.set(i, o.has("kind") ? reseal(o, digest) : Json.write(o, false));
        }
    }

    /** The definition of a message reference, from the messages lines before the row. */
    private static JsonNode definition(List<String> lines, int row, String ref) throws IOException {
        int i = definingLine(lines, row, ref);
        if (i < 0) {
            throw new IllegalStateException("message " + ref + " undefined");
        }
        return JSON.readTree(lines.get(i)).get("entries").get(ref);
    }

    /** Another message (not a list) defined before the row, or null. */
    private static String definedMessage(List<String> lines, int row, String not, int variant) throws IOException {
        List<String> refs = new ArrayList<>();
        for (int i = row - 1; i > 0; i--) {
            JsonNode o = JSON.readTree(lines.get(i));
            o.path("entries").fields().forEachRemaining(f -> {
                if (f.getValue().isObject() && !f.getKey().equals(not)) {
                    refs.add(f.getKey());
                }
            });
        }
        return refs.isEmpty() ? null : refs.get(variant % refs.size());
    }

    /** The version-2 trail of the population as {@code batch --audit-out} writes it (rows the rules refuse left out). */
    private static List<String> trail(List<ContributionRequest> population, boolean sign) throws IOException {
        Path file = Files.createTempFile("trail", ".jsonl");
        try {
            ContributionPlanner planner = new ContributionPlanner(RULES);
            try (AuditTrailWriter w = AuditTrailWriter.append(file, RULES, sign ? Optional.of(signing) : Optional.empty(),
                    Optional.empty())) {
                List<AuditHeader.Row> rows = new ArrayList<>();
                for (ContributionRequest r : population) {
                    try {
                        ContributionResult c = planner.complete(r);
                        rows.add(w.row(EvaluationKind.CONTRIBUTION, ContributionJson.request(r), ContributionJson.result(c),
                                c.trace()));
                    } catch (ShebaoException e) {
                        // same rows as the rules: the planner fails where the rules fail (PlanEquivalenceProperties)
                    }
                }
                w.append(rows);
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** What the auditor is told, without line numbers and the texts that quote digests. */
    private static List<String> verdicts(List<ReplayOutcome> os) {
        List<String> out = new ArrayList<>();
        for (ReplayOutcome o : os) {
            out.add(o.status() + " " + o.subject() + " problems=" + o.problems().size() + " " + o.differences() + " "
                    + o.parameterChanges() + " " + o.rules() + " " + o.notes() + " "
                    + o.recomputed().map(AuditRecord::result).map(JsonNode::toString).orElse(""));
        }
        return out;
    }

    private static List<ReplayOutcome> perRecord(String text, Optional<VerifyingKey> key) {
        List<ReplayOutcome> out = new ArrayList<>();
        RULES.audit().replayAll(new BufferedReader(new StringReader(text)), key, out::add);
        return out;
    }

    private static List<ReplayOutcome> batch(String text, Optional<VerifyingKey> key, int chunk) {
        List<ReplayOutcome> out = new ArrayList<>();
        ReplayRunner.builder(RULES.audit()).verifyingKey(key).threads(2).chunkSize(chunk).build()
                .run(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out::add);
        return out;
    }

    /** Applies one edit to a record line of either version (headerDigest given for a version-2 row). */
    private static String edit(String line, Edit e, String headerDigest) throws IOException {
        ObjectNode o;
        try {
            o = (ObjectNode) JSON.readTree(line);
        } catch (IOException cut) {
            return line; // already cut by an earlier edit
        }
        ObjectNode result = (ObjectNode) o.get("result");
        ObjectNode request = (ObjectNode) o.get("request");
        switch (e.kind()) {
            case 0 -> ((ObjectNode) result.get("totals")).put("total",
                    new BigDecimal(result.get("totals").get("total").asText()).add(new BigDecimal("0.01")).toPlainString());
            case 1 -> {
                ArrayNode lines = (ArrayNode) result.get("lines");
                if (!lines.isEmpty()) {
                    ((ObjectNode) lines.get(e.variant() % lines.size())).put("employer", "0.00");
                }
            }
            case 2 -> {
                String f = request.has("wage") ? "wage" : "base";
                request.put(f, new BigDecimal(request.get(f).asText()).add(BigDecimal.valueOf(e.variant() * 100L + 1)).toPlainString());
            }
            case 3 -> {
                String d = o.get("digest").asText();
                o.put("digest", (d.charAt(0) == '0' ? "1" : "0") + d.substring(1));
            }
            case 4 -> drop((ArrayNode) o.get("trace").get("rules"), e.variant());
            case 5 -> drop((ArrayNode) o.get("trace").get("parameters"), e.variant());
            case 6 -> {
                if (!result.get("notes").isArray()) {
                    return null;
                }
                drop((ArrayNode) result.get("notes"), e.variant());
            }
            case 7 -> {
                return line.substring(0, line.length() / 2);
            }
            case 8 -> { // a forger: changes an amount and recomputes the digest (a signature still fails)
                ((ObjectNode) result.get("totals")).put("employee", "1.00");
                ObjectNode content = o.deepCopy();
                content.remove(List.of("digest", "signature", "evaluatedAt"));
                o.put("digest", headerDigest == null ? AuditRecord.digestOf(o)
                        : AuditHeader.rowDigest(headerDigest, Json.write(content, false)));
            }
            default -> throw new IllegalArgumentException("edit " + e.kind());
        }
        return Json.write(o, false);
    }

    private static void drop(ArrayNode a, int i) {
        if (!a.isEmpty()) {
            a.remove(i % a.size());
        }
    }
}
