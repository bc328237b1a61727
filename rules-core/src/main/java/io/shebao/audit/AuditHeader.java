package io.shebao.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.contribution.ContributionEvaluator;
import io.shebao.contribution.ContributionLine;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.internal.engine.RuleEngine;
import io.shebao.internal.hash.Sha256;
import io.shebao.internal.json.ContributionJson;
import io.shebao.internal.json.Json;
import io.shebao.parameter.ParameterValue;
import io.shebao.retirement.RetirementEvaluator;
import io.shebao.trace.Message;
import io.shebao.trace.ParameterUse;
import io.shebao.trace.RuleFiring;
import io.shebao.trace.Trace;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 审计文件头: the header record of a version-2 audit trail (docs/AUDIT.md, "Version 2"). It states once what
 * every row of its section shares: library version, rule-set and parameter-set hashes, layers, scenario, the
 * signing key, and two tables: every rule of the rule bases and every parameter value loaded. Rows reference
 * table entries by index instead of repeating their texts, and each row's digest covers this header's digest,
 * so a row moved under another header no longer verifies. Immutable and thread-safe: workers format rows in
 * parallel with {@link #row}.
 */
public final class AuditHeader {
    /** The latest trail format: version 3, whose contribution rows cite a case ({@link RowCase}). */
    public static final int FORMAT_VERSION = 3;
    /** The first trail format (rows carry their whole result and trace); still written on request and read. */
    public static final int ROWS_FORMAT_VERSION = 2;
    /** Characters of the header digest a row repeats (the full digest is inside the row's digest). */
    public static final int REFERENCE_LENGTH = 16;

    static final List<String> CONTENT_KEYS = List.of("format", "formatVersion", "record", "libraryVersion",
            "ruleSetHash", "parameterSetHash", "parameterLayers", "scenario", "signing", "insuranceNames", "rules",
            "parameters");
    static final List<String> ROW_KEYS = List.of("kind", "header", "request", "result", "trace");
    /** The content keys of a version-3 row citing a case. */
    static final List<String> CASE_ROW_KEYS = List.of("kind", "header", "request", "case", "lines", "totals");
    static final Set<String> SEAL_KEYS = Set.of("digest", "signature", "evaluatedAt");

    private final ObjectNode content;
    /** {@code formatVersion}: 2 or 3. */
    private final int version;
    private final String digest;
    private final Optional<AuditRecord.Signature> signature;
    private final Optional<SigningKey> key;
    /** The tables, filled once by the first constructor and shared (never changed) by the copies. */
    private final List<ObjectNode> ruleEntries;
    private final List<ObjectNode> parameterEntries;
    private final Map<RuleFiring, Integer> ruleIndex;
    private final Map<ParameterUse, Integer> parameterIndex;
    /**
     * Messages (notes, warnings) defined in this section by "messages" lines, by reference, each with the
     * number of the messages line (in this section) that first defined it. Shared by the copies and only ever
     * added to: a copy sees the messages defined up to its own {@link #definedUpTo}, so rows read before a
     * messages line keep their view, without copying the whole map for every messages line (a 100,000-row trail
     * has hundreds of them).
     */
    private final Map<String, Defined> messages;
    /** How many messages lines of this section this copy has read. */
    private final int definedUpTo;
    /** How many messages lines the latest copy sharing {@link #messages} has read. */
    private final java.util.concurrent.atomic.AtomicInteger latest;

    private static final class Defined {
        final JsonNode message;
        final int by;
        /**
         * The strings (code, zh, en) of the last message of today's results found equal to this one, by identity:
         * the planner hands every row of a case the same note objects, so most rows' messages are these very
         * strings, and comparing their texts again was most of a replay's comparison (docs/PERFORMANCE.md,
         * "Issue 13, stop 13"). Strings are immutable, so being these objects means being equal to them.
         */
        volatile String[] sameAs;

        Defined(JsonNode message, int by) {
            this.message = message;
            this.by = by;
        }
    }
    /**
     * A trace's indexes into the tables, by the trace object (identity: planned rows share their plan's), when
     * every entry is in the tables; bounded, and dropped with the trace once no thread's {@link #recentTraces}
     * slot holds it (writer side).
     */
    private final com.github.benmanes.caffeine.cache.Cache<Trace, IndexedTrace> traceIndexes;
    /** The same, per worker thread, for the traces it met last (held strongly while in a slot; shared by the copies). */
    private final RecentByIdentity<Trace, IndexedTrace> recentTraces;

    /** The cases met per trace object (writer side; a planned row's trace is its plan's), bounded and weak as the traces. */
    private final com.github.benmanes.caffeine.cache.Cache<Trace, RowCase.OfTrace> casesByTrace;
    /** The same, per worker thread, for the traces it met last. */
    private final RecentByIdentity<Trace, RowCase.OfTrace> recentCases;

    /** The cases of the planner's case keys (writer side), bounded, weak as the keys; and per thread, the last met. */
    private final com.github.benmanes.caffeine.cache.Cache<Object, RowCase> casesByKey;
    private final RecentByIdentity<Object, RowCase> recentByKey;
    /** The cases made, by content: a row the rules evaluated (its own trace object) mostly has a case already made. */
    private final Map<RowCase.Shape, RowCase> casesByShape;
    private static final int MAX_CASES_BY_SHAPE = 100_000;

    /** A row's trace as indexes into the tables: its JSON and that JSON written compact in UTF-8 (shared, read-only). */
    private record IndexedTrace(ObjectNode json, byte[] utf8) {
    }
    /** {@code {"kind":"contribution","header":"<reference>","request":} as bytes: every contribution row's start. */
    private final byte[] contributionRowStart;
    /** A request's insurances as {@link #contributionRow} writes them, per set met lately (requests share sets). */
    private final RecentByIdentity<Set<io.shebao.contribution.Insurance>, byte[]> insuranceCodes;
    /** References of messages by their objects, for {@link #contributionRow} (writer side). */
    private final MessageCitations citations;
    /** The digest of the content as it is: rows are sealed over it, so an altered header breaks every row. */
    private final String computedDigest;
    /** Its rows' digests: SHA-256 having read {@link #computedDigest} and a line feed, once (shared by the copies). */
    private final RowDigest rowDigests;
    /**
     * Table index found for a trace entry of a recomputed result (a {@link RuleFiring} or {@link ParameterUse}),
     * whose table entry is the entry's JSON: replay's field-by-field comparison ({@link TrailRowReplay}). Shared
     * by the copies of this header; at most one key per entry the library has.
     */
    private final Map<Object, Integer> tableIndex;
    /** Notes of this section's rows, by replaying audit and packs used ({@link Audit#rowNotes}); shared by the copies. */
    private final Map<List<Object>, List<String>> rowNotes;

    private AuditHeader(ObjectNode content, String digest, Optional<AuditRecord.Signature> signature,
                        Optional<SigningKey> key) {
        this.messages = new java.util.concurrent.ConcurrentHashMap<>();
        this.definedUpTo = 0;
        this.latest = new java.util.concurrent.atomic.AtomicInteger();
        this.traceIndexes = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().weakKeys().maximumSize(50_000)
                .executor(Runnable::run).build();
        this.recentTraces = new RecentByIdentity<>(RecentByIdentity.SLOTS);
        this.tableIndex = new java.util.concurrent.ConcurrentHashMap<>();
        this.rowNotes = new java.util.concurrent.ConcurrentHashMap<>();
        this.citations = new MessageCitations();
        this.insuranceCodes = new RecentByIdentity<>(RecentByIdentity.SLOTS);
        this.content = content;
        this.version = content.path("formatVersion").intValue(); // isHeader let only the whole numbers 2 and 3 in
        this.casesByTrace = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().weakKeys().maximumSize(50_000)
                .executor(Runnable::run).build();
        this.recentCases = new RecentByIdentity<>(RecentByIdentity.SLOTS);
        this.casesByShape = new java.util.concurrent.ConcurrentHashMap<>();
        this.casesByKey = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().weakKeys().maximumSize(100_000)
                .executor(Runnable::run).build();
        this.recentByKey = new RecentByIdentity<>(RecentByIdentity.SLOTS);
        this.digest = digest;
        this.signature = signature;
        this.key = key;
        this.computedDigest = Sha256.of(Json.write(content, false));
        this.rowDigests = RowDigest.under(computedDigest);
        // a header read from a file may have any text as its digest: written as the generator writes a string
        JsonBytes start = new JsonBytes(96).raw(JsonBytes.ascii("{\"kind\":")).string(EvaluationKind.CONTRIBUTION.code())
                .raw(JsonBytes.ascii(",\"header\":")).string(reference()).raw(JsonBytes.ascii(",\"request\":"));
        this.contributionRowStart = start.toByteArray();
        List<ObjectNode> re = new ArrayList<>();
        for (JsonNode r : content.path("rules")) {
            re.add((ObjectNode) r);
        }
        List<ObjectNode> pe = new ArrayList<>();
        for (JsonNode p : content.path("parameters")) {
            pe.add((ObjectNode) p);
        }
        Map<RuleFiring, Integer> ri = new HashMap<>();
        List<RuleFiring> rs = TraceJson.rules(content);
        for (int i = 0; i < rs.size(); i++) {
            ri.putIfAbsent(rs.get(i), i);
        }
        Map<ParameterUse, Integer> pi = new HashMap<>();
        List<ParameterUse> ps = TraceJson.parameters(content);
        for (int i = 0; i < ps.size(); i++) {
            pi.putIfAbsent(ps.get(i), i);
        }
        this.ruleEntries = java.util.Collections.unmodifiableList(re);
        this.parameterEntries = java.util.Collections.unmodifiableList(pe);
        this.ruleIndex = java.util.Collections.unmodifiableMap(ri);
        this.parameterIndex = java.util.Collections.unmodifiableMap(pi);
    }

    /** The same section with one more messages line read (rows read earlier keep their view: {@link #messages}). */
    private AuditHeader(AuditHeader h, Map<String, Defined> messages, java.util.concurrent.atomic.AtomicInteger latest,
                        int definedUpTo) {
        this.content = h.content;
        this.version = h.version;
        this.casesByTrace = h.casesByTrace;
        this.recentCases = h.recentCases;
        this.casesByShape = h.casesByShape;
        this.casesByKey = h.casesByKey;
        this.recentByKey = h.recentByKey;
        this.digest = h.digest;
        this.signature = h.signature;
        this.key = h.key;
        this.computedDigest = h.computedDigest;
        this.rowDigests = h.rowDigests;
        this.ruleEntries = h.ruleEntries;
        this.parameterEntries = h.parameterEntries;
        this.ruleIndex = h.ruleIndex;
        this.parameterIndex = h.parameterIndex;
        this.messages = messages;
        this.latest = latest;
        this.definedUpTo = definedUpTo;
        this.traceIndexes = h.traceIndexes;
        this.recentTraces = h.recentTraces;
        this.citations = h.citations;
        this.insuranceCodes = h.insuranceCodes;
        this.contributionRowStart = h.contributionRowStart;
        this.tableIndex = h.tableIndex;
        this.rowNotes = h.rowNotes;
    }

    /** Characters of a message reference: 128 bits of the SHA-256 of the message's compact JSON. */
    public static final int MESSAGE_REFERENCE_LENGTH = 32;

    /** A message's reference: the first {@value #MESSAGE_REFERENCE_LENGTH} hex digits of its content hash. */
    static String messageReference(JsonNode message) {
        return Sha256.of(Json.write(message, false)).substring(0, MESSAGE_REFERENCE_LENGTH);
    }

    /**
     * Reads a "messages" line of this section: each entry must be keyed by its own reference (so an edited
     * text no longer matches the rows that cite it). Returns the section with them defined.
     */
    AuditHeader withMessages(ObjectNode line) {
        if (!reference().equals(line.path("header").asText(""))) {
            throw invalid("header", "the messages belong to header " + line.path("header").asText() + "…, but the header"
                    + " before them is " + reference() + "…");
        }
        JsonNode entries = line.path("entries");
        if (!entries.isObject()) {
            throw invalid("entries", "missing or not an object");
        }
        Map<String, JsonNode> all = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode m = e.getValue();
            boolean message = m.isObject() && m.path("code").isTextual() && m.path("zh").isTextual() && m.path("en").isTextual();
            boolean list = m.isArray();
            for (JsonNode x : m) {
                list &= x.isTextual();
            }
            boolean rowCase = version >= FORMAT_VERSION && !message && RowCase.isCase(m);
            if (!message && !list && !rowCase) {
                throw invalid("entries." + e.getKey(), version >= FORMAT_VERSION
                        ? "an entry is a message (code, zh, en), a list of message references or a case (baseAdjustment, "
                          + "lines, notes, warnings, trace; docs/AUDIT.md)"
                        : "an entry is a message (code, zh, en) or a list of message references");
            }
            String ref = messageReference(m);
            if (!ref.equals(e.getKey())) {
                throw invalid("entries." + e.getKey(), "the message's content gives reference " + ref
                        + ": the text was changed");
            }
            all.put(ref, m);
        }
        // only after the whole line is valid (an invalid line defines nothing); a message defined again keeps its
        // first definition, whose content is the same (its reference is its content's hash)
        int by = definedUpTo + 1;
        Map<String, Defined> into = messages;
        java.util.concurrent.atomic.AtomicInteger count = latest;
        if (!latest.compareAndSet(definedUpTo, by)) {
            // a messages line read on an older copy (the reader never does this): it branches off with its own map
            into = new java.util.concurrent.ConcurrentHashMap<>();
            for (Map.Entry<String, Defined> e : messages.entrySet()) {
                if (e.getValue().by <= definedUpTo) {
                    into.put(e.getKey(), e.getValue());
                }
            }
            count = new java.util.concurrent.atomic.AtomicInteger(by);
        }
        Map<String, Defined> defined = into;
        all.forEach((ref, m) -> defined.putIfAbsent(ref, new Defined(m, by)));
        return new AuditHeader(this, defined, count, by);
    }

    /** A row formatted for the trail, and the messages it cites by reference (to be defined before it). */
    public static final class Row {
        private final byte[] utf8;
        private final Map<String, JsonNode> messages;

        private Row(byte[] utf8, Map<String, JsonNode> messages) {
            this.utf8 = utf8;
            this.messages = messages;
        }

        /** The line, without its line feed (decoded from its bytes on each call: the trail writes the bytes). */
        public String line() {
            return new String(utf8, StandardCharsets.UTF_8);
        }

        /** The messages it cites: reference → definition, in the order it cites them; read-only. */
        public Map<String, JsonNode> messages() {
            return messages;
        }

        /** Writes the line's UTF-8 bytes (as sealed: the writer does not encode it again). */
        void writeTo(java.io.OutputStream out) throws java.io.IOException {
            out.write(utf8);
        }
    }

    /**
     * The "messages" line defining these messages in this section (written before the first row citing them).
     */
    public String messagesLine(Map<String, JsonNode> defined) {
        ObjectNode o = Json.object();
        o.put("record", "messages").put("header", reference());
        ObjectNode entries = o.putObject("entries");
        defined.forEach(entries::set);
        return Json.write(o, false);
    }

    /**
     * The header of a trail written by these rules (their scenario, if a view has one), signed with the key
     * when given; rows formatted by it are signed with the same key.
     */
    public static AuditHeader of(ShebaoRules rules, Optional<SigningKey> key) {
        return of(rules, key, ROWS_FORMAT_VERSION);
    }

    /**
     * As {@link #of(ShebaoRules, Optional)}, for a trail of this format version: {@value #ROWS_FORMAT_VERSION} (rows
     * carry their result and trace) or {@value #FORMAT_VERSION} (a contribution row cites its case).
     */
    public static AuditHeader of(ShebaoRules rules, Optional<SigningKey> key, int version) {
        if (version != ROWS_FORMAT_VERSION && version != FORMAT_VERSION) {
            throw new IllegalArgumentException("a trail's format version is 2 or 3, not " + version);
        }
        ObjectNode c = Json.object();
        c.put("format", AuditRecord.FORMAT).put("formatVersion", version).put("record", "header")
                .put("libraryVersion", ShebaoRules.version())
                .put("ruleSetHash", RuleSet.onClassPath(ShebaoRules.class.getClassLoader()).hash())
                .put("parameterSetHash", rules.parameters().hash());
        ArrayNode layers = c.putArray("parameterLayers");
        rules.parameters().layers().forEach(layers::add);
        rules.scenario().ifPresent(s -> c.putObject("scenario").put("name", s.name()).put("hash", s.hash()));
        key.ifPresent(k -> c.putObject("signing").put("algorithm", AuditKeys.ALGORITHM).put("keyId", k.keyId()));
        ObjectNode names = c.putObject("insuranceNames");
        for (io.shebao.contribution.Insurance i : io.shebao.contribution.Insurance.values()) {
            names.put(i.code(), i.nameZh());
        }
        List<RuleFiring> all = new ArrayList<>(RuleEngine.forKieBase(ContributionEvaluator.KIE_BASE).rules());
        all.addAll(RuleEngine.forKieBase(RetirementEvaluator.KIE_BASE).rules());
        List<ParameterUse> uses = new ArrayList<>();
        for (ParameterValue v : rules.parameters().values()) {
            uses.add(ParameterUse.of(v, false));
        }
        ObjectNode tables = Json.trace(new Trace(all, uses));
        c.set("rules", tables.get("rules"));
        c.set("parameters", tables.get("parameters"));
        String digest = Sha256.of(Json.write(c, false));
        Optional<AuditRecord.Signature> sig = key.map(k -> sign(k, digest));
        return new AuditHeader(c, digest, sig, key);
    }

    static AuditRecord.Signature sign(SigningKey k, String digest) {
        return new AuditRecord.Signature(AuditKeys.ALGORITHM, k.keyId(),
                Base64.getEncoder().encodeToString(k.sign(digest.getBytes(StandardCharsets.US_ASCII))));
    }

    /** True when the parsed line is a version-2 or version-3 header (a quick check before {@link #parse}). */
    static boolean isHeader(JsonNode n) {
        JsonNode f = n.path("formatVersion");
        int v = f.isInt() ? f.intValue() : 0;
        return (v == ROWS_FORMAT_VERSION || v == FORMAT_VERSION) && "header".equals(n.path("record").asText(null));
    }

    /** True when the parsed line is a trail's row, version 2 or 3 (it names its header instead of a format). */
    static boolean isRow(JsonNode n) {
        return !n.has("format") && n.has("header");
    }

    /**
     * Reads a header line (already parsed). The digest and signature are checked by
     * {@link #digestMatches()} and {@link #signatureVerifies}, so a header with a wrong digest can still be read.
     */
    static AuditHeader parse(ObjectNode all) {
        ObjectNode c = all.objectNode();
        for (Iterator<String> it = all.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!CONTENT_KEYS.contains(k) && !SEAL_KEYS.contains(k)) {
                throw invalid("header." + k, "unknown key '" + k + "'; a header has " + String.join(", ", CONTENT_KEYS)
                        + ", digest, signature");
            }
            if (CONTENT_KEYS.contains(k)) {
                c.set(k, all.get(k));
            }
        }
        for (String k : List.of("libraryVersion", "ruleSetHash", "parameterSetHash", "digest")) {
            if (!all.path(k).isTextual()) {
                throw invalid("header." + k, "missing or not a string");
            }
        }
        for (String k : List.of("parameterLayers", "rules", "parameters")) {
            if (!all.path(k).isArray()) {
                throw invalid("header." + k, "missing or not a list");
            }
        }
        for (JsonNode e : all.get("rules")) {
            if (!e.isObject()) {
                throw invalid("header.rules", "an entry is not an object");
            }
        }
        for (JsonNode e : all.get("parameters")) {
            if (!e.isObject()) {
                throw invalid("header.parameters", "an entry is not an object");
            }
        }
        if (all.has("scenario") && (!all.get("scenario").path("name").isTextual()
                || !all.get("scenario").path("hash").isTextual())) {
            throw invalid("header.scenario", "must have a name and a hash");
        }
        if (all.has("signing") && !all.get("signing").path("keyId").isTextual()) {
            throw invalid("header.signing", "must have an algorithm and a keyId");
        }
        Optional<AuditRecord.Signature> sig = Optional.empty();
        if (all.has("signature")) {
            JsonNode s = all.get("signature");
            if (!s.path("algorithm").isTextual() || !s.path("keyId").isTextual() || !s.path("value").isTextual()) {
                throw invalid("header.signature", "must have algorithm, keyId and value");
            }
            sig = Optional.of(new AuditRecord.Signature(s.get("algorithm").textValue(), s.get("keyId").textValue(),
                    s.get("value").textValue()));
        }
        return new AuditHeader(c, all.get("digest").textValue(), sig, Optional.empty());
    }

    static ShebaoException invalid(String field, String why) {
        return new ShebaoException(ErrorCode.AUDIT_RECORD_INVALID, field, null, "audit record: " + field + ": " + why);
    }

    /** The header as one JSON line. */
    public String line() {
        ObjectNode o = content.deepCopy();
        o.put("digest", digest);
        signature.ifPresent(s -> o.putObject("signature").put("algorithm", s.algorithm()).put("keyId", s.keyId())
                .put("value", s.value()));
        return Json.write(o, false);
    }

    /** {@code formatVersion}: {@value #ROWS_FORMAT_VERSION} or {@value #FORMAT_VERSION}. */
    public int formatVersion() {
        return version;
    }

    /** The digest as recorded. */
    public String digest() {
        return digest;
    }

    RowDigest rowDigests() {
        return rowDigests;
    }

    public String computedDigest() {
        return computedDigest;
    }

    public boolean digestMatches() {
        return digest.equals(computedDigest());
    }

    /** What rows repeat of the digest: its first {@value #REFERENCE_LENGTH} hex digits. */
    public String reference() {
        return digest.substring(0, Math.min(REFERENCE_LENGTH, digest.length()));
    }

    public Optional<AuditRecord.Signature> signature() {
        return signature;
    }

    /** The key id the header says its rows are signed with. */
    public Optional<String> signingKeyId() {
        JsonNode s = content.get("signing");
        return s == null ? Optional.empty() : Optional.of(s.get("keyId").textValue());
    }

    public boolean signatureVerifies(VerifyingKey k) {
        return signature.isPresent() && verifies(k, signature.get().algorithm(), signature.get().value(), computedDigest());
    }

    static boolean verifies(VerifyingKey k, String algorithm, String value, String digest) {
        if (!AuditKeys.ALGORITHM.equals(algorithm)) {
            return false;
        }
        try {
            return k.verifies(digest.getBytes(StandardCharsets.US_ASCII), Base64.getDecoder().decode(value));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public String libraryVersion() {
        return content.get("libraryVersion").textValue();
    }

    public String ruleSetHash() {
        return content.get("ruleSetHash").textValue();
    }

    public String parameterSetHash() {
        return content.get("parameterSetHash").textValue();
    }

    /** The parameter layers the header states (as a version-1 record's {@code parameterLayers}). */
    List<String> parameterLayers() {
        List<String> out = new ArrayList<>();
        content.get("parameterLayers").forEach(l -> out.add(l.asText()));
        return List.copyOf(out);
    }

    /** The scenario the header names (as a version-1 record's {@code scenario}). */
    Optional<ScenarioRef> scenario() {
        JsonNode s = content.get("scenario");
        return s == null ? Optional.empty() : Optional.of(new ScenarioRef(s.get("name").asText(), s.get("hash").asText()));
    }

    /** The {@code signing} object ({@code algorithm}, {@code keyId}), or null for unsigned rows. */
    JsonNode signing() {
        return content.get("signing");
    }

    JsonNode insuranceNames() {
        return content.path("insuranceNames");
    }

    /** A message (or list of references) defined by a messages line of this section, or null. */
    JsonNode message(String ref) {
        Defined d = messages.get(ref);
        return d == null || d.by > definedUpTo ? null : d.message;
    }

    /**
     * Whether the message defined under this reference (as {@link #message} sees it) equals {@code today}, a
     * message as {@code Json.messages} writes it: the same as {@code message(ref).equals(today)}, without
     * comparing the texts again when {@code today} holds the very strings last found equal.
     */
    boolean definedMessageEquals(String ref, JsonNode today) {
        Defined d = messages.get(ref);
        if (d == null || d.by > definedUpTo) {
            return false;
        }
        String code = today.path("code").textValue();
        String zh = today.path("zh").textValue();
        String en = today.path("en").textValue();
        boolean three = today.isObject() && today.size() == 3 && code != null && zh != null && en != null;
        String[] same = d.sameAs;
        if (three && same != null && same[0] == code && same[1] == zh && same[2] == en) {
            return true;
        }
        boolean equal = d.message.equals(today);
        if (equal && three) {
            d.sameAs = new String[]{code, zh, en};
        }
        return equal;
    }

    /** The notes of a row replayed by this audit with these packs: computed once (a section has few pack sets). */
    List<String> rowNotes(Audit audit, List<String> packs, java.util.function.Supplier<List<String>> notes) {
        List<Object> key = List.of(audit, packs); // an Audit is equal only to itself
        List<String> n = rowNotes.get(key);
        if (n == null) {
            n = List.copyOf(notes.get());
            if (rowNotes.size() < 1_000) {
                rowNotes.put(key, n);
            }
        }
        return n;
    }

    /** True when rules-table entry {@code i} is exactly the JSON of this firing in a recomputed record's trace. */
    boolean ruleEntryIs(int i, RuleFiring f) {
        return tableEntryIs(ruleEntries, i, f, Audit::ruleJson);
    }

    /** True when parameters-table entry {@code i} is exactly the JSON of this use in a recomputed record's trace. */
    boolean parameterEntryIs(int i, ParameterUse u) {
        return tableEntryIs(parameterEntries, i, u, Audit::parameterJson);
    }

    private <T> boolean tableEntryIs(List<ObjectNode> table, int i, T entry, java.util.function.Function<T, JsonNode> json) {
        if (i < 0 || i >= table.size()) {
            return false;
        }
        Integer known = tableIndex.get(entry);
        if (known != null && known == i) {
            return true;
        }
        boolean same = table.get(i).equals(json.apply(entry));
        if (same && known == null) {
            tableIndex.putIfAbsent(entry, i);
        }
        return same;
    }

    public int ruleCount() {
        return ruleEntries.size();
    }

    public int parameterCount() {
        return parameterEntries.size();
    }

    /**
     * One row of this header's section as a JSON line: the request and result in full, the trace as indexes
     * into the header's tables (an entry the tables lack is written out in full), sealed with a digest over
     * this header's digest and the row, and signed with the header's key.
     *
     * @param evaluatedAt when present, the time of evaluation (outside the digest)
     */
    public Row row(EvaluationKind kind, ObjectNode request, ObjectNode result, Trace trace,
                   Optional<Instant> evaluatedAt) {
        Map<String, JsonNode> cited = new java.util.LinkedHashMap<>();
        if (kind == EvaluationKind.CONTRIBUTION) {
            // notes and warnings shared by many rows (a secondary source, a scenario value) are cited by reference;
            // those stating the row's own amount are written out
            String amount = request.has("wage") ? request.path("wage").asText() : request.path("base").asText();
            result = result.deepCopy();
            for (String list : List.of("notes", "warnings")) {
                JsonNode ms = result.path(list);
                if (!ms.isArray()) {
                    continue;
                }
                ArrayNode refs = Json.array();
                for (JsonNode m : ms) {
                    if (m.path("zh").asText().contains(amount) || m.path("en").asText().contains(amount)) {
                        refs.add(m);
                        continue;
                    }
                    String ref = messageReference(m);
                    cited.put(ref, (ObjectNode) m);
                    refs.add(ref);
                }
                boolean allCited = refs.size() >= 2;
                for (JsonNode x : refs) {
                    allCited &= x.isTextual();
                }
                if (allCited) { // the whole list, shared by every row of a context, cited as one
                    String ref = messageReference(refs);
                    cited.put(ref, refs);
                    result.put(list, ref);
                } else {
                    result.set(list, refs);
                }
            }
            // stated by the request and the header: region, period, the insurances' Chinese names
            if (result.path("region").equals(request.path("region")) && result.path("period").equals(request.path("period"))) {
                result.remove("region");
                result.remove("period");
            }
            JsonNode names = content.path("insuranceNames");
            for (JsonNode l : result.path("lines")) {
                if (l.path("nameZh").equals(names.path(l.path("insurance").asText()))) {
                    ((ObjectNode) l).remove("nameZh");
                }
            }
        }
        ObjectNode r = Json.object();
        r.put("kind", kind.code()).put("header", reference());
        r.set("request", request);
        r.set("result", result);
        r.set("trace", traceIndexes(trace).json());
        return seal(r, cited, evaluatedAt);
    }

    /**
     * A trace's entries as indexes into the tables (an entry the tables lack written out in full). A planned
     * row's trace is its plan's (the same object): its indexes are computed once and shared, read-only.
     */
    private IndexedTrace traceIndexes(Trace trace) {
        IndexedTrace indexed = recentTraces.get(trace, traceIndexes::getIfPresent);
        if (indexed != null) {
            return indexed;
        }
        ArrayNode rules = Json.array();
        ObjectNode full = null;
        for (int i = 0; i < trace.rules().size(); i++) {
            Integer ix = ruleIndex.get(trace.rules().get(i));
            if (ix != null) {
                rules.add(ix);
            } else {
                full = full != null ? full : Json.trace(trace);
                rules.add(full.get("rules").get(i));
            }
        }
        ArrayNode params = Json.array();
        for (int i = 0; i < trace.parameters().size(); i++) {
            ParameterUse u = trace.parameters().get(i);
            Integer ix = parameterIndex.get(u.carriedForward() ? uncarried(u) : u);
            if (ix == null) {
                full = full != null ? full : Json.trace(trace);
                params.add(full.get("parameters").get(i));
            } else if (u.carriedForward()) {
                params.addObject().put("ref", ix).put("carriedForward", true);
            } else {
                params.add(ix);
            }
        }
        ObjectNode json = Json.object();
        json.set("rules", rules);
        json.set("parameters", params);
        indexed = new IndexedTrace(json, JsonBytes.raw(Json.write(json, false)));
        if (full == null) {
            traceIndexes.put(trace, indexed);
        }
        return indexed;
    }

    /**
     * A contribution row, as {@link #row} writes it from {@code ContributionJson}'s request and result, written
     * straight from the result (the batch's audit trail: no JSON tree and no generator, and notes and warnings
     * looked up by their objects, which planned rows share with their plan). The same line and citations as
     * {@code row(CONTRIBUTION, ContributionJson.request(req), ContributionJson.result(res), res.trace(), at)}
     * (ContributionRowProperties).
     */
    public Row contributionRow(ContributionRequest req, ContributionResult res, Optional<Instant> evaluatedAt) {
        // written as UTF-8 bytes, which are hashed and written out as they are, in this thread's buffer: a row
        // allocated ~1.5 KB of buffer per row, a fifth of what an audited batch allocated (JFR)
        JsonBytes w = rowBuffers.get();
        if (w.capacity() > MAX_KEPT_ROW_BUFFER) {
            w = new JsonBytes(ROW_BUFFER);
            rowBuffers.set(w);
        }
        w.reset();
        Map<String, JsonNode> cited = writeAnyContributionRow(w, req, res, evaluatedAt);
        return new Row(w.toByteArray(), cited);
    }

    /**
     * The same line as {@link #contributionRow(ContributionRequest, ContributionResult, Optional)}, written at the
     * end of a chunk's rows (a line feed after it) instead of into a line of its own: the trail writer appends a
     * chunk in a few writes, not row by row (a batch worker's rows; {@link Rows}).
     */
    public void contributionRow(Rows into, ContributionRequest req, ContributionResult res, Optional<Instant> evaluatedAt) {
        Map<String, JsonNode> cited = writeAnyContributionRow(into.bytes, req, res, evaluatedAt);
        into.bytes.ascii('\n');
        into.ended(cited);
    }

    /**
     * Writes the sealed row at the end of {@code w} as this section's version writes it: in version 3 citing its case,
     * unless its result states another region or period than its request (then, as in version 2, with its result
     * and trace: a case cannot state a row's own month); returns the messages it cites.
     */
    private Map<String, JsonNode> writeAnyContributionRow(JsonBytes w, ContributionRequest req, ContributionResult res,
                                                          Optional<Instant> evaluatedAt) {
        if (version >= FORMAT_VERSION && res.request().region().equals(req.region())
                && res.request().period().equals(req.period())) {
            return writeCaseRow(w, req, res, evaluatedAt);
        }
        return writeContributionRow(w, req, res, evaluatedAt);
    }

    /**
     * A version-3 row: the request, the case's reference, each line's base and amounts ({@code [base, employer,
     * employee]}, and the employee's fixed amount fourth when it is not zero), the totals ({@code [employer, employee,
     * total]}), sealed. The case is found among those met with the result's trace object, or made from this row.
     */
    private Map<String, JsonNode> writeCaseRow(JsonBytes w, ContributionRequest req, ContributionResult res,
                                               Optional<Instant> evaluatedAt) {
        String amount = req.wage().or(req::base).map(BigDecimal::toPlainString).orElse("");
        RowCase.OfTrace known = recentCases.get(res.trace(), t -> casesByTrace.get(t, k -> new RowCase.OfTrace()));
        RowCase c = known.find(res, amount);
        if (c == null) {
            c = rowCase(res, amount, amount);
            known.add(res.request().period(), c);
        }
        return writeCaseRow(w, req, res, c, evaluatedAt);
    }

    /** The case with this content, made once (bounded) whichever row or key meets it first. */
    private RowCase rowCase(ContributionResult res, String notesAmount, String warningsAmount) {
        IndexedTrace t = traceIndexes(res.trace());
        RowCase.Shape shape = new RowCase.Shape(res, notesAmount, warningsAmount, t.utf8());
        RowCase c = casesByShape.get(shape);
        if (c == null) {
            if (casesByShape.size() > MAX_CASES_BY_SHAPE) {
                casesByShape.clear(); // bounded: a case made again has the same content and reference
            }
            c = casesByShape.computeIfAbsent(shape, x -> RowCase.of(x, content.path("insuranceNames"), t.json(), citations));
        }
        return c;
    }

    /**
     * A version-3 row of a case the planner keeps ({@code ContributionPlanner.TrailRow}), written at the end of a
     * chunk's rows: {@code res} is the row's result but for its notes, which are the case's as learnt from a row
     * whose amount was {@code notesAmount} (its first occurrence in a note stands for the row's amount), and rows
     * given the same {@code caseKey} object share base adjustment, rates, warnings, trace and notes. The case is
     * found by the key, not by comparing the row's notes; the row reads back as the record of the row's complete
     * result, as one written from that result does (CaseRowProperties; the two may cite different but equally
     * expanding cases when the row's amount also appears earlier in a note). A null key: that method.
     */
    public void contributionRow(Rows into, ContributionRequest req, ContributionResult res, Object caseKey,
                                String notesAmount, Optional<Instant> evaluatedAt) {
        if (caseKey == null) {
            contributionRow(into, req, res, evaluatedAt);
            return;
        }
        if (version < FORMAT_VERSION || !res.request().region().equals(req.region())
                || !res.request().period().equals(req.period())) {
            throw new IllegalStateException("a case's row is written in a version-3 section, for its own request");
        }
        RowCase c = recentByKey.get(caseKey, casesByKey::getIfPresent);
        if (c == null) {
            // the planner substitutes the amount in notes only: its warnings are the case's as they are
            c = rowCase(res, notesAmount, "");
            casesByKey.put(caseKey, c);
        }
        Map<String, JsonNode> cited = writeCaseRow(into.bytes, req, res, c, evaluatedAt);
        into.bytes.ascii('\n');
        into.ended(cited);
    }

    private Map<String, JsonNode> writeCaseRow(JsonBytes w, ContributionRequest req, ContributionResult res, RowCase c,
                                               Optional<Instant> evaluatedAt) {
        int start = w.size();
        w.raw(contributionRowStart);
        request(w, req);
        w.raw(Keys.CASE).raw(c.quotedRef).raw(Keys.CASE_LINES);
        boolean first = true;
        for (ContributionLine l : res.lines()) {
            if (!first) {
                w.ascii(',');
            }
            first = false;
            w.ascii('[').decimal(l.base()).ascii(',').decimal(l.employer()).ascii(',').decimal(l.employee());
            if (l.employeeFixed().signum() != 0) {
                w.ascii(',').decimal(l.employeeFixed());
            }
            w.ascii(']');
        }
        w.raw(Keys.CASE_TOTALS).decimal(res.totals().employer()).ascii(',').decimal(res.totals().employee()).ascii(',')
                .decimal(res.totals().total()).ascii(']').ascii('}');
        seal(w, start, evaluatedAt);
        return c.cites;
    }

    /** Writes the sealed version-2 row at the end of {@code w}; returns the messages it cites. */
    private Map<String, JsonNode> writeContributionRow(JsonBytes w, ContributionRequest req, ContributionResult res,
                                                       Optional<Instant> evaluatedAt) {
        int start = w.size();
        Citing cited = new Citing();
        String amount = req.wage().or(req::base).map(BigDecimal::toPlainString).orElse("");
        w.raw(contributionRowStart);
        request(w, req);
        w.raw(Keys.RESULT);
        // stated by the request and the header: region, period, the insurances' Chinese names
        if (!res.request().region().equals(req.region()) || !res.request().period().equals(req.period())) {
            w.raw(Keys.REGION).string(res.request().region()).raw(Keys.PERIOD).month(res.request().period())
                    .ascii(',');
        }
        w.raw(Keys.BASE_ADJUSTMENT).string(res.baseAdjustment().name()).raw(Keys.LINES);
        JsonNode names = content.path("insuranceNames");
        boolean first = true;
        for (ContributionLine l : res.lines()) {
            if (!first) {
                w.ascii(',');
            }
            first = false;
            w.raw(Keys.INSURANCE).string(l.insurance().code());
            JsonNode stated = names.path(l.insurance().code());
            if (!stated.isTextual() || !stated.textValue().equals(l.insurance().nameZh())) {
                w.raw(Keys.NAME_ZH).string(l.insurance().nameZh());
            }
            w.raw(Keys.BASE).decimal(l.base()).raw(Keys.EMPLOYER_RATE).decimal(l.employerRate())
                    .raw(Keys.EMPLOYEE_RATE).decimal(l.employeeRate()).raw(Keys.EMPLOYER).decimal(l.employer())
                    .raw(Keys.EMPLOYEE).decimal(l.employee());
            if (l.employeeFixed().signum() != 0) {
                w.raw(Keys.EMPLOYEE_FIXED).decimal(l.employeeFixed());
            }
            w.ascii('}');
        }
        w.raw(Keys.TOTALS).decimal(res.totals().employer()).raw(Keys.EMPLOYEE).decimal(res.totals().employee())
                .raw(Keys.TOTAL).decimal(res.totals().total()).ascii('}');
        w.raw(Keys.NOTES);
        writeCited(w, res.notes(), amount, cited);
        w.raw(Keys.WARNINGS);
        writeCited(w, res.warnings(), amount, cited);
        w.raw(Keys.TRACE).raw(traceIndexes(res.trace()).utf8()).ascii('}');
        seal(w, start, evaluatedAt);
        return cited.messages();
    }

    /**
     * A chunk's rows, one after the other with a line feed after each, and the messages each cites: what a batch
     * worker hands to the trail writer ({@code AuditTrailWriter.append(Rows)}). Not thread-safe: one per chunk.
     */
    public static final class Rows {
        private final JsonBytes bytes;
        private int[] ends = new int[64];
        private final List<Map<String, JsonNode>> cites = new ArrayList<>();

        public Rows(int capacity) {
            this.bytes = new JsonBytes(capacity);
        }

        /** A row formatted on its own (a retirement's, by the general path), after the others. */
        public void add(Row r) {
            bytes.raw(r.utf8).ascii('\n');
            ended(r.messages);
        }

        private void ended(Map<String, JsonNode> cited) {
            if (cites.size() == ends.length) {
                ends = java.util.Arrays.copyOf(ends, 2 * ends.length);
            }
            ends[cites.size()] = bytes.size();
            cites.add(cited);
        }

        public int size() {
            return cites.size();
        }

        /** Where row {@code i}'s line starts in {@link #array}. */
        int start(int i) {
            return i == 0 ? 0 : ends[i - 1];
        }

        /** The end of row {@code i}'s line, after its line feed. */
        int end(int i) {
            return ends[i];
        }

        /** The messages row {@code i} cites: reference → definition, read-only. */
        public Map<String, JsonNode> messages(int i) {
            return cites.get(i);
        }

        /** Row {@code i}'s line, without its line feed (decoded on each call: the writer appends the bytes). */
        public String line(int i) {
            return new String(bytes.array(), start(i), end(i) - 1 - start(i), StandardCharsets.UTF_8);
        }

        /** The lines, {@code [0, end(size() - 1))}; read in place. */
        byte[] array() {
            return bytes.array();
        }
    }

    /**
     * The messages a row cites, in the order it cites them: a list's citations as the list keeps them (one map
     * shared by every row citing that list) as long as the row cites nothing else, else a map of its own.
     */
    private static final class Citing {
        private Map<String, JsonNode> messages = Map.of();
        private boolean own;

        void put(String ref, JsonNode json) {
            own().put(ref, json);
        }

        void putAll(Map<String, JsonNode> list) {
            if (list.isEmpty()) {
                return;
            }
            if (messages.isEmpty()) {
                messages = list; // read-only, shared
                return;
            }
            own().putAll(list);
        }

        private Map<String, JsonNode> own() {
            if (!own) {
                messages = new java.util.LinkedHashMap<>(messages);
                own = true;
            }
            return messages;
        }

        /** Read-only: a list's shared map as it is, a row's own one wrapped. */
        Map<String, JsonNode> messages() {
            return own ? java.util.Collections.unmodifiableMap(messages) : messages;
        }
    }

    /** Per thread, the buffer a row is written and sealed in (then copied out whole, once). */
    private final ThreadLocal<JsonBytes> rowBuffers = ThreadLocal.withInitial(() -> new JsonBytes(ROW_BUFFER));
    private static final int ROW_BUFFER = 2048;
    /** A buffer a long row grew beyond this is not kept (a row's notes are bounded, but need not stay in memory). */
    private static final int MAX_KEPT_ROW_BUFFER = 1 << 16;

    /** The fixed fragments of a contribution row, in the order {@link #row} writes its keys. */
    private static final class Keys {
        static final byte[] RESULT = JsonBytes.ascii(",\"result\":{");
        static final byte[] REGION = JsonBytes.key("region");
        static final byte[] PERIOD = JsonBytes.ascii(",\"period\":");
        static final byte[] BASE_ADJUSTMENT = JsonBytes.key("baseAdjustment");
        static final byte[] LINES = JsonBytes.ascii(",\"lines\":[");
        static final byte[] INSURANCE = JsonBytes.ascii("{\"insurance\":");
        static final byte[] NAME_ZH = JsonBytes.ascii(",\"nameZh\":");
        static final byte[] BASE = JsonBytes.ascii(",\"base\":");
        static final byte[] EMPLOYER_RATE = JsonBytes.ascii(",\"employerRate\":");
        static final byte[] EMPLOYEE_RATE = JsonBytes.ascii(",\"employeeRate\":");
        static final byte[] EMPLOYER = JsonBytes.ascii(",\"employer\":");
        static final byte[] EMPLOYEE = JsonBytes.ascii(",\"employee\":");
        static final byte[] EMPLOYEE_FIXED = JsonBytes.ascii(",\"employeeFixed\":");
        static final byte[] TOTALS = JsonBytes.ascii("],\"totals\":{\"employer\":");
        static final byte[] TOTAL = JsonBytes.ascii(",\"total\":");
        static final byte[] NOTES = JsonBytes.ascii(",\"notes\":");
        static final byte[] WARNINGS = JsonBytes.ascii(",\"warnings\":");
        static final byte[] TRACE = JsonBytes.ascii("},\"trace\":");
        static final byte[] CODE = JsonBytes.ascii("{\"code\":");
        // a version-3 row
        static final byte[] CASE = JsonBytes.ascii(",\"case\":");
        static final byte[] CASE_LINES = JsonBytes.ascii(",\"lines\":[");
        static final byte[] CASE_TOTALS = JsonBytes.ascii("],\"totals\":[");
        // the seal's keys
        static final byte[] DIGEST = JsonBytes.ascii(",\"digest\":\"");
        static final byte[] SIGNATURE = JsonBytes.ascii(",\"signature\":\"");
        static final byte[] EVALUATED_AT = JsonBytes.ascii(",\"evaluatedAt\":\"");
        static final byte[] ZH = JsonBytes.ascii(",\"zh\":");
        static final byte[] EN = JsonBytes.ascii(",\"en\":");
        // the request, as ContributionJson.request writes it
        static final byte[] REQUEST_REGION = JsonBytes.ascii("{\"region\":");
        static final byte[] WAGE = JsonBytes.ascii(",\"wage\":");
        static final byte[] RISK_CLASS = JsonBytes.ascii(",\"riskClass\":");
        static final byte[] FLOAT_GRADE = JsonBytes.ascii(",\"floatGrade\":");
        static final byte[] INSURANCES = JsonBytes.ascii(",\"insurances\":");
        static final byte[] CARRY_FORWARD = JsonBytes.ascii(",\"allowCarryForward\":");
        static final byte[] UNIT_KIND = JsonBytes.ascii(",\"unitKind\":");
        static final byte[] CONTRIBUTOR = JsonBytes.ascii(",\"contributor\":");
        static final byte[] BIRTH = JsonBytes.ascii(",\"birth\":");
        static final byte[] SEX = JsonBytes.ascii(",\"sex\":");
    }

    /** The request as {@code ContributionJson.request} writes it. */
    private void request(JsonBytes w, ContributionRequest r) {
        w.raw(Keys.REQUEST_REGION).string(r.region()).raw(Keys.PERIOD).month(r.period());
        if (r.wage().isPresent()) {
            w.raw(Keys.WAGE).decimal(r.wage().get());
        }
        if (r.base().isPresent()) {
            w.raw(Keys.BASE).decimal(r.base().get());
        }
        if (r.riskClass().isPresent()) {
            w.raw(Keys.RISK_CLASS).number(r.riskClass().get());
        }
        w.raw(Keys.FLOAT_GRADE).decimal(r.floatGrade());
        w.raw(Keys.INSURANCES).raw(insuranceCodes.get(r.insurances(), AuditHeader::insuranceCodes));
        w.raw(Keys.CARRY_FORWARD).bool(r.allowCarryForward());
        if (r.unitKind().isPresent()) {
            w.raw(Keys.UNIT_KIND).string(r.unitKind().get().code());
        }
        if (r.contributor() != io.shebao.contribution.Contributor.EMPLOYEE) {
            w.raw(Keys.CONTRIBUTOR).string(r.contributor().code());
        }
        if (r.birthMonth().isPresent()) {
            w.raw(Keys.BIRTH).string(r.birthMonth().get().toString());
        }
        if (r.sex().isPresent()) {
            w.raw(Keys.SEX).string(r.sex().get().code());
        }
        w.ascii('}');
    }

    /** A request's insurances as their codes in catalogue order, a JSON array's bytes. */
    private static byte[] insuranceCodes(Set<io.shebao.contribution.Insurance> insurances) {
        JsonBytes w = new JsonBytes(64);
        w.ascii('[');
        boolean first = true;
        for (io.shebao.contribution.Insurance i : insurances.stream().sorted().toList()) {
            if (!first) {
                w.ascii(',');
            }
            first = false;
            w.string(i.code());
        }
        w.ascii(']');
        return w.toByteArray();
    }

    /**
     * A list of notes or warnings as {@link #row} cites it: a message stating the row's amount written out, any
     * other by its reference, and a list of two or more references (shared by every row of a context) by the
     * list's reference.
     */
    private void writeCited(JsonBytes w, List<Message> ms, String amount, Citing cited) {
        MessageCitations.ListCitation all = citations.recent(ms);
        Boolean statesAmount = all == null ? null : all.states(amount);
        boolean[] states = null;
        if (statesAmount == null) {
            // a list this thread has not met lately (a list stating the row's amount is new on every row): each
            // message met lately says from its numerals whether it states the amount, any other from its texts
            statesAmount = false;
            for (int i = 0; i < ms.size(); i++) {
                Message m = ms.get(i);
                MessageCitations.Cited c = citations.recent(m);
                if (c != null ? c.states(amount) : m.zh().contains(amount) || m.en().contains(amount)) {
                    states = states != null ? states : new boolean[ms.size()];
                    states[i] = true;
                    statesAmount = true;
                }
            }
        }
        if (!statesAmount) { // every message cited: the list's citations, looked up once
            all = all != null ? all : citations.ofAll(ms);
            cited.putAll(all.cites());
            if (all.whole() != null) {
                w.raw(all.whole().quotedRef());
                return;
            }
            w.ascii('[');
            for (int i = 0; i < all.each().size(); i++) {
                if (i > 0) {
                    w.ascii(',');
                }
                w.raw(all.each().get(i).quotedRef());
            }
            w.ascii(']');
            return;
        }
        // a message states the amount: written out, the others cited one by one (the list is not cited whole)
        w.ascii('[');
        for (int i = 0; i < ms.size(); i++) {
            if (i > 0) {
                w.ascii(',');
            }
            Message m = ms.get(i);
            boolean stated = states != null ? states[i] : m.zh().contains(amount) || m.en().contains(amount);
            if (stated) {
                w.raw(Keys.CODE).string(m.code()).raw(Keys.ZH).string(m.zh()).raw(Keys.EN).string(m.en()).ascii('}');
                continue;
            }
            MessageCitations.Cited c = citations.of(m);
            cited.put(c.ref(), c.json());
            w.raw(c.quotedRef());
        }
        w.ascii(']');
    }

    /** The row's line: its content sealed with its digest (and signature), and the time when given. */
    private Row seal(ObjectNode r, Map<String, JsonNode> cited, Optional<Instant> evaluatedAt) {
        return seal(Json.write(r, false), cited, evaluatedAt);
    }

    /** The row's line from its content's compact JSON. */
    private Row seal(String content, Map<String, JsonNode> cited, Optional<Instant> evaluatedAt) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        JsonBytes w = new JsonBytes(b.length + 200);
        w.raw(b);
        seal(w, 0, evaluatedAt);
        return new Row(w.toByteArray(), java.util.Collections.unmodifiableMap(cited));
    }

    /**
     * Seals the row whose content (compact JSON in UTF-8) is written in {@code w} from {@code start} to its end: the
     * seal keys (digest, signature and time, which have nothing to escape) written over the content's closing brace
     * in the buffer itself, which is what writing the sealed object gives. Every row is sealed here.
     */
    private void seal(JsonBytes w, int start, Optional<Instant> evaluatedAt) {
        int end = w.size();
        byte[] digest = new byte[32];
        rowDigests.of(w.array(), start, end - start, digest);
        w.truncate(end - 1);
        w.raw(Keys.DIGEST).hex(digest, 0, digest.length).ascii('"');
        if (key.isPresent()) {
            String rowDigest = java.util.HexFormat.of().formatHex(digest);
            w.raw(Keys.SIGNATURE).raw(sign(key.get(), rowDigest).value().getBytes(StandardCharsets.US_ASCII)).ascii('"');
        }
        if (evaluatedAt.isPresent()) {
            w.raw(Keys.EVALUATED_AT).raw(evaluatedAt.get().toString().getBytes(StandardCharsets.US_ASCII)).ascii('"');
        }
        w.ascii('}');
    }

    private static ParameterUse uncarried(ParameterUse u) {
        return new ParameterUse(u.id(), u.key(), u.region(), u.value(), u.unit(), u.from(), u.until(), u.reference(),
                u.provenance(), u.pack(), u.file(), u.line(), false);
    }

    /**
     * A row's digest: SHA-256 of the header's digest, a line feed, and the row's canonical content. Its
     * definition, computed plainly; the writer and replay compute the same from bytes ({@code RowDigest}).
     */
    public static String rowDigest(String headerDigest, String rowCanonical) {
        return Sha256.of(headerDigest + "\n" + rowCanonical);
    }

    /**
     * A row of this section (already parsed) as a record: its content expanded to the version-1 form
     * (hashes and layers from the header, trace entries from the tables), sealed as a version-2 row.
     */
    AuditRecord expand(ObjectNode row) {
        boolean cased = version >= FORMAT_VERSION && row.has("case");
        List<String> keys = cased ? CASE_ROW_KEYS : ROW_KEYS;
        ObjectNode rowContent = row.objectNode();
        for (Iterator<String> it = row.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!keys.contains(k) && !SEAL_KEYS.contains(k)) {
                throw invalid(k, "unknown key '" + k + "'; a version-" + version + " row " + (cased ? "citing a case " : "")
                        + "has " + String.join(", ", keys) + ", digest, signature, evaluatedAt");
            }
            if (keys.contains(k)) {
                rowContent.set(k, row.get(k));
            }
        }
        if (!row.path("digest").isTextual()) {
            throw invalid("digest", "missing or not a string");
        }
        if (cased) {
            row = withCase(row);
        }
        for (String k : List.of("request", "result", "trace")) {
            if (!row.path(k).isObject()) {
                throw invalid(k, "missing or not an object");
            }
        }
        String ref = row.path("header").asText("");
        if (!digest.startsWith(ref) || ref.length() != Math.min(REFERENCE_LENGTH, digest.length())) {
            throw invalid("header", "the row belongs to header " + ref + "…, but the header before it is "
                    + reference() + "…");
        }
        if (EvaluationKind.fromCode(row.path("kind").asText("")).isEmpty()) {
            throw invalid("kind", "'" + row.path("kind").asText() + "' is not a known kind; known: "
                    + EvaluationKind.allowedCodes());
        }
        ObjectNode c = Json.object();
        c.put("format", AuditRecord.FORMAT).put("formatVersion", version);
        c.set("kind", row.get("kind"));
        for (String k : List.of("libraryVersion", "ruleSetHash", "parameterSetHash", "parameterLayers", "scenario")) {
            if (content.has(k)) {
                c.set(k, content.get(k));
            }
        }
        c.set("request", row.get("request"));
        c.set("result", "contribution".equals(row.path("kind").asText()) ? expandResult(row) : row.get("result"));
        ObjectNode trace = c.putObject("trace");
        ArrayNode rules = trace.putArray("rules");
        for (JsonNode e : row.get("trace").path("rules")) {
            rules.add(e.isInt() ? entry(ruleEntries, e.intValue(), "trace.rules") : e);
        }
        ArrayNode params = trace.putArray("parameters");
        for (JsonNode e : row.get("trace").path("parameters")) {
            if (e.isInt()) {
                params.add(entry(parameterEntries, e.intValue(), "trace.parameters"));
            } else if (e.isObject() && e.has("ref")) {
                if (!e.get("ref").isInt() || !e.path("carriedForward").asBoolean(false) || e.size() != 2) {
                    throw invalid("trace.parameters", "a reference object is {\"ref\": N, \"carriedForward\": true}");
                }
                params.add(((ObjectNode) entry(parameterEntries, e.get("ref").intValue(), "trace.parameters")).deepCopy()
                        .put("carriedForward", true));
            } else {
                params.add(e);
            }
        }
        Optional<AuditRecord.Signature> sig = Optional.empty();
        if (row.has("signature")) {
            if (!row.get("signature").isTextual()) {
                throw invalid("signature", "not a string (a version-2 row carries the signature value only)");
            }
            JsonNode s = content.get("signing");
            sig = Optional.of(new AuditRecord.Signature(s == null ? "" : s.path("algorithm").asText(),
                    s == null ? "" : s.path("keyId").asText(), row.get("signature").textValue()));
        }
        Optional<Instant> at = Optional.empty();
        if (row.has("evaluatedAt")) {
            try {
                at = Optional.of(Instant.parse(row.get("evaluatedAt").asText()));
            } catch (RuntimeException e) {
                throw invalid("evaluatedAt", "'" + row.get("evaluatedAt").asText() + "' is not an ISO-8601 instant");
            }
        }
        return AuditRecord.ofRow(c, this, rowContent, row.get("digest").textValue(), sig, at);
    }

    /**
     * A version-3 row citing a case, as the version-2 row of the same result: the case's base adjustment, rates, notes
     * and warnings (with the row's amount in its marked places) and trace, the row's bases, amounts and totals, and
     * its seal. Invalid when the case is not defined before the row or the row's lines do not fit it.
     */
    ObjectNode withCase(ObjectNode row) {
        JsonNode ref = row.get("case");
        if (!"contribution".equals(row.path("kind").asText())) {
            throw invalid("kind", "a row citing a case is a contribution's");
        }
        if (!ref.isTextual()) {
            throw invalid("case", "not a string (a case's reference)");
        }
        JsonNode def = message(ref.textValue());
        if (def == null || !RowCase.isCase(def)) { // a message or list cited as a case is none
            throw invalid("case", "case " + ref.textValue() + " is not defined by a messages line before this row");
        }
        if (!row.path("request").isObject()) {
            throw invalid("request", "missing or not an object");
        }
        JsonNode request = row.get("request");
        String amount = request.path("wage").isTextual() ? request.get("wage").textValue()
                : request.path("base").isTextual() ? request.get("base").textValue() : null;
        JsonNode lines = row.path("lines");
        JsonNode caseLines = def.get("lines");
        if (!lines.isArray() || lines.size() != caseLines.size()) {
            throw invalid("lines", "not a list of " + caseLines.size() + " lines, as case " + ref.textValue() + " has");
        }
        JsonNode totals = row.path("totals");
        if (!totals.isArray() || totals.size() != 3 || !totals.get(0).isTextual() || !totals.get(1).isTextual()
                || !totals.get(2).isTextual()) {
            throw invalid("totals", "not a list of three amounts (employer, employee, total)");
        }
        ObjectNode v2 = Json.object();
        v2.set("kind", row.get("kind"));
        v2.set("header", row.get("header"));
        v2.set("request", request);
        ObjectNode result = v2.putObject("result");
        result.set("baseAdjustment", def.get("baseAdjustment"));
        ArrayNode ls = result.putArray("lines");
        for (int i = 0; i < lines.size(); i++) {
            JsonNode l = lines.get(i);
            JsonNode c = caseLines.get(i);
            boolean amounts = l.isArray() && l.size() >= 3 && l.size() <= 4;
            for (JsonNode x : l) {
                amounts &= x.isTextual();
            }
            if (!amounts) {
                throw invalid("lines", "line " + (i + 1) + " is not [base, employer, employee] or [base, employer, "
                        + "employee, employeeFixed]");
            }
            ObjectNode x = ls.addObject();
            x.set("insurance", c.get("insurance"));
            if (c.has("nameZh")) {
                x.set("nameZh", c.get("nameZh"));
            }
            x.set("base", l.get(0));
            x.set("employerRate", c.get("employerRate"));
            x.set("employeeRate", c.get("employeeRate"));
            x.set("employer", l.get(1));
            x.set("employee", l.get(2));
            if (l.size() == 4) {
                x.set("employeeFixed", l.get(3));
            }
        }
        result.putObject("totals").<ObjectNode>set("employer", totals.get(0)).<ObjectNode>set("employee", totals.get(1))
                .set("total", totals.get(2));
        for (String list : List.of("notes", "warnings")) {
            ArrayNode ms = result.putArray(list);
            for (JsonNode m : def.get(list)) {
                if (m.isTextual()) {
                    JsonNode whole = message(m.textValue());
                    if (whole == null || !whole.has("code")) {
                        throw invalid("case", "case " + ref.textValue() + " cites message " + m.textValue()
                                + ", which is not defined by a messages line before this row");
                    }
                    ms.add(whole);
                    continue;
                }
                String zh = RowCase.text(m.get("zh"), amount);
                String en = RowCase.text(m.get("en"), amount);
                if (zh == null || en == null) {
                    throw invalid("case", "case " + ref.textValue() + " states the row's amount, but the request has "
                            + "no wage or base");
                }
                ms.addObject().put("code", m.get("code").textValue()).put("zh", zh).put("en", en);
            }
        }
        v2.set("trace", def.get("trace"));
        for (String k : SEAL_KEYS) {
            if (row.has(k)) {
                v2.set(k, row.get(k));
            }
        }
        return v2;
    }

    /**
     * A contribution result as version 1 writes it: region and period from the request when the row leaves them
     * out, each line's Chinese name from the header's table, cited messages from the messages lines.
     */
    private ObjectNode expandResult(ObjectNode row) {
        ObjectNode written = (ObjectNode) row.get("result");
        ObjectNode r = Json.object();
        if (!written.has("region") && !written.has("period")) {
            r.set("region", row.get("request").path("region"));
            r.set("period", row.get("request").path("period"));
        }
        JsonNode names = content.path("insuranceNames");
        for (Iterator<Map.Entry<String, JsonNode>> it = written.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            switch (f.getKey()) {
                case "lines" -> {
                    ArrayNode lines = r.putArray("lines");
                    for (JsonNode l : f.getValue()) {
                        if (!l.isObject() || l.has("nameZh") || !names.path(l.path("insurance").asText()).isTextual()) {
                            lines.add(l);
                            continue;
                        }
                        ObjectNode x = lines.addObject();
                        for (Iterator<Map.Entry<String, JsonNode>> lf = l.fields(); lf.hasNext(); ) {
                            Map.Entry<String, JsonNode> e = lf.next();
                            x.set(e.getKey(), e.getValue());
                            if (e.getKey().equals("insurance")) {
                                x.set("nameZh", names.get(l.path("insurance").asText()));
                            }
                        }
                    }
                }
                case "notes", "warnings" -> r.set(f.getKey(), messages(f.getValue(), "result." + f.getKey()));
                default -> r.set(f.getKey(), f.getValue());
            }
        }
        return r;
    }

    /** A list of messages with references replaced by their definitions. */
    private JsonNode messages(JsonNode ms, String field) {
        if (ms.isTextual()) {
            ms = defined(ms.textValue(), field);
            if (!ms.isArray()) {
                throw invalid(field, "reference " + ms + " is not a list of messages");
            }
        }
        if (!ms.isArray()) {
            return ms;
        }
        ArrayNode full = Json.array();
        for (JsonNode m : ms) {
            full.add(m.isTextual() ? defined(m.textValue(), field) : m);
        }
        return full;
    }

    private JsonNode defined(String ref, String field) {
        JsonNode def = message(ref);
        if (def == null) {
            throw invalid(field, "message " + ref + " is not defined by a messages line before this row");
        }
        return def;
    }

    private static JsonNode entry(List<ObjectNode> table, int i, String field) {
        if (i < 0 || i >= table.size()) {
            throw invalid(field, i + " is not an entry of the header (0–" + (table.size() - 1) + ")");
        }
        return table.get(i);
    }
}
