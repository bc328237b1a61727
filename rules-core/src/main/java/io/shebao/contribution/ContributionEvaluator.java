package io.shebao.contribution;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.internal.engine.RuleEngine;
import io.shebao.internal.facts.Applicable;
import io.shebao.internal.facts.Base;
import io.shebao.internal.facts.ContributionInput;
import io.shebao.internal.facts.Failure;
import io.shebao.internal.facts.MissingParam;
import io.shebao.internal.facts.Note;
import io.shebao.internal.facts.Param;
import io.shebao.internal.facts.Switch;
import io.shebao.internal.facts.Totals;
import io.shebao.parameter.ParameterDefinition;
import io.shebao.parameter.ParameterSet;
import io.shebao.parameter.Resolution;
import io.shebao.parameter.ParameterValue;
import io.shebao.parameter.Provenance;
import io.shebao.trace.Message;
import io.shebao.trace.ParameterUse;
import io.shebao.trace.Trace;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link ContributionRequest} into facts (the request, the insurances that apply and every parameter
 * value in force for the region and period), runs the contribution rules and reads the answer back.
 * The arithmetic and the conditions live in the DRL files of the catalogue, not here.
 */
public final class ContributionEvaluator {
    /** The kbase name in the catalogue's kmodule.xml. */
    public static final String KIE_BASE = "contribution";
    private static final List<String> COMMON_PREFIXES = List.of("contribution.", "contribution_base.");

    private final ParameterSet parameters;
    private final RuleEngine engine;
    private final List<Object> contextFacts;
    /**
     * The parameter facts of {@link #facts} by what they depend on: a new decision context of a batch or a
     * replay (thousands in a file) mostly shares its region, month, insurances and risk class with an earlier
     * one, and resolving every dated parameter again was 4-6% of a replay's CPU (docs/PERFORMANCE.md, "Issue 13,
     * stop 13"). The facts are immutable, so sharing them between evaluations is safe; {@code RuleInputs}
     * compares the parameter values they hold by identity, which this keeps. Bounded: past the bound a request's
     * facts are computed as before, not kept.
     */
    private final java.util.concurrent.ConcurrentHashMap<ParameterFactsKey, List<Object>> parameterFacts =
            new java.util.concurrent.ConcurrentHashMap<>();
    static final int MAX_PARAMETER_FACTS = 4_096;
    /** Notes by what they are made of (see {@link #shared}). */
    private final java.util.concurrent.ConcurrentHashMap<List<Object>, Message> sharedMessages =
            new java.util.concurrent.ConcurrentHashMap<>();
    static final int MAX_SHARED_MESSAGES = 4_096;
    /** Defaults by region, contributor and month (see {@link #scheme}). */
    private final java.util.concurrent.ConcurrentHashMap<SchemeKey, Scheme> schemes =
            new java.util.concurrent.ConcurrentHashMap<>();
    static final int MAX_SCHEMES = 4_096;

    /**
     * An evaluator over the catalogue's {@value #KIE_BASE} rule base (loaded on first use in the JVM).
     *
     * @param switches the switches (开关) in force, by name, e.g. {@code ShebaoRules#switches()} of a view
     */
    public ContributionEvaluator(ParameterSet parameters, Map<String, String> switches) {
        this.parameters = parameters;
        this.engine = RuleEngine.forKieBase(KIE_BASE);
        this.contextFacts = Switch.facts(switches);
    }

    /** The insurances computed when the request names none: those the region's parameters define. */
    public Set<Insurance> defaultInsurances(String region) {
        return defaultInsurances(region, Contributor.EMPLOYEE);
    }

    /** For a flexible worker: the insurances with a flexible rate ({@code <insurance>.flexible_rate}) in the region. */
    public Set<Insurance> defaultInsurances(String region, Contributor contributor) {
        Set<Insurance> out = new java.util.TreeSet<Insurance>();
        for (Insurance i : Insurance.values()) {
            String defining = contributor == Contributor.FLEXIBLE ? i.parameterPrefix() + "flexible_rate" : i.definingParameter();
            if (parameters.definesAnywhere(defining, region)) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * The default insurances for a month: those the region's parameters define, except one that only the city's
     * own files define and whose first value comes after the month (e.g. medical in Yichang, known from 2026-01):
     * it is left out with a note, as before its values were added. From the first value on, a gap is unknown (an
     * error); {@code params coverage} shows the earlier months as unknown.
     */
    public Set<Insurance> defaultInsurances(String region, Contributor contributor, java.time.YearMonth month) {
        Set<Insurance> out = defaultInsurances(region, contributor);
        if (month != null) {
            out.removeIf(i -> notYetKnown(i, region, contributor, month).isPresent());
        }
        return out;
    }

    private java.util.Optional<java.time.LocalDate> notYetKnown(Insurance i, String region, Contributor contributor,
                                                                java.time.YearMonth month) {
        String defining = contributor == Contributor.FLEXIBLE ? i.parameterPrefix() + "flexible_rate" : i.definingParameter();
        return parameters.cityFirstFrom(defining, region).filter(first -> first.isAfter(month.atEndOfMonth()));
    }

    /**
     * 规则输入 without the period: equal for two requests exactly when this evaluator gives the rules the same facts
     * except the period (and the amount), so that their results differ only in the period they name (see
     * {@link RuleInputs}). Built by the same code as the facts of {@link #evaluate}, so nothing the evaluation
     * looks up can be left out. Empty when the request fails before the rules run.
     */
    public java.util.Optional<RuleInputs> inputsWithoutPeriod(ContributionRequest req) {
        try {
            return RuleInputs.of(facts(req));
        } catch (ShebaoException e) {
            return java.util.Optional.empty();
        }
    }

    /** Every fact the rules are given for the request: the request, the insurances, the switches, the parameters. */
    private List<Object> facts(ContributionRequest req) {
        String region = parameters.regions().require("region", req.region()).code();
        // TreeSet: facts go in in catalogue order, so rules of equal salience fire in the same order in every JVM
        // (a Set.of iterates in a per-JVM random order) and audit records are byte-identical.
        Set<Insurance> applicable = req.insurances().isEmpty() ? scheme(region, req.contributor(), req.period()).insurances()
                : new java.util.TreeSet<>(req.insurances());
        java.util.Optional<Insurance> keyed = applicable.stream().filter(Insurance::riskClassRequired).findFirst();
        if (keyed.isPresent() && req.riskClass().isEmpty()) {
            String c = keyed.get().code();
            throw new ShebaoException(ErrorCode.INVALID_INPUT, "riskClass", "",
                    "riskClass: missing; " + c.replace('_', ' ') + " applies to " + region
                            + ": give the employer's risk class 1 to 8 (or leave " + c + " out of the insurances)");
        }
        List<Object> facts = new ArrayList<>();
        facts.add(new ContributionInput(region, req.period(), req.wage().orElse(null), req.base().orElse(null),
                req.riskClass().orElse(0), req.floatGrade().movePointLeft(2),
                req.unitKind().map(UnitKind::code).orElse(null), req.contributor() == Contributor.FLEXIBLE,
                req.birthMonth().orElse(null), req.sex().map(s -> s.code()).orElse(null)));
        for (Insurance i : applicable) {
            facts.add(new Applicable(i));
        }
        facts.addAll(contextFacts);
        ParameterFactsKey k = new ParameterFactsKey(region, req.period(), applicable, req.riskClass(),
                req.allowCarryForward());
        List<Object> params = parameterFacts.get(k);
        if (params == null) {
            params = parameterFacts(req, region, applicable);
            if (parameterFacts.size() < MAX_PARAMETER_FACTS) {
                parameterFacts.putIfAbsent(k, params);
            }
        }
        facts.addAll(params);
        return facts;
    }

    /**
     * What the parameter facts of {@link #facts} depend on: the parameter set (fixed per evaluator), the region's
     * code, the month, the insurances that apply, the risk class (the key of a keyed parameter) and whether a
     * value may be carried forward. Nothing else of the request is read by {@link #parameterFacts}. The set is
     * the one {@link #facts} made for this request and does not change afterwards.
     */
    private record ParameterFactsKey(String region, java.time.YearMonth period, Set<Insurance> insurances,
                                     java.util.Optional<Integer> riskClass, boolean allowCarryForward) {
    }

    /**
     * The dated parameter values in force for a request's region and month, as facts, in definition order (the
     * order the rules are given them, so that rules of equal salience fire in the same order).
     */
    private List<Object> parameterFacts(ContributionRequest req, String region, Set<Insurance> applicable) {
        List<Object> facts = new ArrayList<>();
        for (ParameterDefinition d : parameters.definitions().values()) {
            if (!relevant(d.id(), applicable)) {
                continue;
            }
            String key = "";
            if (d.keyed()) {
                if (req.riskClass().isEmpty()) {
                    continue;
                }
                key = String.valueOf(req.riskClass().get());
            }
            Resolution r = parameters.resolve(d.id(), key, region, req.period());
            if (r instanceof Resolution.Known k) {
                facts.add(new Param(k.value(), false));
            } else if (r instanceof Resolution.Unknown u) {
                if (req.allowCarryForward() && u.lastBefore().isPresent()) {
                    facts.add(new Param(u.lastBefore().get(), true));
                } else {
                    facts.add(new MissingParam(d.id(), key, region, req.period(),
                            u.lastBefore().map(ParameterValue::validity).orElse("")));
                }
            }
        }
        return List.copyOf(facts);
    }

    public ContributionResult evaluate(ContributionRequest req) {
        List<Object> facts = facts(req);
        String region = ((ContributionInput) facts.get(0)).getRegion();

        RuleEngine.Evaluation ev = engine.execute(facts);

        List<Failure> failures = Failure.inOrder(ev.inserted(Failure.class));
        if (!failures.isEmpty()) {
            Failure f = failures.get(0);
            throw new ShebaoException(f.getCode(), f.getField(), f.getValue(), Failure.describe(failures));
        }
        List<ContributionLine> lines = new ArrayList<>(ev.inserted(ContributionLine.class));
        lines.sort(Comparator.comparing(ContributionLine::insurance));
        List<Totals> totals = ev.inserted(Totals.class);
        List<Base> bases = ev.inserted(Base.class);
        if (totals.size() != 1 || bases.size() != 1) {
            throw new IllegalStateException("contribution rules produced " + totals.size() + " totals and "
                    + bases.size() + " bases; the rule base is inconsistent");
        }
        List<Message> notes = new ArrayList<>();
        if (req.insurances().isEmpty()) {
            notes.addAll(scheme(region, req.contributor(), req.period()).notYetKnown());
        }
        for (Note n : ev.inserted(Note.class)) {
            notes.add(n.getMessage());
        }
        List<Message> warnings = new ArrayList<>();
        if (req.insurances().isEmpty() && req.contributor() == Contributor.FLEXIBLE) {
            warnings.addAll(scheme(region, req.contributor(), req.period()).flexibleRatesUnknown());
        }
        List<ParameterUse> used = new ArrayList<>();
        for (Param p : ev.paramsUsed()) {
            ParameterValue v = p.getValue();
            used.add(ParameterUse.of(v, p.isCarriedForward()));
            if (p.isCarriedForward()) {
                warnings.add(carriedForward(v, region, req));
            }
            io.shebao.trace.Assumptions.assumed(v).ifPresent(warnings::add);
            if (v.provenance() == Provenance.SCENARIO) {
                notes.add(shared(List.of("SCENARIO_VALUE", v), () -> new Message("SCENARIO_VALUE",
                        v.qualifiedId() + " = " + v.raw() + " 是假设情景 " + v.origin().pack() + " 的取值，并非现行规定：" + v.reference(),
                        v.qualifiedId() + " = " + v.raw() + " is a what-if value of " + v.origin().pack()
                                + ", not a rule in force: " + v.reference())));
            }
            if (v.provenance() == Provenance.SECONDARY) {
                notes.add(shared(List.of("SECONDARY_SOURCE", v), () -> new Message("SECONDARY_SOURCE",
                        v.qualifiedId() + " = " + v.raw() + " 来自二手资料，尚未经发文机关核实：" + v.reference(),
                        v.qualifiedId() + " = " + v.raw() + " is from a secondary source, not yet checked against the issuing office: "
                                + v.reference())));
            }
        }
        for (io.shebao.internal.facts.Caution c : ev.inserted(io.shebao.internal.facts.Caution.class)) {
            warnings.add(c.getMessage());
        }
        return new ContributionResult(req, lines, totals.get(0).getTotals(), bases.get(0).getAdjustment(), notes,
                warnings, new Trace(ev.fired(), used));
    }

    /**
     * What a request that names no insurances gets from its region, contributor and month alone: the default
     * insurances, the notes of insurances not yet known in that month, and a flexible worker's insurances whose
     * rate the region does not know. Made once per (region, contributor, month) instead of once per evaluation:
     * looking the region chain up for every insurance was ~6% of a rule evaluation (docs/PERFORMANCE.md, "Issue
     * 13, stop 15"). The parameter set is fixed per evaluator, so the answer is a function of the key. Bounded:
     * past the bound the scheme is made for the evaluation and not kept.
     */
    Scheme scheme(String region, Contributor contributor, java.time.YearMonth month) {
        SchemeKey k = new SchemeKey(region, contributor, month);
        Scheme s = schemes.get(k);
        if (s == null) {
            s = makeScheme(region, contributor, month);
            if (schemes.size() < MAX_SCHEMES) {
                Scheme raced = schemes.putIfAbsent(k, s);
                s = raced != null ? raced : s;
            }
        }
        return s;
    }

    /** The scheme as every evaluation made it before it was kept (the definition {@code SchemeCacheProperties} checks). */
    // the month is named period here, as in the request: PeriodBlindRulesTest finds the notes that state it by that name
    Scheme makeScheme(String region, Contributor contributor, java.time.YearMonth period) {
        // TreeSet: catalogue order, as the facts are given (see facts)
        Set<Insurance> insurances = java.util.Collections.unmodifiableSortedSet(
                new java.util.TreeSet<>(defaultInsurances(region, contributor, period)));
        List<Message> notes = new ArrayList<>();
        for (Insurance i : defaultInsurances(region, contributor)) {
            notYetKnown(i, region, contributor, period).ifPresent(first -> notes.add(shared(
                    List.of("INSURANCE_NOT_YET_KNOWN", i, region, first, period), () -> new Message(
                    "INSURANCE_NOT_YET_KNOWN", i.nameZh() + "未计算：" + region + " 的取值自 " + first + " 起才已知，"
                    + period + " 未知（可用 --insurances 明确要求，将报未知）", i.nameEn() + " not computed: "
                    + region + "'s values are known from " + first + " only, " + period
                    + " is unknown (ask for it with the insurances to get the unknown error)"))));
        }
        List<Message> flexible = contributor == Contributor.FLEXIBLE ? flexibleRatesUnknown(region) : List.of();
        return new Scheme(insurances, List.copyOf(notes), List.copyOf(flexible));
    }

    /** See {@link #scheme}: the defaults of a request that names no insurances, in the order evaluations use them. */
    record Scheme(Set<Insurance> insurances, List<Message> notYetKnown, List<Message> flexibleRatesUnknown) {
    }

    private record SchemeKey(String region, Contributor contributor, java.time.YearMonth month) {
    }

    /**
     * The one message object of these parts (a note that is a function of a parameter value, or of an insurance,
     * region and month): every evaluation that gives it gives the very same strings, so that a replay comparing
     * today's notes with a trail's cited definitions finds them equal by identity after the first comparison
     * ({@code AuditHeader.definedMessageEquals}) instead of comparing their texts row by row, which was ~7% of a
     * replay's CPU (docs/PERFORMANCE.md, "Issue 13, stop 13"). Equal content either way. Bounded: past the bound
     * a message is made as before.
     */
    private Message shared(List<Object> parts, java.util.function.Supplier<Message> make) {
        Message m = sharedMessages.get(parts);
        if (m == null) {
            m = make.get();
            if (sharedMessages.size() < MAX_SHARED_MESSAGES) {
                Message raced = sharedMessages.putIfAbsent(parts, m);
                m = raced != null ? raced : m;
            }
        }
        return m;
    }

    /**
     * A flexible worker's insurance the catalogue charges flexible workers somewhere ({@code <insurance>.flexible_rate}
     * is declared) but not in this region (e.g. medical outside Wuhan): left out of the defaults, never silently.
     */
    private List<Message> flexibleRatesUnknown(String region) {
        List<Message> out = new ArrayList<>();
        for (Insurance i : Insurance.values()) {
            String rate = i.parameterPrefix() + "flexible_rate";
            if (parameters.definition(rate).isPresent() && !parameters.definesAnywhere(rate, region)) {
                out.add(new Message("FLEXIBLE_RATE_UNKNOWN",
                        i.nameZh() + "未计算：" + region + " 灵活就业人员的费率（" + rate + "）未知，结果不含该险种",
                        i.nameEn() + " not computed: the flexible-worker rate of " + region + " (" + rate
                                + ") is not known, so the result leaves it out"));
            }
        }
        return out;
    }

    private static Message carriedForward(ParameterValue v, String region, ContributionRequest req) {
        return new Message("CARRIED_FORWARD",
                "假设：" + v.qualifiedId() + " 在 " + region + " " + req.period() + " 无已知取值，沿用 " + v.validity()
                        + " 的取值 " + v.raw() + "（" + v.reference() + "）",
                "assumption: " + v.qualifiedId() + " has no known value for " + region + " in " + req.period()
                        + "; the value " + v.raw() + " in force " + v.validity() + " was carried forward ("
                        + v.reference() + ")");
    }

    private static boolean relevant(String id, Set<Insurance> applicable) {
        for (String p : COMMON_PREFIXES) {
            if (id.startsWith(p)) {
                return true;
            }
        }
        for (Insurance i : applicable) {
            if (id.startsWith(i.parameterPrefix())) {
                return true;
            }
        }
        return false;
    }

}
