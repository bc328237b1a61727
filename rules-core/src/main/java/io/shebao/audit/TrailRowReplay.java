package io.shebao.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.ShebaoRules;
import io.shebao.contribution.ContributionLine;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.contribution.ContributionTotals;
import io.shebao.internal.json.ContributionJson;
import io.shebao.internal.json.Json;
import io.shebao.trace.Message;
import io.shebao.trace.ParameterUse;
import io.shebao.trace.RuleFiring;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * 逐字段重放: a version-2 contribution row replayed without expanding it to the version-1 content or building
 * today's record. The row is recomputed as {@link Audit#replay(AuditRecord, Optional, long, BiFunction)} does, and
 * the expansion of its result and trace is compared with today's result and trace piece by piece: each line
 * with the header's insurance names, each cited message with its definition, each trace index with the header
 * table's entry, which must be exactly the JSON today's record would carry.
 *
 * <p>It only ever answers {@code identical}, and only when every part of that verdict is certain: digest (and
 * signature) verified, hashes equal to this library's, the expanded result and trace equal to today's. For
 * anything else — a difference, an edit, an unusual shape, a carried-forward parameter, a row the expansion would
 * refuse — it answers nothing, and the caller replays the record the usual way, so that every verdict is the
 * usual path's ({@code ReplayEquivalenceProperties} checks this record by record).
 */
final class TrailRowReplay {
    private static final ObjectMapper READER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private TrailRowReplay() {
    }

    static Optional<ReplayOutcome> identical(Audit audit, String text, long line, AuditHeader header,
                                             Optional<VerifyingKey> key,
                                             BiFunction<ShebaoRules, ContributionRequest, ContributionResult> contributions) {
        JsonNode n = RowTree.read(text); // a line as written; any other text as before:
        if (n == null) {
            try {
                n = READER.readTree(text);
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        }
        if (!(n instanceof ObjectNode row) || !AuditHeader.isRow(n) || !"contribution".equals(row.path("kind").textValue())) {
            return Optional.empty();
        }
        // the shape AuditHeader.expand accepts, else it is not certain: the usual path reports what is wrong
        boolean cased = header.formatVersion() >= AuditHeader.FORMAT_VERSION && row.has("case");
        List<String> keys = cased ? AuditHeader.CASE_ROW_KEYS : AuditHeader.ROW_KEYS;
        ObjectNode content = row.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (keys.contains(f.getKey())) {
                content.set(f.getKey(), f.getValue());
            } else if (!AuditHeader.SEAL_KEYS.contains(f.getKey())) {
                return Optional.empty();
            }
        }
        ObjectNode shaped = row;
        if (cased) { // a version-3 row as the version-2 row of the same result (its case's parts filled in)
            try {
                shaped = header.withCase(row);
            } catch (io.shebao.ShebaoException e) {
                return Optional.empty();
            }
        }
        JsonNode request = shaped.get("request");
        JsonNode result = shaped.get("result");
        JsonNode trace = shaped.get("trace");
        JsonNode digest = row.get("digest");
        String ref = row.path("header").asText("");
        if (request == null || !request.isObject() || result == null || !result.isObject() || trace == null
                || !trace.isObject() || digest == null || !digest.isTextual()
                || !header.digest().startsWith(ref)
                || ref.length() != Math.min(AuditHeader.REFERENCE_LENGTH, header.digest().length())) {
            return Optional.empty();
        }
        if (row.has("signature") && !row.get("signature").isTextual()) {
            return Optional.empty();
        }
        if (row.has("evaluatedAt")) {
            try {
                Instant.parse(row.get("evaluatedAt").asText());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        // digest, then signature, as Audit.replay checks them
        String computed = digestFromLine(header.rowDigests(), text, content.size());
        if (computed == null) {
            computed = header.rowDigests().of(Json.write(content, false));
        }
        if (!computed.equals(digest.textValue())) {
            return Optional.empty();
        }
        if (key.isPresent()) {
            JsonNode s = header.signing();
            String keyId = s == null ? "" : s.path("keyId").asText();
            String algorithm = s == null ? "" : s.path("algorithm").asText();
            if (!row.has("signature") || !keyId.equals(key.get().keyId())
                    || !AuditHeader.verifies(key.get(), algorithm, row.get("signature").textValue(), computed)) {
                return Optional.empty();
            }
        }
        Optional<ScenarioRef> scenario = header.scenario();
        ShebaoRules view = audit.viewFor(scenario);
        if (!header.ruleSetHash().equals(audit.ruleSet().hash())
                || !header.parameterSetHash().equals(view.parameters().hash())) {
            return Optional.empty(); // changed-hash-only or different: the usual path says which
        }
        ContributionResult now;
        try {
            now = contributions.apply(view, ContributionAudit.readRequest(request));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!resultMatches((ObjectNode) result, request, now, header)
                || !traceMatches(trace, now, header)) {
            return Optional.empty();
        }
        List<String> packs = new ArrayList<>();
        for (ParameterUse u : now.trace().parameters()) {
            // as AuditRecord.packsInTrace reads them from the (equal) expanded trace, where Json.trace wrote u.pack()
            String pack = u.pack() == null ? "" : u.pack();
            if (!pack.isEmpty() && !pack.equals("bundled") && !packs.contains(pack)) {
                packs.add(pack);
            }
        }
        List<String> notes = audit.rowNotes(header, packs);
        AuditRecord recomputed = AuditRecord.lazy(() -> new Audit(view).record(now));
        return Optional.of(new ReplayOutcome(line, ReplayStatus.IDENTICAL, ContributionAudit.subject(request), List.of(),
                List.of(), List.of(), List.of(), notes, Optional.of(recomputed)));
    }

    /**
     * The row's digest ({@link RowDigest} of its canonical content) hashed straight from the line's
     * UTF-8 bytes, when the line is exactly the canonical content followed by the seal ({@link #canonicalEnd});
     * null for any other line, whose content is then written again from its tree as before. Same digest either
     * way; writing the tree again and copying it into one string were ~8% of a replay's CPU (docs/PERFORMANCE.md,
     * "Issue 13, stop 13").
     */
    static String digestFromLine(RowDigest digests, String text, int contentKeys) {
        byte[] line = text.getBytes(StandardCharsets.UTF_8);
        int end = canonicalEnd(line, contentKeys);
        if (end < 0) {
            return null;
        }
        return digests.ofClosed(line, end);
    }

    /**
     * Where the row's canonical content (what {@code Json.write} gives for the row without its seal) ends in the
     * line's UTF-8 bytes: the index of the comma before the first seal key, when the line is exactly the content
     * followed by the seal — no white space outside strings, no escape anywhere, numbers as plain integers, the
     * {@code contentKeys} keys first and then only seal keys; else -1. The content's text is then the bytes before
     * that index and a closing brace. The line has already been parsed: it is one valid JSON object without
     * duplicate keys or control characters in strings, whose keys are content or seal keys. Bytes of a character
     * beyond ASCII are all ≥ 0x80 in UTF-8, so none of them is taken for a quote, a brace or a backslash.
     */
    static int canonicalEnd(byte[] line, int contentKeys) {
        int n = line.length;
        if (n < 2 || line[0] != '{') {
            return -1;
        }
        int depth = 0;
        int keys = 0;
        boolean keyNext = false; // at depth 1, after '{' or ','
        for (int i = 0; i < n; i++) {
            byte c = line[i];
            switch (c) {
                case '{', '[' -> {
                    depth++;
                    keyNext = depth == 1;
                }
                case '}', ']' -> {
                    depth--;
                    keyNext = false;
                }
                case ',' -> keyNext = depth == 1;
                case ':' -> keyNext = false;
                case '"' -> {
                    int start = i + 1;
                    i = start;
                    while (i < n && (c = line[i]) != '"') {
                        if (c == '\\') {
                            return -1; // Jackson writes escapes its own way
                        }
                        i++;
                    }
                    if (i == n) {
                        return -1;
                    }
                    if (keyNext) {
                        keyNext = false;
                        if (isSealKey(line, start, i)) {
                            // the first seal key: everything before it must be the content, and nothing after it
                            return keys == contentKeys && start - 2 > 0 && line[start - 2] == ',' ? start - 2 : -1;
                        }
                        keys++;
                    }
                }
                case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                    int start = i;
                    if (c == '-') {
                        i++;
                    }
                    if (i >= n || line[i] < '0' || line[i] > '9' || (line[i] == '0' && start != i)) {
                        return -1; // "-" alone or "-0…": not written back as read
                    }
                    while (i + 1 < n && line[i + 1] >= '0' && line[i + 1] <= '9') {
                        i++;
                    }
                    byte next = i + 1 < n ? line[i + 1] : 0;
                    if (next != ',' && next != '}' && next != ']') {
                        return -1; // a fraction or an exponent is a double: written back another way
                    }
                }
                case 't', 'f', 'n' -> {
                    byte[] literal = c == 't' ? TRUE : c == 'f' ? FALSE : NULL;
                    if (!Arrays.equals(line, i, Math.min(n, i + literal.length), literal, 0, literal.length)) {
                        return -1;
                    }
                    i += literal.length - 1;
                }
                default -> {
                    return -1; // white space, or anything else outside a string
                }
            }
        }
        return -1; // no seal key (the parse required a digest): not this shape
    }

    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private static boolean isSealKey(byte[] line, int from, int to) {
        for (String k : AuditHeader.SEAL_KEYS) {
            if (k.length() == to - from) {
                boolean same = true;
                for (int j = 0; j < k.length() && same; j++) {
                    same = line[from + j] == k.charAt(j);
                }
                if (same) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True when the row's result, expanded as {@code AuditHeader.expandResult} does (region and period from the
     * request, insurance names from the header, cited messages from their definitions), equals today's result as
     * {@link ContributionJson#result} writes it. Compared with today's values directly, without writing that
     * JSON: building it was a quarter of a replay's allocations and ~5% of its CPU (docs/PERFORMANCE.md, "Issue
     * 13, stop 14"). The answer is that of {@link #resultMatchesJson} given {@code ContributionJson.result(today)}
     * ({@code ResultMatchTest} compares the two on written rows and on edits of every part).
     */
    static boolean resultMatches(ObjectNode written, JsonNode request, ContributionResult today, AuditHeader header) {
        String region = today.request().region();
        String period = today.request().period().toString();
        int keys = written.size();
        if (!written.has("region") && !written.has("period")) {
            keys += 2;
            if (!isText(request.path("region"), region) || !isText(request.path("period"), period)) {
                return false;
            }
        }
        if (keys != RESULT_KEYS) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = written.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            boolean same = switch (f.getKey()) {
                case "region" -> isText(v, region);
                case "period" -> isText(v, period);
                case "baseAdjustment" -> isText(v, today.baseAdjustment().name());
                case "lines" -> linesMatch(v, today.lines(), header.insuranceNames());
                case "totals" -> totalsMatch(v, today.totals());
                case "notes" -> messagesMatch(v, today.notes(), header);
                case "warnings" -> messagesMatch(v, today.warnings(), header);
                default -> false; // not a key of today's result
            };
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** The keys of {@link ContributionJson#result}: region, period, baseAdjustment, lines, totals, notes, warnings. */
    private static final int RESULT_KEYS = 7;

    /** {@code n.equals(new TextNode(text))}: only a text node equals a text node. */
    private static boolean isText(JsonNode n, String text) {
        return n != null && n.isTextual() && text.equals(n.textValue());
    }

    private static boolean linesMatch(JsonNode written, List<ContributionLine> want, JsonNode names) {
        if (!written.isArray() || written.size() != want.size()) {
            return false;
        }
        for (int i = 0; i < written.size(); i++) {
            JsonNode l = written.get(i);
            ContributionLine w = want.get(i);
            int wantKeys = w.employeeFixed().signum() != 0 ? 8 : 7; // as ContributionJson.result writes a line
            JsonNode name = l.isObject() && l.has("insurance") ? names.path(l.path("insurance").asText()) : null;
            if (name == null || l.has("nameZh") || !name.isTextual()) {
                // written out: the same keys as today's line, each with today's text
                if (!l.isObject() || l.size() != wantKeys || !lineFieldsMatch(l, w)) {
                    return false;
                }
                continue;
            }
            // expanded: the line with the header's name of its insurance
            if (wantKeys != l.size() + 1 || !name.textValue().equals(w.insurance().nameZh()) || !lineFieldsMatch(l, w)) {
                return false;
            }
        }
        return true;
    }

    /** Every field of the written line is a field of today's line, with its text. */
    private static boolean lineFieldsMatch(JsonNode l, ContributionLine w) {
        for (Iterator<Map.Entry<String, JsonNode>> it = l.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String want = switch (f.getKey()) {
                case "insurance" -> w.insurance().code();
                case "nameZh" -> w.insurance().nameZh();
                case "base" -> Json.decimal(w.base());
                case "employerRate" -> Json.decimal(w.employerRate());
                case "employeeRate" -> Json.decimal(w.employeeRate());
                case "employer" -> Json.decimal(w.employer());
                case "employee" -> Json.decimal(w.employee());
                case "employeeFixed" -> w.employeeFixed().signum() != 0 ? Json.decimal(w.employeeFixed()) : null;
                default -> null;
            };
            if (want == null || !isText(f.getValue(), want)) {
                return false;
            }
        }
        return true;
    }

    private static boolean totalsMatch(JsonNode written, ContributionTotals t) {
        if (!written.isObject() || written.size() != 3) {
            return false;
        }
        return isText(written.get("employer"), Json.decimal(t.employer()))
                && isText(written.get("employee"), Json.decimal(t.employee()))
                && isText(written.get("total"), Json.decimal(t.total()));
    }

    private static boolean messagesMatch(JsonNode written, List<Message> want, AuditHeader header) {
        JsonNode ms = written;
        if (ms.isTextual()) {
            ms = header.message(ms.textValue());
            if (ms == null || !ms.isArray()) {
                return false;
            }
        }
        if (!ms.isArray() || want.size() != ms.size()) {
            return false; // only an array equals today's array of messages
        }
        for (int i = 0; i < ms.size(); i++) {
            JsonNode m = ms.get(i);
            Message w = want.get(i);
            if (m.isTextual()) {
                // a cited message: its definition equal to today's (null when undefined: not equal)
                if (!header.definedMessageEquals(m.textValue(), Json.object().put("code", w.code())
                        .put("zh", w.zh()).put("en", w.en()))) {
                    return false;
                }
            } else if (!m.isObject() || m.size() != 3 || !isText(m.get("code"), w.code())
                    || !isText(m.get("zh"), w.zh()) || !isText(m.get("en"), w.en())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The comparison with today's result written as JSON ({@code ContributionJson.result}), as the fast path made
     * it before issue 13's stop 14: the definition {@link #resultMatches} must agree with, kept for its test.
     */
    static boolean resultMatchesJson(ObjectNode written, JsonNode request, ObjectNode today, AuditHeader header) {
        int keys = written.size();
        if (!written.has("region") && !written.has("period")) {
            keys += 2;
            if (!today.get("region").equals(request.path("region")) || !today.get("period").equals(request.path("period"))) {
                return false;
            }
        }
        if (keys != today.size()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = written.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode want = today.get(f.getKey());
            if (want == null) {
                return false;
            }
            boolean same = switch (f.getKey()) {
                case "lines" -> linesMatchJson(f.getValue(), want, header.insuranceNames());
                case "notes", "warnings" -> messagesMatchJson(f.getValue(), want, header);
                default -> f.getValue().equals(want);
            };
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static boolean linesMatchJson(JsonNode written, JsonNode want, JsonNode names) {
        if (!written.isArray() || !want.isArray() || written.size() != want.size()) {
            return false;
        }
        for (int i = 0; i < written.size(); i++) {
            JsonNode l = written.get(i);
            JsonNode w = want.get(i);
            JsonNode name = l.isObject() && l.has("insurance") ? names.path(l.path("insurance").asText()) : null;
            if (name == null || l.has("nameZh") || !name.isTextual()) {
                if (!l.equals(w)) {
                    return false;
                }
                continue;
            }
            if (w.size() != l.size() + 1 || !name.equals(w.get("nameZh"))) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = l.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!f.getValue().equals(w.get(f.getKey()))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean messagesMatchJson(JsonNode written, JsonNode want, AuditHeader header) {
        JsonNode ms = written;
        if (ms.isTextual()) {
            ms = header.message(ms.textValue());
            if (ms == null || !ms.isArray()) {
                return false;
            }
        }
        if (!ms.isArray()) {
            return ms.equals(want);
        }
        if (!want.isArray() || want.size() != ms.size()) {
            return false;
        }
        for (int i = 0; i < ms.size(); i++) {
            JsonNode m = ms.get(i);
            if (m.isTextual()) {
                if (!header.definedMessageEquals(m.textValue(), want.get(i))) {
                    return false;
                }
            } else if (!m.equals(want.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** True when every trace entry is a table index whose entry is exactly today's entry at that place. */
    private static boolean traceMatches(JsonNode trace, ContributionResult now, AuditHeader header) {
        JsonNode rules = trace.get("rules");
        JsonNode params = trace.get("parameters");
        List<RuleFiring> fs = now.trace().rules();
        List<ParameterUse> us = now.trace().parameters();
        if (rules == null || !rules.isArray() || rules.size() != fs.size() || params == null || !params.isArray()
                || params.size() != us.size()) {
            return false;
        }
        for (int i = 0; i < fs.size(); i++) {
            JsonNode e = rules.get(i);
            if (!e.isInt() || !header.ruleEntryIs(e.intValue(), fs.get(i))) {
                return false;
            }
        }
        for (int i = 0; i < us.size(); i++) {
            JsonNode e = params.get(i);
            // a carried-forward use ({"ref": N, …}) or an entry written out: the usual path compares it
            if (!e.isInt() || !header.parameterEntryIs(e.intValue(), us.get(i))) {
                return false;
            }
        }
        return true;
    }
}
