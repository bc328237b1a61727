package io.shebao.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.contribution.Insurance;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The canonical record: its fields, its digest, and the same bytes for the same evaluation. */
class AuditRecordTest {
    static final ShebaoRules RULES = ShebaoRules.load();

    static ContributionRequest yichang3450() {
        return ContributionRequest.builder("yichang", YearMonth.of(2023, 5)).wage("3450").riskClass(1).build();
    }

    @Test
    void recordCarriesVersionHashesRequestResultAndTrace() throws IOException {
        AuditRecord r = RULES.audit().record(RULES.contribution(yichang3450()));
        JsonNode j = new ObjectMapper().readTree(r.line());
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("format", "formatVersion", "kind", "libraryVersion", "ruleSetHash", "parameterSetHash",
                "parameterLayers", "request", "result", "trace", "digest"), keys);
        assertEquals("shebao-audit", j.get("format").asText());
        assertEquals(1, j.get("formatVersion").asInt());
        assertEquals("contribution", j.get("kind").asText());
        assertEquals(ShebaoRules.version(), j.get("libraryVersion").asText());
        assertEquals(RULES.parameters().hash(), j.get("parameterSetHash").asText());
        assertTrue(j.get("ruleSetHash").asText().matches("[0-9a-f]{64}"));
        assertEquals("3450", j.at("/request/wage").asText());
        assertEquals("869.40", j.at("/result/totals/total").asText());
        assertEquals("C-BASE-02", j.at("/trace/rules/1/id").asText(), j.toString());
        assertTrue(j.at("/trace/parameters").size() >= 8);
        JsonNode p = j.at("/trace/parameters").get(0);
        for (String k : List.of("id", "region", "value", "from", "reference", "provenance")) {
            assertTrue(p.has(k), k);
        }
        assertEquals(AuditRecord.digestOf(j), j.get("digest").asText());
        assertFalse(r.line().contains("\n"));
    }

    @Test
    void ruleSetHashCoversEveryShippedDrlFile() throws IOException {
        RuleSet rs = RULES.audit().ruleSet();
        List<String> onDisk;
        Path root = Path.of("src/main/resources");
        try (Stream<Path> s = Files.walk(root.resolve("io/shebao/rules"))) {
            onDisk = s.filter(f -> f.toString().endsWith(".drl"))
                    .map(f -> root.relativize(f).toString().replace('\\', '/')).sorted().toList();
        }
        assertEquals(onDisk, rs.files(), "shebao/rules-source/index.txt must list every DRL file");
        for (String f : rs.files()) {
            assertEquals(Files.readString(root.resolve(f), StandardCharsets.UTF_8).replace("\r\n", "\n"),
                    new String(getClass().getClassLoader().getResourceAsStream(RuleSet.ROOT + f).readAllBytes(),
                            StandardCharsets.UTF_8).replace("\r\n", "\n"), f);
        }
    }

    @Test
    void shippedSourcesAreNotCompiledTwice() {
        ContributionResult r = RULES.contribution(yichang3450());
        List<String> ids = r.trace().rules().stream().map(f -> f.id()).toList();
        assertEquals(ids.stream().distinct().count(), ids.size(), "a rule fired twice: " + ids);
        assertEquals(java.util.Set.of("C-ROUND-01", "C-BASE-02", "C-PEN-01", "C-UNE-01", "C-WI-01", "C-TOT-01"),
                java.util.Set.copyOf(ids));
    }

    @Test
    void sameEvaluationTwiceGivesTheSameBytes() {
        String a = RULES.audit().record(RULES.contribution(yichang3450())).line();
        String b = ShebaoRules.load().audit().record(ShebaoRules.load().contribution(yichang3450())).line();
        assertEquals(a, b);
    }

    @Test
    void insurancesGivenInAnyOrderGiveTheSameBytes() {
        ContributionRequest.Builder b = ContributionRequest.builder("wuhan", YearMonth.of(2025, 9)).wage("8000").riskClass(3);
        String a = RULES.audit().record(RULES.contribution(b.insurances(Insurance.of("maternity"), Insurance.of("pension"),
                Insurance.of("work_injury"), Insurance.of("unemployment"), Insurance.of("medical")).build())).line();
        String c = RULES.audit().record(RULES.contribution(b.insurances(List.of(Insurance.of("pension"), Insurance.of("unemployment"),
                Insurance.of("work_injury"), Insurance.of("medical"), Insurance.of("maternity"))).build())).line();
        assertEquals(a, c);
    }

    @Test
    void eightThreadsAtOnceGiveByteIdenticalRecords() throws Exception {
        List<ContributionResult> varied = VariedRequests.evaluate(RULES, 40, 8);
        List<String> expected = varied.stream().map(r -> RULES.audit().record(r).line()).toList();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Callable<List<String>> job = () -> {
                    start.await();
                    List<String> out = new ArrayList<>();
                    for (ContributionResult r : varied) {
                        out.add(RULES.audit().record(RULES.contribution(r.request())).line());
                    }
                    return out;
                };
                fs.add(pool.submit(job));
            }
            start.countDown();
            for (Future<List<String>> f : fs) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parseGivesBackTheSameLine() {
        AuditRecord r = RULES.audit().record(RULES.contribution(yichang3450()));
        AuditRecord p = AuditRecord.parse(r.line());
        assertEquals(r.line(), p.line());
        assertTrue(p.digestMatches());
        assertEquals(EvaluationKind.CONTRIBUTION, p.kind());
        assertEquals(List.of("bundled"), p.parameterLayers());
    }

    @Test
    void evaluatedAtSitsOutsideTheDigest() {
        AuditRecord r = RULES.audit().record(RULES.contribution(yichang3450()));
        AuditRecord t = r.withEvaluatedAt(Instant.parse("2026-11-25T01:00:00Z"));
        assertNotEquals(r.line(), t.line());
        assertTrue(t.line().endsWith(",\"evaluatedAt\":\"2026-11-25T01:00:00Z\"}"));
        AuditRecord p = AuditRecord.parse(t.line());
        assertTrue(p.digestMatches());
        assertEquals(r.digest(), p.digest());
    }

    @Test
    void malformedLinesAreRejectedNamingTheField() {
        String good = RULES.audit().record(RULES.contribution(yichang3450())).line();
        String[][] cases = {
                {"{\"format\":\"shebao-audit\"", "not valid JSON"},
                {"[1,2]", "not a JSON object"},
                {good.replace("\"formatVersion\":1", "\"formatVersion\":9"), "formatVersion: version 9"},
                {good.replace("\"kind\":\"contribution\"", "\"kind\":\"pension\""), "kind: 'pension'"},
                {good.replace("\"digest\":", "\"extra\":1,\"digest\":"), "unknown key 'extra'"},
                {good.replace("\"request\":{", "\"request\":{\"region\":\"x\","), "not valid JSON"},
        };
        for (String[] c : cases) {
            ShebaoException e = assertThrows(ShebaoException.class, () -> AuditRecord.parse(c[0]), c[1]);
            assertEquals(ErrorCode.AUDIT_RECORD_INVALID, e.code());
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
        }
    }
}
