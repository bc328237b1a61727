package io.shebao.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.ShebaoRules;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replay: identical, tampered, re-digested, truncated, and under a changed parameter. */
class ReplayTest {
    static final ShebaoRules RULES = AuditRecordTest.RULES;
    static List<ContributionResult> varied;

    @BeforeAll
    static void evaluate() {
        varied = VariedRequests.evaluate(RULES, 1000, 4);
    }

    private static ReplayTally replay(ShebaoRules rules, Path file, Optional<VerifyingKey> key, List<ReplayOutcome> out)
            throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return rules.audit().replayAll(r, key, out::add);
        }
    }

    private static Path write(Path dir, List<ContributionResult> results, Optional<SigningKey> key) {
        Path f = dir.resolve("audit.jsonl");
        try (AuditWriter w = AuditWriter.append(f, key, Optional.empty())) {
            results.forEach(r -> w.write(RULES.audit().record(r)));
        }
        return f;
    }

    @Test
    void freshFileOfAThousandVariedRecordsReplaysIdentical(@TempDir Path dir) throws IOException {
        assertTrue(varied.stream().map(r -> r.request().region()).distinct().count() >= 10);
        assertTrue(varied.stream().anyMatch(r -> !r.warnings().isEmpty()), "some carried forward");
        assertTrue(varied.stream().anyMatch(r -> r.request().base().isPresent()));
        Path f = write(dir, varied, Optional.empty());
        assertEquals(1000, Files.readAllLines(f).size());
        List<ReplayOutcome> out = new ArrayList<>();
        ReplayTally t = replay(RULES, f, Optional.empty(), out);
        assertEquals("1000 replayed, 1000 identical, 0 changed-hash-only, 0 different, 0 invalid", t.summary(),
                () -> out.stream().filter(o -> o.status() != ReplayStatus.IDENTICAL).findFirst().toString());
        assertEquals(0, t.exitCode());
        assertEquals(1, out.get(0).line());
        assertEquals(1000, out.get(999).line());
    }

    /** Line 1 of a file with the Yichang record, its total edited by hand. */
    private static String tampered(String line) {
        String t = line.replace("\"total\":\"869.40\"", "\"total\":\"896.40\"");
        assertFalse(t.equals(line));
        return t;
    }

    private static String redigested(String line) throws IOException {
        ObjectNode o = (ObjectNode) new ObjectMapper().readTree(line);
        o.put("digest", AuditRecord.digestOf(o));
        return new ObjectMapper().writeValueAsString(o);
    }

    @Test
    void handEditWithDigestLeftAloneIsInvalidAndShowsThePath() {
        AuditRecord rec = RULES.audit().record(RULES.contribution(AuditRecordTest.yichang3450()));
        ReplayOutcome o = RULES.replay(AuditRecord.parse(tampered(rec.line())));
        assertEquals(ReplayStatus.INVALID, o.status());
        assertTrue(o.problems().get(0).startsWith("digest does not match the content"), o.problems().toString());
        assertEquals(List.of(new FieldDifference("/result/totals/total", "896.40", "869.40")), o.differences());
        assertTrue(o.rules().stream().anyMatch(r -> r.id().equals("C-TOT-01")), o.rules().toString());
    }

    @Test
    void handEditWithDigestRecomputedIsDifferentAndRejectedWhenSignaturesAreVerified(@TempDir Path dir) throws IOException {
        AuditKeys.Generated g = AuditKeys.generate(dir.resolve("keys"));
        SigningKey sk = AuditKeys.readSigningKey(g.privateKey());
        VerifyingKey vk = AuditKeys.readVerifyingKey(g.publicKey());
        AuditRecord signed = RULES.audit().record(RULES.contribution(AuditRecordTest.yichang3450())).signedWith(sk);
        String forged = redigested(tampered(signed.line()));

        ReplayOutcome plain = RULES.replay(AuditRecord.parse(forged));
        assertEquals(ReplayStatus.DIFFERENT, plain.status());
        assertEquals(List.of(new FieldDifference("/result/totals/total", "896.40", "869.40")), plain.differences());

        ReplayOutcome verified = RULES.audit().replay(AuditRecord.parse(forged), Optional.of(vk), 1);
        assertEquals(ReplayStatus.INVALID, verified.status());
        assertTrue(verified.problems().get(0).startsWith("signature does not verify"), verified.problems().toString());
        assertEquals(plain.differences(), verified.differences());

        assertEquals(ReplayStatus.IDENTICAL, RULES.audit().replay(signed, Optional.of(vk), 1).status());
        AuditRecord unsigned = RULES.audit().record(RULES.contribution(AuditRecordTest.yichang3450()));
        ReplayOutcome missing = RULES.audit().replay(unsigned, Optional.of(vk), 1);
        assertEquals(ReplayStatus.INVALID, missing.status());
        assertTrue(missing.problems().get(0).startsWith("not signed"), missing.problems().toString());
    }

    @Test
    void truncatedLineIsInvalidWithItsNumberAndTheRestStillReplays(@TempDir Path dir) throws IOException {
        List<ContributionResult> some = varied.subList(0, 20);
        Path f = write(dir, some, Optional.empty());
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        lines.set(6, lines.get(6).substring(0, lines.get(6).length() / 2));
        lines.set(11, lines.get(11).replaceFirst("\"total\":\"", "\"total\":\"9"));
        Files.write(f, lines);
        List<ReplayOutcome> out = new ArrayList<>();
        ReplayTally t = replay(RULES, f, Optional.empty(), out);
        assertEquals(20, t.replayed());
        ReplayOutcome truncated = out.get(6);
        assertEquals(7, truncated.line());
        assertEquals(ReplayStatus.INVALID, truncated.status());
        assertTrue(truncated.problems().get(0).contains("not valid JSON"), truncated.problems().toString());
        assertEquals(2, t.exitCode());
        assertTrue(t.count(ReplayStatus.IDENTICAL) >= 18, t.summary());
    }

    @Test
    void changedParameterMakesAffectedRecordsDifferentAndTheOthersChangedHashOnly(@TempDir Path dir) throws IOException {
        // A pack raising the unemployment employer rate for 2023 only.
        Path pack = Files.createDirectories(dir.resolve("test-pack"));
        Files.writeString(pack.resolve("unemployment.yaml"), """
                region: hubei
                parameters:
                  unemployment.employer_rate:
                    unit: rate
                    values:
                      - {from: 2023-01-01, until: 2023-12-31, value: 0.008, reference: "test copy: raised rate", provenance: secondary}
                """);
        ContributionResult affected = RULES.contribution(AuditRecordTest.yichang3450());
        ContributionResult pensionOnly = RULES.contribution(ContributionRequest.builder("yichang", YearMonth.of(2023, 5))
                .wage("5000").insurances(io.shebao.contribution.Insurance.of("pension")).build());
        ContributionResult otherYear = RULES.contribution(ContributionRequest.builder("wuhan", YearMonth.of(2025, 8))
                .wage("9000").riskClass(2).build());
        Path f = write(dir, List.of(affected, pensionOnly, otherYear), Optional.empty());

        ShebaoRules changed = ShebaoRules.builder().parameterPack(pack).build();
        List<ReplayOutcome> out = new ArrayList<>();
        ReplayTally t = replay(changed, f, Optional.empty(), out);
        assertEquals("3 replayed, 0 identical, 2 changed-hash-only, 1 different, 0 invalid", t.summary());
        assertEquals(1, t.exitCode());

        ReplayOutcome d = out.get(0);
        assertEquals(ReplayStatus.DIFFERENT, d.status());
        assertTrue(d.differences().contains(new FieldDifference("/result/lines/1/employer", "24.15", "27.60")),
                d.differences().toString());
        assertTrue(d.differences().contains(new FieldDifference("/result/totals/total", "869.40", "872.85")),
                d.differences().toString());
        assertTrue(d.rules().stream().anyMatch(r -> r.id().equals("C-UNE-01")), d.rules().toString());
        ParameterChange c = d.parameterChanges().stream().filter(p -> p.qualifiedId().equals("unemployment.employer_rate"))
                .findFirst().orElseThrow();
        assertEquals("0.007", c.before().orElseThrow().value());
        assertEquals("0.008", c.after().orElseThrow().value());
        assertEquals("test-pack", c.after().orElseThrow().pack());
        assertTrue(d.notes().stream().anyMatch(n -> n.startsWith("record was made with parameter set " + RULES.parameters().hash())),
                d.notes().toString());

        assertEquals(ReplayStatus.CHANGED_HASH_ONLY, out.get(1).status());
        assertEquals(ReplayStatus.CHANGED_HASH_ONLY, out.get(2).status());
        assertTrue(out.get(1).differences().isEmpty());
    }

    @Test
    void recordMadeWithAPackNamesItWhenReplayedWithout(@TempDir Path dir) throws IOException {
        Path pack = Files.createDirectories(dir.resolve("wuhan-2026"));
        Files.writeString(pack.resolve("unemployment.yaml"), """
                region: hubei
                parameters:
                  unemployment.employer_rate:
                    unit: rate
                    values:
                      - {from: 2026-01-01, until: 2026-12-31, value: 0.007, reference: "test notice", provenance: secondary}
                  unemployment.employee_rate:
                    unit: rate
                    values:
                      - {from: 2026-01-01, until: 2026-12-31, value: 0.003, reference: "test notice", provenance: secondary}
                """);
        ShebaoRules withPack = ShebaoRules.builder().parameterPack(pack).build();
        AuditRecord rec = withPack.audit().record(withPack.contribution(ContributionRequest.builder("hubei",
                YearMonth.of(2026, 3)).base("10000").insurances(io.shebao.contribution.Insurance.of("unemployment")).build()));
        assertEquals(List.of("bundled", "wuhan-2026"), rec.parameterLayers());
        ReplayOutcome without = RULES.replay(rec);
        assertEquals(ReplayStatus.DIFFERENT, without.status());
        assertTrue(without.notes().stream().anyMatch(n -> n.contains("pack(s) wuhan-2026") && n.contains("--parameters")),
                without.notes().toString());
        assertEquals(ReplayStatus.IDENTICAL, withPack.replay(rec).status());
    }

    @Test
    void recordNamingAnotherRuleSetSaysSoPlainly() throws IOException {
        AuditRecord rec = RULES.audit().record(RULES.contribution(AuditRecordTest.yichang3450()));
        ObjectNode o = (ObjectNode) new ObjectMapper().readTree(rec.line());
        o.put("ruleSetHash", "0".repeat(64));
        o.put("digest", AuditRecord.digestOf(o));
        ReplayOutcome r = RULES.replay(AuditRecord.parse(new ObjectMapper().writeValueAsString(o)));
        assertEquals(ReplayStatus.CHANGED_HASH_ONLY, r.status());
        assertTrue(r.notes().contains("record needs rule set " + "0".repeat(64) + ", this library has "
                + RULES.audit().ruleSet().hash() + ": recomputed with this library's rules"), r.notes().toString());
    }
}
