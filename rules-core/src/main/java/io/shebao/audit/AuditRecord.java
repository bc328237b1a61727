package io.shebao.audit;

import io.shebao.internal.hash.Sha256;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.internal.json.Json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static com.google.common.base.Preconditions.checkState;

/**
 * 审计记录: one evaluation as a canonical JSON line (format {@value #FORMAT} version
 * {@value #FORMAT_VERSION}; see {@code docs/AUDIT.md}).
 *
 * <p>The <em>content</em> is every key before {@code digest}: format, kind, library version, rule-set hash,
 * parameter-set hash and layers, scenario (optional), request, result and trace. Its canonical form is
 * the compact JSON of those keys in that order (decimals are strings, no timestamps); {@code digest} is
 * the SHA-256 of its UTF-8 bytes and an optional Ed25519 {@code signature} signs the same bytes.
 * {@code evaluatedAt}, when present, is outside the sealed content. Immutable.
 */
public final class AuditRecord {
    public static final String FORMAT = "shebao-audit";
    public static final int FORMAT_VERSION = 1;

    /** Content keys in canonical order; {@code scenario} is the only optional one. */
    static final List<String> CONTENT_KEYS = List.of("format", "formatVersion", "kind", "libraryVersion",
            "ruleSetHash", "parameterSetHash", "parameterLayers", "scenario", "request", "result", "trace");
    private static final Set<String> SEAL_KEYS = Set.of("digest", "signature", "evaluatedAt");
    private static final ObjectMapper READER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Null until first asked for a record made lazily ({@link #lazy}); never changed once set. */
    private volatile ObjectNode content;
    /** For a lazy record: what gives its content. */
    private final java.util.function.Supplier<AuditRecord> source;
    /** Computed on first use for a record sealed here (a replay compares most recomputed records without it). */
    private String canonical;
    private String digest;
    private final Optional<Signature> signature;
    private final Optional<Instant> evaluatedAt;
    /** For a version-2 row: its header and the row as written (content holds the expanded form). */
    private final AuditHeader header;
    private final ObjectNode row;

    /**
     * 签名: an Ed25519 signature over the canonical content.
     *
     * @param keyId the signer's public-key id ({@link AuditKeys#keyId})
     * @param value the signature, base64
     */
    public record Signature(String algorithm, String keyId, String value) {
    }

    private AuditRecord(ObjectNode content, String digest, Optional<Signature> signature, Optional<Instant> evaluatedAt) {
        this.content = content;
        this.source = null;
        this.canonical = Json.write(content, false);
        this.digest = digest;
        this.signature = signature;
        this.evaluatedAt = evaluatedAt;
        this.header = null;
        this.row = null;
    }

    private AuditRecord(ObjectNode content, AuditHeader header, ObjectNode row, String digest,
                        Optional<Signature> signature, Optional<Instant> evaluatedAt) {
        this.content = content;
        this.source = null;
        // a version-2 row is sealed over its header's digest and its own content (docs/AUDIT.md)
        this.canonical = header.computedDigest() + "\n" + Json.write(row, false);
        this.digest = digest;
        this.signature = signature;
        this.evaluatedAt = evaluatedAt;
        this.header = header;
        this.row = row;
    }

    /** A version-2 row read under its header: content expanded, sealed as the row. */
    static AuditRecord ofRow(ObjectNode expanded, AuditHeader header, ObjectNode rowContent, String digest,
                             Optional<Signature> signature, Optional<Instant> evaluatedAt) {
        return new AuditRecord(expanded, header, rowContent, digest, signature, evaluatedAt);
    }

    /** The header of a version-2 row; empty for a version-1 record (which carries everything itself). */
    public Optional<AuditHeader> header() {
        return Optional.ofNullable(header);
    }

    /** Seals content built in canonical key order: its canonical text and digest are computed when first asked. */
    static AuditRecord seal(ObjectNode content) {
        return new AuditRecord(content);
    }

    private AuditRecord(ObjectNode content) {
        this.content = content;
        this.source = null;
        this.signature = Optional.empty();
        this.evaluatedAt = Optional.empty();
        this.header = null;
        this.row = null;
    }

    /**
     * A sealed record (as {@link #seal}) whose content is built only when first asked for: a batch replay hands
     * one to each identical outcome, which is rarely looked at.
     */
    static AuditRecord lazy(java.util.function.Supplier<AuditRecord> source) {
        return new AuditRecord(java.util.Objects.requireNonNull(source));
    }

    private AuditRecord(java.util.function.Supplier<AuditRecord> source) {
        this.content = null;
        this.source = source;
        this.signature = Optional.empty();
        this.evaluatedAt = Optional.empty();
        this.header = null;
        this.row = null;
    }

    private ObjectNode content() {
        ObjectNode c = content;
        if (c == null) { // racing threads build equal contents
            c = source.get().content();
            content = c;
        }
        return c;
    }

    /**
     * The digest of a record's content: the SHA-256 of the compact JSON of every key except {@code digest},
     * {@code signature} and {@code evaluatedAt}, in the order given. Anyone can recompute it, which is why
     * it detects careless edits but proves nothing against a forger; signatures do that.
     */
    public static String digestOf(JsonNode record) {
        ObjectNode c = record.deepCopy();
        SEAL_KEYS.forEach(c::remove);
        return Sha256.of(Json.write(c, false));
    }

    /**
     * Reads one JSONL line. Checks the structure (every key known, required keys present with the right
     * types, format version supported) but not the digest or signature: see {@link #digestMatches()} and
     * {@link #signatureVerifies(VerifyingKey)}, so a record with a wrong digest can still be compared.
     *
     * @throws ShebaoException {@link ErrorCode#AUDIT_RECORD_INVALID} naming what is wrong
     */
    public static AuditRecord parse(String line) {
        JsonNode n;
        try {
            n = READER.readTree(line);
        } catch (JsonProcessingException e) {
            throw invalid("line", "not valid JSON: " + e.getOriginalMessage());
        }
        return parse(n);
    }

    /** {@link #parse(String)} of a line already parsed as JSON. */
    static AuditRecord parse(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw invalid("line", "not a JSON object");
        }
        ObjectNode all = (ObjectNode) n;
        ObjectNode content = all.objectNode();
        for (Iterator<String> it = all.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!CONTENT_KEYS.contains(k) && !SEAL_KEYS.contains(k)) {
                throw invalid(k, "unknown key '" + k + "'; an audit record has " + String.join(", ", CONTENT_KEYS)
                        + ", digest, signature, evaluatedAt");
            }
            if (CONTENT_KEYS.contains(k)) {
                content.set(k, all.get(k));
            }
        }
        if (!FORMAT.equals(text(all, "format"))) {
            throw invalid("format", "'" + all.path("format").asText() + "' is not " + FORMAT);
        }
        JsonNode v = all.get("formatVersion");
        if (v == null || !v.isInt()) {
            throw invalid("formatVersion", "missing or not a whole number");
        }
        if (v.intValue() == AuditHeader.ROWS_FORMAT_VERSION || v.intValue() == AuditHeader.FORMAT_VERSION) {
            throw invalid("formatVersion", "a version-" + v.intValue() + " line belongs to a trail with a header: read the file with "
                    + "AuditTrailReader (shebao replay and explain do)");
        }
        if (v.intValue() != FORMAT_VERSION) {
            throw invalid("formatVersion", "version " + v.intValue() + " is not one this library reads (1, 2)");
        }
        String kind = text(all, "kind");
        if (EvaluationKind.fromCode(kind).isEmpty()) {
            throw invalid("kind", "'" + kind + "' is not a known kind; known: " + EvaluationKind.allowedCodes());
        }
        for (String k : List.of("libraryVersion", "ruleSetHash", "parameterSetHash", "digest")) {
            if (text(all, k) == null) {
                throw invalid(k, "missing or not a string");
            }
        }
        if (!all.path("parameterLayers").isArray()) {
            throw invalid("parameterLayers", "missing or not a list");
        }
        for (String k : List.of("request", "result", "trace")) {
            if (!all.path(k).isObject()) {
                throw invalid(k, "missing or not an object");
            }
        }
        if (all.has("scenario") && (text(all.get("scenario"), "name") == null || text(all.get("scenario"), "hash") == null)) {
            throw invalid("scenario", "must have a name and a hash");
        }
        Optional<Signature> sig = Optional.empty();
        if (all.has("signature")) {
            JsonNode s = all.get("signature");
            if (text(s, "algorithm") == null || text(s, "keyId") == null || text(s, "value") == null) {
                throw invalid("signature", "must have algorithm, keyId and value");
            }
            sig = Optional.of(new Signature(text(s, "algorithm"), text(s, "keyId"), text(s, "value")));
        }
        Optional<Instant> at = Optional.empty();
        if (all.has("evaluatedAt")) {
            try {
                at = Optional.of(Instant.parse(all.get("evaluatedAt").asText()));
            } catch (DateTimeParseException e) {
                throw invalid("evaluatedAt", "'" + all.get("evaluatedAt").asText() + "' is not an ISO-8601 instant");
            }
        }
        return new AuditRecord(content, text(all, "digest"), sig, at);
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    private static ShebaoException invalid(String field, String why) {
        return new ShebaoException(ErrorCode.AUDIT_RECORD_INVALID, field, null, "audit record: " + field + ": " + why);
    }

    /** The record as one JSON line (no line break): content, digest, signature, evaluatedAt. */
    public String line() {
        if (header != null) {
            ObjectNode o = row.deepCopy();
            o.put("digest", digest());
            signature.ifPresent(s -> o.put("signature", s.value()));
            evaluatedAt.ifPresent(t -> o.put("evaluatedAt", t.toString()));
            return Json.write(o, false);
        }
        ObjectNode o = content().deepCopy();
        o.put("digest", digest());
        signature.ifPresent(s -> o.putObject("signature").put("algorithm", s.algorithm()).put("keyId", s.keyId())
                .put("value", s.value()));
        evaluatedAt.ifPresent(t -> o.put("evaluatedAt", t.toString()));
        return Json.write(o, false);
    }

    /** The canonical content: the exact text the digest and the signature cover. */
    public String canonicalContent() {
        String c = canonical;
        if (c == null) { // sealed here: the content is never changed after sealing (racing threads compute the same)
            c = Json.write(content(), false);
            canonical = c;
        }
        return c;
    }

    /** The digest as recorded. */
    public String digest() {
        String d = digest;
        if (d == null) {
            d = Sha256.of(canonicalContent());
            digest = d;
        }
        return d;
    }

    /** The digest of the content as it is now. */
    public String computedDigest() {
        return Sha256.of(canonicalContent());
    }

    public boolean digestMatches() {
        return digest().equals(computedDigest());
    }

    public Optional<Signature> signature() {
        return signature;
    }

    /** The same record signed with the key (replacing any signature); version-1 records only. */
    public AuditRecord signedWith(SigningKey key) {
        checkState(header == null, "a version-2 row is signed by its header's key when it is written");
        byte[] sig = key.sign(canonicalContent().getBytes(StandardCharsets.UTF_8));
        return new AuditRecord(content(), digest(), Optional.of(new Signature(AuditKeys.ALGORITHM, key.keyId(),
                Base64.getEncoder().encodeToString(sig))), evaluatedAt);
    }

    /** True when the record carries an Ed25519 signature by this key over its content as it is now. */
    public boolean signatureVerifies(VerifyingKey key) {
        if (signature.isEmpty() || !AuditKeys.ALGORITHM.equals(signature.get().algorithm())) {
            return false;
        }
        if (header != null) { // version 2: the signature is over the row's digest (which covers the header's)
            return AuditHeader.verifies(key, signature.get().algorithm(), signature.get().value(), computedDigest());
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signature.get().value());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return key.verifies(canonicalContent().getBytes(StandardCharsets.UTF_8), sig);
    }

    public Optional<Instant> evaluatedAt() {
        return evaluatedAt;
    }

    /** The same record with the time of evaluation (outside the sealed content). */
    public AuditRecord withEvaluatedAt(Instant at) {
        if (header != null) {
            return new AuditRecord(content(), header, row, digest(), signature, Optional.of(Objects.requireNonNull(at)));
        }
        return new AuditRecord(content(), digest(), signature, Optional.of(Objects.requireNonNull(at)));
    }

    public int formatVersion() {
        return content().get("formatVersion").intValue();
    }

    public EvaluationKind kind() {
        return EvaluationKind.fromCode(content().get("kind").textValue()).orElseThrow();
    }

    public String libraryVersion() {
        return content().get("libraryVersion").textValue();
    }

    public String ruleSetHash() {
        return content().get("ruleSetHash").textValue();
    }

    public String parameterSetHash() {
        return content().get("parameterSetHash").textValue();
    }

    /** The parameter layers loaded when the record was made: {@code bundled}, then pack names. */
    public List<String> parameterLayers() {
        List<String> out = new ArrayList<>();
        content().get("parameterLayers").forEach(l -> out.add(l.asText()));
        return List.copyOf(out);
    }

    public Optional<ScenarioRef> scenario() {
        JsonNode s = content().get("scenario");
        return s == null ? Optional.empty() : Optional.of(new ScenarioRef(s.get("name").asText(), s.get("hash").asText()));
    }

    /** The request as recorded (a copy). */
    public ObjectNode request() {
        return content().get("request").deepCopy();
    }

    /** The result as recorded, without the trace (a copy). */
    public ObjectNode result() {
        return content().get("result").deepCopy();
    }

    /** The trace as recorded: {@code rules} fired in order, {@code parameters} used (a copy). */
    public ObjectNode trace() {
        return content().get("trace").deepCopy();
    }

    /** The request's parameter packs named in the trace that are not {@code bundled}, in order. */
    public List<String> packsInTrace() {
        List<String> out = new ArrayList<>();
        JsonNode ps = content().path("trace").path("parameters");
        if (ps instanceof ArrayNode a) {
            a.forEach(p -> {
                String pack = p.path("pack").asText("");
                if (!pack.isEmpty() && !pack.equals("bundled") && !out.contains(pack)) {
                    out.add(pack);
                }
            });
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditRecord r && r.line().equals(line());
    }

    @Override
    public int hashCode() {
        return line().hashCode();
    }

    @Override
    public String toString() {
        return line();
    }
}
