package io.shebao.retirement;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.internal.engine.RuleEngine;
import io.shebao.internal.facts.ContributionCheck;
import io.shebao.internal.facts.Failure;
import io.shebao.internal.facts.Finding;
import io.shebao.internal.facts.FlexWindow;
import io.shebao.internal.facts.MissingParam;
import io.shebao.internal.facts.OriginalAge;
import io.shebao.internal.facts.Param;
import io.shebao.internal.facts.RetirementInput;
import io.shebao.internal.facts.StatutoryAge;
import io.shebao.internal.facts.Switch;
import io.shebao.parameter.ParameterDefinition;
import io.shebao.parameter.ParameterSet;
import io.shebao.parameter.ParameterValue;
import io.shebao.parameter.Provenance;
import io.shebao.parameter.Resolution;
import io.shebao.trace.Message;
import io.shebao.trace.ParameterUse;
import io.shebao.trace.RuleFiring;
import io.shebao.trace.Trace;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns a {@link RetirementQuery} into facts (the query and every {@code retirement.*} parameter in force for
 * the region at the date of the question, {@code MissingParam} where none is), runs the retirement rules and
 * reads the answer back. The ages, years, dates and arithmetic live in the catalogue's DRL and parameter files.
 */
public final class RetirementEvaluator {
    /** The kbase name in the catalogue's kmodule.xml. */
    public static final String KIE_BASE = "retirement";
    static final String PREFIX = "retirement.";

    private final ParameterSet parameters;
    private final RuleEngine engine;
    private final List<Object> contextFacts;

    /**
     * An evaluator over the catalogue's {@value #KIE_BASE} rule base (loaded on first use in the JVM).
     *
     * @param switches the switches (开关) in force, by name ({@code retirement.reform}), e.g. {@code ShebaoRules#switches()}
     */
    public RetirementEvaluator(ParameterSet parameters, Map<String, String> switches) {
        this.parameters = parameters;
        this.engine = RuleEngine.forKieBase(KIE_BASE);
        this.contextFacts = Switch.facts(switches);
    }

    public RetirementResult evaluate(RetirementQuery q) {
        String region = parameters.regions().require("region", q.region()).code();
        YearMonth at = q.asOfMonth();
        List<Object> facts = new ArrayList<>();
        Map<String, Integer> sw = new TreeMap<>();
        q.specialWorkYears().forEach((k, v) -> sw.put(k.code(), v));
        facts.add(new RetirementInput(region, q.sex().code(), q.category().code(), q.birthMonth(), q.contributionMonths(),
                q.firstInsured().orElse(null), sw, q.incapacityCertified(), q.soeIdentity(), q.requested().orElse(null),
                q.transferGrounds().stream().map(TransferGround::code).collect(Collectors.toSet()), at));
        facts.addAll(contextFacts);
        for (ParameterDefinition d : parameters.definitions().values()) {
            if (!d.id().startsWith(PREFIX)) {
                continue;
            }
            List<String> keys = d.keyed() ? parameters.keys(d.id(), region) : List.of("");
            if (keys.isEmpty()) {
                facts.add(new MissingParam(d.id(), "", region, at, ""));
            }
            for (String key : keys) {
                Resolution r = parameters.resolve(d.id(), key, region, at);
                if (r instanceof Resolution.Known k) {
                    facts.add(new Param(k.value(), false));
                } else if (r instanceof Resolution.Unknown u) {
                    facts.add(new MissingParam(d.id(), key, region, at,
                            u.lastBefore().map(ParameterValue::validity).orElse("")));
                }
            }
        }

        RuleEngine.Evaluation ev = engine.execute(facts);

        List<Failure> failures = Failure.inOrder(ev.inserted(Failure.class));
        if (!failures.isEmpty()) {
            Failure f = failures.get(0);
            String msg = failures.stream().map(Failure::getMessage).distinct().collect(Collectors.joining("; "));
            throw new ShebaoException(f.getCode(), f.getField(), f.getValue(), msg);
        }
        OriginalAge original = single(ev.inserted(OriginalAge.class), "original age");
        StatutoryAge statutory = single(ev.inserted(StatutoryAge.class), "statutory age");
        ContributionCheck check = single(ev.inserted(ContributionCheck.class), "contribution check");
        List<Finding> findings = ev.inserted(Finding.class);

        List<RetirementOption> options = new ArrayList<>();
        for (OptionKind k : OptionKind.values()) {
            options.add(option(k, findings));
        }
        Optional<FlexibleWindow> window = ev.inserted(FlexWindow.class).stream().findFirst()
                .map(w -> new FlexibleWindow(Optional.ofNullable(w.getEarliest()), w.getLatest(),
                        messages(findings, "flexible"), ruleIds(findings, "flexible")));
        Optional<RequestDecision> request = q.requested().map(m -> {
            List<Finding> fs = topic(findings, "request");
            boolean allowed = fs.stream().noneMatch(f -> f.getStatus() == ConditionStatus.NOT_MET);
            List<Message> reasons = fs.stream()
                    .filter(f -> allowed || f.getStatus() == ConditionStatus.NOT_MET)
                    .map(Finding::getMessage).toList();
            return new RequestDecision(m, allowed, reasons, ruleIds(findings, "request"));
        });
        List<EarlyRetirement> early = new ArrayList<>();
        for (EarlyKind k : EarlyKind.values()) {
            String t = "early:" + k.code();
            List<Condition> cs = conditions(findings, t);
            Optional<YearMonth> ageAt = topic(findings, t).stream().filter(f -> f.getCode().equals("AGE"))
                    .map(Finding::getMonth).findFirst();
            early.add(new EarlyRetirement(k, Outcome.of(cs), ageAt, cs, ruleIds(findings, t)));
        }
        List<Condition> grounds = conditions(findings, "transfer");
        TransferIn transfer = new TransferIn(Outcome.anyOf(grounds), grounds, ruleIds(findings, "transfer"));

        List<Message> notes = new ArrayList<>(messages(findings, "note"));
        List<Message> warnings = new ArrayList<>(messages(findings, "warning"));
        List<ParameterUse> used = new ArrayList<>();
        for (Param p : ev.paramsUsed()) {
            ParameterValue v = p.getValue();
            used.add(ParameterUse.of(v, p.isCarriedForward()));
            io.shebao.trace.Assumptions.assumed(v).ifPresent(warnings::add);
            if (v.provenance() == Provenance.SCENARIO) {
                notes.add(new Message("SCENARIO_VALUE",
                        v.qualifiedId() + " = " + v.raw() + " 是假设情景 " + v.origin().pack() + " 的取值，并非现行规定：" + v.reference(),
                        v.qualifiedId() + " = " + v.raw() + " is a what-if value of " + v.origin().pack()
                                + ", not a rule in force: " + v.reference()));
            }
            if (v.provenance() == Provenance.SECONDARY) {
                notes.add(new Message("SECONDARY_SOURCE",
                        v.qualifiedId() + " = " + v.raw() + " 来自二手资料，尚未经发文机关核实：" + v.reference(),
                        v.qualifiedId() + " = " + v.raw() + " is from a secondary source, not yet checked against the issuing office: "
                                + v.reference()));
            }
        }
        List<String> ageRules = prefixed(ev.fired(), "R-AGE-");
        List<String> minRules = prefixed(ev.fired(), "R-MIN-");
        return new RetirementResult(q, AgeYm.ofMonths(original.getMonths()), original.getMonth(),
                AgeYm.ofMonths(statutory.getMonths()), statutory.getMonth(), statutory.isReformApplied(),
                statutory.getDelay(), ageRules, check.getMinimum(), check.getAtRetirement(), check.isMet(),
                check.getShortfall(), minRules, options, window, request, early, transfer,
                messages(findings, "reason"), notes, warnings, new Trace(ev.fired(), used));
    }

    private static RetirementOption option(OptionKind k, List<Finding> findings) {
        String t = "option:" + k.code();
        List<Finding> fs = topic(findings, t);
        if (fs.isEmpty()) {
            return new RetirementOption(k, false, Optional.empty(), 0, List.of(new Message("NOT_DETERMINED",
                    "该项规则的参数在本地区、提问日期无已知取值，未能判断",
                    "not determined: the parameters of this rule have no value for the region at the date of the question")),
                    List.of());
        }
        Finding f = fs.get(0);
        return new RetirementOption(k, f.getStatus() == ConditionStatus.MET, Optional.ofNullable(f.getMonth()),
                f.getMonths(), fs.stream().map(Finding::getMessage).toList(), ruleIds(findings, t));
    }

    private static List<Condition> conditions(List<Finding> findings, String topic) {
        List<Condition> out = new ArrayList<>();
        for (Finding f : topic(findings, topic)) {
            out.add(new Condition(f.getCode(), f.getStatus() == null ? ConditionStatus.TO_VERIFY : f.getStatus(),
                    f.getMessage(), List.of(f.getRuleId())));
        }
        return out;
    }

    private static List<Finding> topic(List<Finding> findings, String topic) {
        return findings.stream().filter(f -> f.getTopic().equals(topic)).toList();
    }

    private static List<Message> messages(List<Finding> findings, String topic) {
        return topic(findings, topic).stream().map(Finding::getMessage).toList();
    }

    private static List<String> ruleIds(List<Finding> findings, String topic) {
        Set<String> ids = new LinkedHashSet<>();
        topic(findings, topic).forEach(f -> ids.add(f.getRuleId()));
        return List.copyOf(ids);
    }

    private static List<String> prefixed(List<RuleFiring> fired, String prefix) {
        return fired.stream().map(RuleFiring::id).filter(id -> id.startsWith(prefix)).distinct().toList();
    }

    private static <T> T single(List<T> xs, String what) {
        if (xs.size() != 1) {
            throw new ShebaoException(ErrorCode.RULES_UNAVAILABLE, null, what,
                    "retirement rules produced " + xs.size() + " facts for the " + what
                            + " (expected 1): the rule base or its parameters are inconsistent");
        }
        return xs.get(0);
    }
}
