package io.shebao.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.internal.json.ContributionJson;
import io.shebao.internal.json.Json;
import io.shebao.internal.json.RetirementJson;
import io.shebao.retirement.RetirementResult;
import io.shebao.scenario.Scenario;
import io.shebao.trace.ParameterUse;
import io.shebao.trace.RuleFiring;
import io.shebao.trace.Trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * 审计: makes audit records of evaluations and replays them against this library's rules and parameters.
 * Obtain it with {@code rules.audit()}; immutable and thread-safe like the rules it belongs to.
 *
 * <pre>{@code
 * ContributionResult r = rules.contribution(request);
 * AuditRecord rec = rules.audit().record(r);        // rec.line() is one canonical JSON line
 * ReplayOutcome o = rules.replay(AuditRecord.parse(line));
 * }</pre>
 */
public final class Audit {
    private final ShebaoRules rules;
    /** Scenarios a replay may need, found by the content hash a record names. */
    private final List<Scenario> scenarios;
    /** Scenario views built so far, by scenario hash: building one re-validates its parameter layer. */
    private final Map<String, ShebaoRules> views = new java.util.concurrent.ConcurrentHashMap<>();

    public Audit(ShebaoRules rules) {
        this(rules, List.of());
    }

    private Audit(ShebaoRules rules, List<Scenario> scenarios) {
        this.rules = Objects.requireNonNull(rules);
        this.scenarios = List.copyOf(scenarios);
    }

    /**
     * The same audit, able to replay records made under these scenarios: a record naming a scenario by
     * hash is recomputed under the scenario with that hash (and without scenario when none matches, with
     * a note saying so).
     */
    public Audit withScenarios(List<Scenario> available) {
        return new Audit(rules, available);
    }

    private Optional<Scenario> scenarioFor(Optional<ScenarioRef> named) {
        return named.flatMap(ref -> scenarios.stream().filter(s -> s.hash().equals(ref.hash())).findFirst());
    }

    /** The rule sources compiled into this library's rule bases, with their hash. */
    public RuleSet ruleSet() {
        return RuleSet.onClassPath(ShebaoRules.class.getClassLoader());
    }

    /** The audit record of a contribution computed by these rules (naming their scenario, on a scenario view). */
    public AuditRecord record(ContributionResult result) {
        return record(result, scenarioRef());
    }

    /** The audit record of a contribution computed under a scenario (issue 5), or none. */
    public AuditRecord record(ContributionResult result, Optional<ScenarioRef> scenario) {
        return record(EvaluationKind.CONTRIBUTION, ContributionJson.request(result.request()),
                ContributionJson.result(result), result.trace(), scenario);
    }

    /** The audit record of a retirement answer computed by these rules (naming their scenario, on a scenario view). */
    public AuditRecord record(RetirementResult result) {
        return record(result, scenarioRef());
    }

    /** The audit record of a service-item check computed by these rules. */
    public AuditRecord record(io.shebao.services.ServiceCheck check) {
        return record(EvaluationKind.SERVICE, io.shebao.internal.json.ServiceJson.request(check.code(), check.appliedOn(), check.facts()),
                io.shebao.internal.json.ServiceJson.check(check), check.trace(), scenarioRef());
    }

    /** The scenario of the rules' view ({@code rules.withScenario(s)}), by name and content hash. */
    private Optional<ScenarioRef> scenarioRef() {
        return rules.scenario().map(s -> new ScenarioRef(s.name(), s.hash()));
    }

    /** The audit record of a retirement answer computed under a scenario (issue 5), or none. */
    public AuditRecord record(RetirementResult result, Optional<ScenarioRef> scenario) {
        return record(EvaluationKind.RETIREMENT, RetirementJson.query(result.query()), RetirementJson.result(result),
                result.trace(), scenario);
    }

    /**
     * The audit record of a certificate: the request with its whole roster (as read), and the certificate.
     *
     * @param rosterRowsInError rows of the roster file that were in error when it was read (a partial certificate
     *                          left them out; they are not in the request)
     */
    public AuditRecord record(io.shebao.certificate.CertificateRequest request, io.shebao.certificate.Certificate certificate,
                              long rosterRowsInError) {
        ObjectNode req = io.shebao.internal.json.CertificateJson.request(request);
        if (rosterRowsInError > 0) {
            req.put("rosterRowsInError", rosterRowsInError);
        }
        return record(EvaluationKind.CERTIFICATE, req, io.shebao.internal.json.CertificateJson.result(certificate), certificate.trace(),
                scenarioRef());
    }

    /**
     * The JSON of trace entries met recently, by identity: a planner shares its rule and parameter entries
     * between every plan (and hands every row of a case the same trace), so a batch replay builds each entry's
     * JSON once rather than per record, and the records share it (never changed: {@link AuditRecord#line()}
     * copies before adding its seal). Bounded, and weak: an entry no longer used goes.
     */
    private static final com.google.common.cache.Cache<Object, JsonNode> ENTRY_JSON =
            com.google.common.cache.CacheBuilder.newBuilder().weakKeys().maximumSize(50_000).build();

    private static ObjectNode traceJson(Trace trace) {
        ObjectNode o = Json.object();
        ArrayNode rules = o.putArray("rules");
        for (io.shebao.trace.RuleFiring f : trace.rules()) {
            rules.add(ruleJson(f));
        }
        ArrayNode params = o.putArray("parameters");
        for (io.shebao.trace.ParameterUse u : trace.parameters()) {
            params.add(parameterJson(u));
        }
        return o;
    }

    /** A rule firing's entry in a recomputed record's trace (shared, never to be changed). */
    static JsonNode ruleJson(RuleFiring f) {
        return entryJson(f, () -> Json.trace(new Trace(List.of(f), List.of())).get("rules").get(0));
    }

    /** A parameter use's entry in a recomputed record's trace (shared, never to be changed). */
    static JsonNode parameterJson(ParameterUse u) {
        return entryJson(u, () -> Json.trace(new Trace(List.of(), List.of(u))).get("parameters").get(0));
    }

    private static JsonNode entryJson(Object entry, java.util.function.Supplier<JsonNode> json) {
        JsonNode n = ENTRY_JSON.getIfPresent(entry);
        if (n == null) {
            n = json.get();
            ENTRY_JSON.put(entry, n);
        }
        return n;
    }

    /**
     * The record of any evaluation, from its request and result in the library's JSON form and its trace.
     * Each kind's {@code record} overload calls this; it is public so other evaluating front ends can too.
     */
    public AuditRecord record(EvaluationKind kind, ObjectNode request, ObjectNode result, Trace trace,
                              Optional<ScenarioRef> scenario) {
        ObjectNode c = Json.object();
        c.put("format", AuditRecord.FORMAT).put("formatVersion", AuditRecord.FORMAT_VERSION).put("kind", kind.code())
                .put("libraryVersion", ShebaoRules.version()).put("ruleSetHash", ruleSet().hash())
                .put("parameterSetHash", rules.parameters().hash());
        ArrayNode layers = c.putArray("parameterLayers");
        rules.parameters().layers().forEach(layers::add);
        scenario.ifPresent(s -> c.putObject("scenario").put("name", s.name()).put("hash", s.hash()));
        c.set("request", request);
        c.set("result", result);
        c.set("trace", traceJson(trace));
        return AuditRecord.seal(c);
    }

    /** Replays one record without signature checking (the digest is always checked). */
    public ReplayOutcome replay(AuditRecord record) {
        return replay(record, Optional.empty(), 0);
    }

    /**
     * Recomputes the record's request with these rules and compares. With a key, a record that is not
     * signed by it is invalid.
     */
    public ReplayOutcome replay(AuditRecord record, Optional<VerifyingKey> key, long line) {
        return replay(record, key, line, ShebaoRules::contribution);
    }

    /**
     * {@link #replay(AuditRecord, Optional, long)} with another way to recompute contributions in the record's
     * view (the rules, or a scenario view of them) that must give the same complete results as
     * {@code view.contribution(request)}: a batch replay passes a {@code ContributionPlanner} per view.
     */
    public ReplayOutcome replay(AuditRecord record, Optional<VerifyingKey> key, long line,
                                java.util.function.BiFunction<ShebaoRules, ContributionRequest, ContributionResult> contributions) {
        List<String> problems = new ArrayList<>();
        if (!record.digestMatches()) {
            problems.add("digest does not match the content: recorded " + record.digest() + ", content gives "
                    + record.computedDigest());
        }
        key.ifPresent(k -> {
            if (record.signature().isEmpty()) {
                problems.add("not signed, and signatures are being verified (key " + k.keyId() + ")");
            } else if (!record.signature().get().keyId().equals(k.keyId())) {
                problems.add("signed with key " + record.signature().get().keyId() + ", not with the verifying key "
                        + k.keyId());
            } else if (!record.signatureVerifies(k)) {
                problems.add("signature does not verify: the content was changed after signing, or the signature is forged");
            }
        });
        List<String> notes = notes(record);
        String subject = switch (record.kind()) {
            case CONTRIBUTION -> ContributionAudit.subject(record.request());
            case RETIREMENT -> RetirementAudit.subject(record.request());
            case CERTIFICATE -> CertificateAudit.subject(record.request());
            case SERVICE -> ServiceAudit.subject(record.request());
        };

        AuditRecord now;
        try {
            now = recompute(record, contributions);
        } catch (ShebaoException e) {
            if (e.code() == io.shebao.ErrorCode.AUDIT_RECORD_INVALID) {
                problems.add(e.getMessage());
                return new ReplayOutcome(line, ReplayStatus.INVALID, subject, problems, List.of(), List.of(),
                        List.of(), notes, Optional.empty());
            }
            // The request is readable but today's rules refuse it (e.g. a parameter no longer known).
            List<FieldDifference> d = List.of(new FieldDifference("/result", "(recorded result)",
                    "error " + e.code() + ": " + e.getMessage()));
            return new ReplayOutcome(line, problems.isEmpty() ? ReplayStatus.DIFFERENT : ReplayStatus.INVALID,
                    subject, problems, d, List.of(), TraceJson.rules(record.trace()), notes, Optional.empty());
        } catch (RuntimeException e) {
            // one crafted record must not end the replay of the others
            problems.add("the request cannot be recomputed: " + e);
            return new ReplayOutcome(line, ReplayStatus.INVALID, subject, problems, List.of(), List.of(),
                    List.of(), notes, Optional.empty());
        }

        JsonNode oldResult = record.result();
        JsonNode newResult = now.result();
        List<FieldDifference> diffs = new ArrayList<>(FieldDifference.between(oldResult, newResult, "/result"));
        boolean hashesDiffer = !record.ruleSetHash().equals(now.ruleSetHash())
                || !record.parameterSetHash().equals(now.parameterSetHash());
        // equal traces (the usual case) have neither trace differences nor parameter changes: skip reading them
        boolean sameTrace = record.trace().equals(now.trace());
        if (diffs.isEmpty() && !hashesDiffer && !sameTrace) {
            // Same hashes must mean the same trace; anything else is a difference the auditor must see.
            diffs.addAll(FieldDifference.between(record.trace(), now.trace(), "/trace"));
        }
        List<ParameterChange> changes = sameTrace ? List.of() : parameterChanges(record.trace(), now.trace());
        List<RuleFiring> involved = diffs.isEmpty() ? List.of() : rulesInvolved(diffs, record, now);
        ReplayStatus status;
        if (!problems.isEmpty()) {
            status = ReplayStatus.INVALID;
        } else if (!diffs.isEmpty()) {
            status = ReplayStatus.DIFFERENT;
        } else if (hashesDiffer) {
            status = ReplayStatus.CHANGED_HASH_ONLY;
        } else {
            status = ReplayStatus.IDENTICAL;
        }
        return new ReplayOutcome(line, status, subject, problems, diffs, changes, involved, notes, Optional.of(now));
    }

    /**
     * A version-2 contribution row (its line's text, read under this header) replayed field by field: recomputed
     * with {@code contributions} as {@link #replay(AuditRecord, Optional, long, java.util.function.BiFunction)}
     * does, and its result and trace compared with today's by table index and message reference, without
     * expanding it or building today's record. Present only when the row is certainly {@code identical}, with the
     * outcome that method gives; empty in every other case, and the row must then be replayed that way.
     */
    public Optional<ReplayOutcome> replayIfIdentical(String row, long line, AuditHeader header, Optional<VerifyingKey> key,
                                                    java.util.function.BiFunction<ShebaoRules, ContributionRequest, ContributionResult> contributions) {
        return TrailRowReplay.identical(this, row, line, header, key, contributions);
    }

    /**
     * Replays a JSONL stream line by line (constant memory: one record at a time), handing each outcome to
     * the consumer as soon as it is known. Blank lines are skipped; line numbers count every line.
     */
    public ReplayTally replayAll(BufferedReader lines, Optional<VerifyingKey> key, Consumer<ReplayOutcome> each) {
        return replayAll(new AuditLines(lines), key, each);
    }

    /**
     * As {@link #replayAll(BufferedReader, Optional, Consumer)}, in bounded memory: a line longer than the
     * limit of {@code lines} is an invalid record (with its line number), not the end of the run.
     */
    public ReplayTally replayAll(AuditLines lines, Optional<VerifyingKey> key, Consumer<ReplayOutcome> each) {
        ReplayTally tally = new ReplayTally();
        AuditTrailReader trail = new AuditTrailReader();
        while (lines.next()) {
            long n = lines.number();
            Optional<ReplayOutcome> o;
            if (lines.oversized()) {
                o = Optional.of(ReplayOutcome.unreadable(n, "the line is longer than " + lines.limit()
                        + " characters; an audit record is far smaller (limit: docs/LIMITS.md)"));
            } else {
                String l = lines.text();
                if (l.isBlank()) {
                    continue;
                }
                AuditTrailReader.Entry e = trail.read(l, n);
                if (e instanceof AuditTrailReader.Header h) {
                    o = checkHeader(h.header(), key, h.line());
                } else if (e instanceof AuditTrailReader.Messages) {
                    o = Optional.empty();
                } else if (e instanceof AuditTrailReader.Record r) {
                    o = Optional.of(replay(r.record(), key, r.line()));
                } else {
                    o = Optional.of(ReplayOutcome.unreadable(e.line(), ((AuditTrailReader.Unreadable) e).problem()));
                }
            }
            if (o.isPresent()) {
                tally.add(o.get().status());
                each.accept(o.get());
            }
        }
        return tally;
    }

    /**
     * A version-2 header is not a record: nothing to report when it is sound. When its digest does not match
     * (its rows then fail too: they are sealed over the header's content) or, with a key, it is not signed by
     * it, the header line is reported as invalid.
     */
    public Optional<ReplayOutcome> checkHeader(AuditHeader header, Optional<VerifyingKey> key, long line) {
        List<String> problems = new ArrayList<>();
        if (!header.digestMatches()) {
            problems.add("header digest does not match the header's content: recorded " + header.digest()
                    + ", content gives " + header.computedDigest() + "; every row under it fails its digest too");
        }
        key.ifPresent(k -> {
            if (header.signature().isEmpty()) {
                problems.add("header not signed, and signatures are being verified (key " + k.keyId() + ")");
            } else if (!header.signature().get().keyId().equals(k.keyId())) {
                problems.add("header signed with key " + header.signature().get().keyId()
                        + ", not with the verifying key " + k.keyId());
            } else if (!header.signatureVerifies(k)) {
                problems.add("header signature does not verify: the header was changed after signing, or the signature is forged");
            }
        });
        return problems.isEmpty() ? Optional.empty() : Optional.of(new ReplayOutcome(line, ReplayStatus.INVALID,
                "header", problems, List.of(), List.of(), List.of(), List.of(), Optional.empty()));
    }

    private AuditRecord recompute(AuditRecord record,
                                  java.util.function.BiFunction<ShebaoRules, ContributionRequest, ContributionResult> contributions) {
        ShebaoRules view = viewFor(record);
        Audit audit = new Audit(view);
        return switch (record.kind()) {
            case CONTRIBUTION -> audit.record(contributions.apply(view, ContributionAudit.readRequest(record.request())));
            case RETIREMENT -> audit.record(view.retirement(RetirementAudit.readQuery(record.request())));
            case CERTIFICATE -> CertificateAudit.recompute(view, audit, record.request());
            case SERVICE -> {
                ServiceAudit.Request q = ServiceAudit.readRequest(record.request());
                yield audit.record(view.services().check(q.code(), q.facts(), q.appliedOn()));
            }
        };
    }

    /** Under the record's scenario when it is available, else under the baseline (a note says so). */
    public ShebaoRules viewFor(AuditRecord record) {
        return viewFor(record.scenario());
    }

    /** The view for a record naming this scenario (or none): under it when it is available, else the baseline. */
    ShebaoRules viewFor(Optional<ScenarioRef> named) {
        return scenarioFor(named).map(s -> views.computeIfAbsent(s.hash(), h -> rules.withScenario(s)))
                .orElseGet(rules::baseline);
    }

    private List<String> notes(AuditRecord record) {
        return notes(record.libraryVersion(), record.ruleSetHash(), record.parameterSetHash(), record.parameterLayers(),
                record.packsInTrace(), record.scenario());
    }

    /** {@link #notes} of a version-2 row of this header whose trace uses these packs (kept by the header). */
    List<String> rowNotes(AuditHeader header, List<String> packs) {
        return header.rowNotes(this, packs, () -> notes(header.libraryVersion(), header.ruleSetHash(),
                header.parameterSetHash(), header.parameterLayers(), packs, header.scenario()));
    }

    /** What the auditor should know about a record made with these versions, hashes, packs and scenario. */
    List<String> notes(String libraryVersion, String ruleSetHash, String parameterSetHash, List<String> layers,
                       List<String> packsInTrace, Optional<ScenarioRef> scenario) {
        List<String> notes = new ArrayList<>();
        if (!libraryVersion.equals(ShebaoRules.version())) {
            notes.add("recorded with library " + libraryVersion + ", replayed with " + ShebaoRules.version());
        }
        String ruleSet = ruleSet().hash();
        if (!ruleSetHash.equals(ruleSet)) {
            notes.add("record needs rule set " + ruleSetHash + ", this library has " + ruleSet
                    + ": recomputed with this library's rules");
        }
        ShebaoRules view = viewFor(scenario);
        String params = view.parameters().hash();
        if (!parameterSetHash.equals(params)) {
            notes.add("record was made with parameter set " + parameterSetHash + " (layers "
                    + String.join(", ", layers) + "), this library has " + params + " (layers "
                    + String.join(", ", view.parameters().layers())
                    + "): parameters are dated, so today's files were used for the record's period");
        }
        List<String> missing = packsInTrace.stream()
                .filter(p -> !p.startsWith(Scenario.LAYER_PREFIX))
                .filter(p -> !view.parameters().layers().contains(p)).toList();
        if (!missing.isEmpty()) {
            notes.add("record used parameter pack(s) " + String.join(", ", missing)
                    + " that are not loaded: supply them with --parameters DIR (ShebaoRules.builder().parameterPack)");
        }
        scenario.ifPresent(ref -> {
            if (scenarioFor(scenario).isPresent()) {
                notes.add("replayed under scenario " + ref.name() + " (" + ref.hash() + ")");
            } else {
                String sameName = scenarios.stream().filter(s -> s.name().equals(ref.name()))
                        .map(s -> "; the scenario file named " + ref.name() + " given has hash " + s.hash())
                        .findFirst().orElse("");
                notes.add("record ran under scenario " + ref.name() + " (" + ref.hash() + ")" + sameName
                        + ": replayed without it; supply the scenario file with --scenario FILE");
            }
        });
        return notes;
    }

    private static List<ParameterChange> parameterChanges(JsonNode before, JsonNode after) {
        Map<String, ParameterUse> a = byId(TraceJson.parameters(before));
        Map<String, ParameterUse> b = byId(TraceJson.parameters(after));
        Set<String> ids = new LinkedHashSet<>(a.keySet());
        ids.addAll(b.keySet());
        List<ParameterChange> out = new ArrayList<>();
        for (String id : ids) {
            ParameterUse x = a.get(id);
            ParameterUse y = b.get(id);
            if (x == null || y == null || !TraceJson.sameValue(x, y)) {
                out.add(new ParameterChange(id, Optional.ofNullable(x), Optional.ofNullable(y)));
            }
        }
        return out;
    }

    private static Map<String, ParameterUse> byId(List<ParameterUse> us) {
        Map<String, ParameterUse> m = new LinkedHashMap<>();
        us.forEach(u -> m.putIfAbsent(u.qualifiedId(), u));
        return m;
    }

    private static List<RuleFiring> rulesInvolved(List<FieldDifference> diffs, AuditRecord before, AuditRecord after) {
        List<RuleFiring> a = TraceJson.rules(before.trace());
        List<RuleFiring> b = TraceJson.rules(after.trace());
        Set<String> prefixes = new LinkedHashSet<>();
        Set<String> exact = new LinkedHashSet<>();
        JsonNode oldResult = before.result();
        JsonNode newResult = after.result();
        for (FieldDifference d : diffs) {
            switch (before.kind()) {
                case CONTRIBUTION -> prefixes.addAll(ContributionAudit.rulePrefixes(d, oldResult, newResult));
                // exact ids: a retirement result lists its rules beside each answer
                case RETIREMENT, SERVICE -> exact.addAll(RetirementAudit.ruleIds(d, oldResult, newResult));
                // a certificate's amounts come from its own rules and the contribution rules of each month
                case CERTIFICATE -> prefixes.addAll(List.of("CERT-", "C-"));
            }
        }
        Map<String, RuleFiring> out = new LinkedHashMap<>();
        for (List<RuleFiring> fs : List.of(a, b)) {
            for (RuleFiring f : fs) {
                boolean onlyOneSide = a.stream().noneMatch(x -> x.id().equals(f.id()))
                        || b.stream().noneMatch(x -> x.id().equals(f.id()));
                if (onlyOneSide || exact.contains(f.id()) || prefixes.stream().anyMatch(p -> f.id().startsWith(p))) {
                    out.putIfAbsent(f.id(), f);
                }
            }
        }
        return List.copyOf(out.values());
    }
}
