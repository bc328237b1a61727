package io.shebao.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.ShebaoRules;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.internal.hash.Sha256;
import io.shebao.internal.json.ContributionJson;
import io.shebao.internal.json.Json;
import io.shebao.trace.ParameterUse;
import io.shebao.trace.RuleFiring;

import java.time.Instant;
import java.util.ArrayList;
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
    /** Reads one value from a parser in the middle of a line (the rest of the line is compared as text). */
    private static final ObjectMapper VALUE_READER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private TrailRowReplay() {
    }

    static Optional<ReplayOutcome> identical(Audit audit, String text, long line, AuditHeader header,
                                             Optional<VerifyingKey> key,
                                             BiFunction<ShebaoRules, ContributionRequest, ContributionResult> contributions) {
        Optional<ReplayOutcome> asWritten = asWritten(audit, text, line, header, key, contributions);
        return asWritten.isPresent() ? asWritten : fieldByField(audit, text, line, header, key, contributions);
    }

    /**
     * 按原文核对: the row is exactly the line {@link AuditHeader#row} writes for today's result under this header
     * (content compared as text, then the seal), so only the request is parsed. A row written by the same
     * library with the same rules and parameters is decided here; any other answers nothing (then
     * {@link #fieldByField} tries, then the usual replay).
     *
     * <p>Why equal text is enough: the content written today is canonical (it is what {@code Json.write} gives
     * for the parsed row, so the digest is checked over the same text as the usual path checks), its trace
     * entries are table indexes whose entries are exactly today's JSON (checked as in {@link #traceMatches}), its
     * cited messages are defined before the row in this section (their references are their contents' hashes,
     * checked when the messages line was read), and {@code AuditHeader.expand} gives back today's result from it
     * ({@code AuditTrailTest}: every row expands to the version-1 content of its evaluation).
     */
    static Optional<ReplayOutcome> asWritten(Audit audit, String text, long line, AuditHeader header,
                                                     Optional<VerifyingKey> key,
                                                     BiFunction<ShebaoRules, ContributionRequest, ContributionResult> contributions) {
        String start = "{\"kind\":\"contribution\",\"header\":\"" + header.reference() + "\",\"request\":{";
        Seal seal = Seal.of(text);
        if (seal == null || !text.startsWith(start)) {
            return Optional.empty();
        }
        JsonNode request;
        try (JsonParser p = VALUE_READER.getFactory().createParser(text)) {
            // {"kind":"contribution","header":"…","request": then the request object (the rest is compared as text)
            for (int i = 0; i < 7; i++) {
                p.nextToken();
            }
            if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            request = VALUE_READER.readTree(p);
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (!(request instanceof ObjectNode req)) {
            return Optional.empty();
        }
        if (seal.evaluatedAt != null) {
            try {
                Instant.parse(seal.evaluatedAt);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        String content = text.substring(0, seal.start) + "}";
        String computed = AuditHeader.rowDigest(header.computedDigest(), content);
        if (!computed.equals(seal.digest)) {
            return Optional.empty();
        }
        if (key.isPresent()) {
            JsonNode s = header.signing();
            String keyId = s == null ? "" : s.path("keyId").asText();
            String algorithm = s == null ? "" : s.path("algorithm").asText();
            if (seal.signature == null || !keyId.equals(key.get().keyId())
                    || !AuditHeader.verifies(key.get(), algorithm, seal.signature, computed)) {
                return Optional.empty();
            }
        }
        ShebaoRules view = audit.viewFor(header.scenario());
        if (!header.ruleSetHash().equals(audit.ruleSet().hash())
                || !header.parameterSetHash().equals(view.parameters().hash())) {
            return Optional.empty();
        }
        ContributionResult now;
        try {
            now = contributions.apply(view, ContributionAudit.readRequest(req));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        AuditHeader.Content today = header.content(EvaluationKind.CONTRIBUTION, req, ContributionJson.result(now), now.trace());
        if (!today.indexesOnly() || !today.text().equals(content)) {
            return Optional.empty();
        }
        for (String ref : today.cited().keySet()) {
            if (header.message(ref) == null) {
                return Optional.empty(); // not defined before this row: the usual path says so
            }
        }
        for (RuleFiring f : now.trace().rules()) {
            Integer ix = header.ruleIndex(f);
            if (ix == null || !header.ruleEntryIs(ix, f)) {
                return Optional.empty();
            }
        }
        for (ParameterUse u : now.trace().parameters()) {
            Integer ix = header.parameterIndex(u);
            if (ix == null || !header.parameterEntryIs(ix, u)) {
                return Optional.empty();
            }
        }
        return Optional.of(outcome(audit, line, header, view, req, now));
    }

    /**
     * The seal at the end of a line as {@link AuditHeader#row} writes it: {@code ,"digest":"…"}, then optionally
     * {@code ,"signature":"…"} and {@code ,"evaluatedAt":"…"}, then the closing brace; values without quotes or
     * escapes. {@code start} is where the content's closing brace would be. Null for any other ending.
     */
    private record Seal(int start, String digest, String signature, String evaluatedAt) {
        static Seal of(String text) {
            int at = text.lastIndexOf(",\"digest\":\"");
            if (at < 0 || !text.endsWith("\"}")) {
                return null;
            }
            int i = at + ",\"digest\":\"".length();
            int end = plainValueEnd(text, i);
            if (end < 0) {
                return null;
            }
            String digest = text.substring(i, end);
            i = end + 1;
            String signature = null;
            if (text.startsWith(",\"signature\":\"", i)) {
                i += ",\"signature\":\"".length();
                end = plainValueEnd(text, i);
                if (end < 0) {
                    return null;
                }
                signature = text.substring(i, end);
                i = end + 1;
            }
            String evaluatedAt = null;
            if (text.startsWith(",\"evaluatedAt\":\"", i)) {
                i += ",\"evaluatedAt\":\"".length();
                end = plainValueEnd(text, i);
                if (end < 0) {
                    return null;
                }
                evaluatedAt = text.substring(i, end);
                i = end + 1;
            }
            return i == text.length() - 1 ? new Seal(at, digest, signature, evaluatedAt) : null;
        }

        /** Index of the quote closing a string value starting at {@code i}, or -1 if it has an escape. */
        private static int plainValueEnd(String text, int i) {
            int q = text.indexOf('"', i);
            return q < 0 || text.lastIndexOf('\\', q) >= i ? -1 : q;
        }
    }

    /** The usual path's outcome for an identical contribution row recomputed as {@code now}. */
    private static ReplayOutcome outcome(Audit audit, long line, AuditHeader header, ShebaoRules view, JsonNode request,
                                         ContributionResult now) {
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
        return new ReplayOutcome(line, ReplayStatus.IDENTICAL, ContributionAudit.subject(request), List.of(),
                List.of(), List.of(), List.of(), notes, Optional.of(recomputed));
    }

    private static Optional<ReplayOutcome> fieldByField(Audit audit, String text, long line, AuditHeader header,
                                                        Optional<VerifyingKey> key,
                                                        BiFunction<ShebaoRules, ContributionRequest, ContributionResult> contributions) {
        JsonNode n;
        try {
            n = READER.readTree(text);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (!(n instanceof ObjectNode row) || !AuditHeader.isRow(n) || !"contribution".equals(row.path("kind").textValue())) {
            return Optional.empty();
        }
        // the shape AuditHeader.expand accepts, else it is not certain: the usual path reports what is wrong
        ObjectNode content = row.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (AuditHeader.ROW_KEYS.contains(f.getKey())) {
                content.set(f.getKey(), f.getValue());
            } else if (!AuditHeader.SEAL_KEYS.contains(f.getKey())) {
                return Optional.empty();
            }
        }
        JsonNode request = row.get("request");
        JsonNode result = row.get("result");
        JsonNode trace = row.get("trace");
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
        String computed = AuditHeader.rowDigest(header.computedDigest(), Json.write(content, false));
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
        if (!resultMatches((ObjectNode) result, request, ContributionJson.result(now), header)
                || !traceMatches(trace, now, header)) {
            return Optional.empty();
        }
        return Optional.of(outcome(audit, line, header, view, request, now));
    }

    /**
     * True when the row's result, expanded as {@code AuditHeader.expandResult} does (region and period from the
     * request, insurance names from the header, cited messages from their definitions), equals today's.
     */
    private static boolean resultMatches(ObjectNode written, JsonNode request, ObjectNode today, AuditHeader header) {
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
                case "lines" -> linesMatch(f.getValue(), want, header.insuranceNames());
                case "notes", "warnings" -> messagesMatch(f.getValue(), want, header);
                default -> f.getValue().equals(want);
            };
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static boolean linesMatch(JsonNode written, JsonNode want, JsonNode names) {
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
            // expanded: the line with the header's name of its insurance
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

    private static boolean messagesMatch(JsonNode written, JsonNode want, AuditHeader header) {
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
                m = header.message(m.textValue());
                if (m == null) {
                    return false;
                }
            }
            if (!m.equals(want.get(i))) {
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
