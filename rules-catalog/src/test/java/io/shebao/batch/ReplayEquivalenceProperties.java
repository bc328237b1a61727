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
        Path file = Files.createTempFile("trail", ".jsonl");
        List<String> v2;
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
                        // same rows as above: the planner fails where the rules fail (PlanEquivalenceProperties)
                    }
                }
                w.append(rows);
            }
            v2 = Files.readAllLines(file, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
        }
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
        assertEquals(verdicts(old2), verdicts(new2), "record by record and batch on the version-2 file");
        assertEquals(verdicts(old1), verdicts(new2), "version 1 and version 2 of the same population and edits");
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
