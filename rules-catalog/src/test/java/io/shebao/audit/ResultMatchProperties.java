package io.shebao.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.batch.ContributionPlanner;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.contribution.Insurance;
import io.shebao.internal.json.ContributionJson;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The field-by-field replay compares a row's result with today's values directly (issue 13, stop 14):
 * {@code TrailRowReplay.resultMatches} must answer exactly what comparing with today's result written as JSON
 * ({@code resultMatchesJson} given {@code ContributionJson.result}) answers, on the rows of random trails as
 * written, on edits of every part of a result (a line's field added, removed, changed or of another type, a name
 * written out, totals, the base adjustment, region and period written out, notes and warnings cited, written out,
 * swapped, dropped or of another shape, an unknown key), and against another row's result.
 */
class ResultMatchProperties {
    private static final ShebaoRules RULES = ShebaoRules.load();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EDITS = 16;

    @Provide
    Arbitrary<List<ContributionRequest>> populations() {
        Arbitrary<String> region = Arbitraries.of("wuhan", "yichang", "shiyan", "jingmen", "xiantao", "huanggang");
        Arbitrary<String> month = Arbitraries.of("2023-06", "2025-07", "2025-09", "2025-12", "2026-01", "2026-07");
        Arbitrary<BigDecimal> wage = Arbitraries.oneOf(Arbitraries.integers().between(0, 6000).map(i -> BigDecimal.valueOf(i * 10L)),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("60000")).ofScale(2));
        Arbitrary<Set<Insurance>> insurances = Arbitraries.oneOf(Arbitraries.just(Set.<Insurance>of()),
                Arbitraries.subsetOf(Insurance.values()));
        return Combinators.combine(region, month, wage, Arbitraries.integers().between(1, 8), insurances)
                .as((r, m, w, c, ins) -> ContributionRequest.builder(r, YearMonth.parse(m)).wage(w).riskClass(c)
                        .insurances(ins).build())
                .list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 30)
    void theDirectComparisonIsTheJsonComparison(@ForAll("populations") List<ContributionRequest> population,
                                               @ForAll long seed) throws IOException {
        Random random = new Random(seed);
        AuditTrailReader reader = new AuditTrailReader();
        List<ContributionResult> seen = new ArrayList<>();
        int matched = 0;
        int rows = 0;
        long n = 0;
        for (String l : trail(population)) {
            n++;
            if (AuditTrailReader.mayBeHeader(l)) {
                reader.header(l, n);
                continue;
            }
            AuditHeader h = reader.header().orElseThrow();
            rows++;
            ObjectNode row = (ObjectNode) JSON.readTree(l);
            JsonNode request = row.get("request");
            ContributionResult now = RULES.contribution(ContributionAudit.readRequest(request));
            ObjectNode result = (ObjectNode) row.get("result");
            matched += same(result, request, now, h) ? 1 : 0;
            for (int k = 0; k < EDITS; k++) {
                ObjectNode edited = result.deepCopy();
                JsonNode editedRequest = edit(edited, request.deepCopy(), k, random, h);
                same(edited, editedRequest, now, h);
            }
            if (!seen.isEmpty()) {
                same(result, request, seen.get(random.nextInt(seen.size())), h); // another row's result
            }
            seen.add(now);
        }
        assertEquals(rows, matched, "every row as written matches its own result (the comparison is not vacuous)");
    }

    /** Both comparisons; they must agree. */
    private static boolean same(ObjectNode written, JsonNode request, ContributionResult now, AuditHeader h) {
        boolean json = TrailRowReplay.resultMatchesJson(written, request, ContributionJson.result(now), h);
        boolean direct = TrailRowReplay.resultMatches(written, request, now, h);
        assertEquals(json, direct, () -> "written " + written + " request " + request);
        return direct;
    }

    /** Edit number k of a result (and maybe its request); returns the request to compare with. */
    private static JsonNode edit(ObjectNode r, JsonNode request, int k, Random random, AuditHeader h) {
        ArrayNode lines = r.get("lines") instanceof ArrayNode a ? a : null;
        ObjectNode line = lines == null || lines.isEmpty() ? null : (ObjectNode) lines.get(random.nextInt(lines.size()));
        switch (k) {
            case 0 -> { // a name written out: the header's, or another
                if (line != null) {
                    JsonNode name = h.insuranceNames().path(line.path("insurance").asText());
                    line.put("nameZh", random.nextBoolean() && name.isTextual() ? name.textValue() : "基本医疗保险");
                }
            }
            case 1 -> { // a line's field removed
                if (line != null) {
                    List<String> keys = keys(line);
                    line.remove(keys.get(random.nextInt(keys.size())));
                }
            }
            case 2 -> { // a line's field changed, or written as a number
                if (line != null) {
                    List<String> keys = keys(line);
                    String key = keys.get(random.nextInt(keys.size()));
                    line.set(key, random.nextBoolean() ? TextNode.valueOf(line.get(key).asText() + "0")
                            : IntNode.valueOf(random.nextInt(3)));
                }
            }
            case 3 -> { // another insurance, or a field today's line does not have
                if (line != null) {
                    if (random.nextBoolean()) {
                        line.put("insurance", random.nextBoolean() ? "medical" : "pension");
                    } else {
                        line.put(random.nextBoolean() ? "employeeFixed" : "extra", "0");
                    }
                }
            }
            case 4 -> { // totals
                ObjectNode t = (ObjectNode) r.get("totals");
                switch (random.nextInt(3)) {
                    case 0 -> t.put("total", t.path("total").asText() + "1");
                    case 1 -> t.remove("employee");
                    default -> t.put("other", "0");
                }
            }
            case 5 -> r.put("baseAdjustment", random.nextBoolean() ? "WITHIN_LIMITS" : "RAISED_TO_FLOOR");
            case 6 -> { // region and period written out (as the request's, or not), or only one of them
                ObjectNode copy = r.deepCopy();
                r.removeAll();
                if (random.nextInt(3) != 0) {
                    r.put("region", random.nextBoolean() ? request.path("region").asText() : "wuhan");
                }
                if (random.nextInt(3) != 0) {
                    r.put("period", random.nextBoolean() ? request.path("period").asText() : "2025-07");
                }
                r.setAll(copy);
            }
            case 7, 8 -> messages(r, k == 7 ? "notes" : "warnings", random, h);
            case 9 -> r.put(random.nextBoolean() ? "trace" : "unknown", "x");
            case 10 -> { // a line dropped or given twice
                if (lines != null && !lines.isEmpty()) {
                    if (random.nextBoolean()) {
                        lines.remove(random.nextInt(lines.size()));
                    } else {
                        lines.add(lines.get(0).deepCopy());
                    }
                }
            }
            case 11 -> { // the request the implied region and period come from
                ((ObjectNode) request).put(random.nextBoolean() ? "region" : "period", random.nextBoolean() ? "2025-12" : "yichang");
            }
            case 12 -> { // a line of another shape
                if (lines != null && !lines.isEmpty()) {
                    lines.set(random.nextInt(lines.size()), random.nextBoolean() ? TextNode.valueOf("pension") : JSON.createArrayNode());
                }
            }
            case 13 -> r.set(random.nextBoolean() ? "lines" : "totals", TextNode.valueOf("x"));
            case 14 -> { // a line's insurance whose header name is not text, or no insurance
                if (line != null) {
                    if (random.nextBoolean()) {
                        line.put("insurance", "no_such_insurance");
                    } else {
                        line.remove("insurance");
                    }
                }
            }
            default -> { // the result as written: both must say so
            }
        }
        return request;
    }

    /** Cited messages written out, swapped, dropped, given another shape. */
    private static void messages(ObjectNode r, String key, Random random, AuditHeader h) {
        JsonNode ms = r.get(key);
        if (ms == null) {
            return;
        }
        if (ms.isTextual()) { // a cited list: written out as its definition, or a reference to nothing
            JsonNode d = h.message(ms.textValue());
            r.set(key, random.nextBoolean() && d != null ? d.deepCopy() : TextNode.valueOf("0123456789abcdef0123456789abcdef"));
            return;
        }
        if (!(ms instanceof ArrayNode a) || a.isEmpty()) {
            r.set(key, random.nextBoolean() ? JSON.createObjectNode() : JSON.createArrayNode().add("x"));
            return;
        }
        int i = random.nextInt(a.size());
        switch (random.nextInt(4)) {
            case 0 -> { // a cited message written out (the same message), or an inline one's text changed
                JsonNode m = a.get(i);
                if (m.isTextual() && h.message(m.textValue()) != null) {
                    a.set(i, h.message(m.textValue()).deepCopy());
                } else if (m.isObject()) {
                    ((ObjectNode) m).put("zh", m.path("zh").asText() + "。");
                }
            }
            case 1 -> { // two swapped
                int j = random.nextInt(a.size());
                JsonNode x = a.get(i);
                a.set(i, a.get(j));
                a.set(j, x);
            }
            case 2 -> a.remove(i);
            default -> { // an inline message with a key more, or a number
                JsonNode m = a.get(i);
                if (m.isObject()) {
                    ((ObjectNode) m).put("extra", "x");
                } else {
                    a.set(i, IntNode.valueOf(1));
                }
            }
        }
    }

    private static List<String> keys(ObjectNode o) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    /** The version-2 trail of the population as {@code batch --audit-out} writes it (rows the rules refuse left out). */
    private static List<String> trail(List<ContributionRequest> population) throws IOException {
        Path file = Files.createTempFile("trail", ".jsonl");
        try {
            ContributionPlanner planner = new ContributionPlanner(RULES);
            try (AuditTrailWriter w = AuditTrailWriter.append(file, RULES, Optional.empty(), Optional.empty())) {
                List<AuditHeader.Row> rows = new ArrayList<>();
                for (ContributionRequest r : population) {
                    try {
                        ContributionResult c = planner.complete(r);
                        rows.add(w.row(io.shebao.audit.EvaluationKind.CONTRIBUTION, ContributionJson.request(r),
                                ContributionJson.result(c), c.trace()));
                    } catch (ShebaoException e) {
                        // no record
                    }
                }
                w.append(rows);
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
