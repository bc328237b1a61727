package io.shebao.batch;

import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.contribution.BaseAdjustment;
import io.shebao.contribution.ContributionLine;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.contribution.ContributionTotals;
import io.shebao.contribution.Insurance;
import io.shebao.contribution.RuleInputs;
import io.shebao.contribution.UnitKind;
import io.shebao.trace.ParameterUse;
import io.shebao.trace.RuleFiring;
import io.shebao.trace.Trace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * 按决策情形求值: runs the rules once per distinct decision context and applies the result to every row of
 * that context. Thread-safe.
 *
 * <p>The context is everything the rules see except the amount: region, period, risk class, float grade,
 * insurances, carry-forward, unit kind, whether a base is supplied, and the base case (within the limits, raised to the
 * floor, lowered to the ceiling, supplied). The first row of a context and case is evaluated by the rules;
 * its result is the plan. For a later row of the same context:
 * <ul>
 *   <li>the case is decided by comparing the wage with the floor and ceiling the rules used (from the trace),
 *       exactly as the base rules compare them;</li>
 *   <li>raised to the floor / lowered to the ceiling: the base is the same, so the plan's lines are the row's;</li>
 *   <li>within limits / supplied: each line is recomputed as the rules do: base × the line's rate, rounded
 *       with the rounding parameters the rules used, plus the line's fixed amount;</li>
 *   <li>the rules fired and the parameters used do not depend on the amount, so the plan's trace is the row's.</li>
 * </ul>
 * A context whose rules fail (an unknown parameter for the period, a float grade not allowed…) fails the same
 * way for every row of it, so the failure is kept too.
 *
 * <p>跨期共用: a new context whose rules would be given the same facts as a context of another month, but for the
 * period ({@link RuleInputs}: the same parameter value objects, insurances, switches and request fields), takes
 * that context's cases without running the rules. The period then reaches no part of a plan: the contribution
 * rules read it only for the texts of failures (never shared), of values unknown for the period and of flexible
 * workers' ages (both give no inputs), and the evaluator only for notes (a plan keeps none) and the warnings of
 * values carried forward (no inputs). {@code PeriodBlindRulesTest} keeps that list of rules honest, and
 * {@code PlanEquivalenceProperties} proves on random populations over many months that amounts, warnings and
 * traces equal per-row evaluation.
 */
public final class ContributionPlanner {
    /**
     * Contexts kept at most (then the least recently used are evicted, and learnt again if they come back). A
     * month's payroll has a few thousand (regions × classes × grades × insurance sets); the benchmark's mixed
     * population about 27,000. A planned case takes about 1 KB (its trace shares rule and parameter entries with
     * the others), so the cache stays under ~150 MB whatever the file size.
     */
    public static final int DEFAULT_MAX_CONTEXTS = 40_000;

    private final ShebaoRules rules;
    private final int maxContexts;
    /**
     * Bounded (Caffeine: size-based eviction, W-TinyLFU): a file with more contexts than the bound evicts the
     * rarely used ones instead of starting afresh. Caffeine rather than Guava's cache because a lookup happens on
     * every row and Guava's records each read in a queue (9% of the batch's samples in the profile).
     */
    private final Cache<Context, ContextPlan> cache;
    private final Map<Context, ContextPlan> plans;
    /** The first plan learnt for each coarse context ({@link #coarse}), which later contexts may share. */
    private final Cache<Coarse, ContextPlan> leaders;
    /**
     * 跨期共用: a plan by the rules' inputs without the period ({@link RuleInputs}), so that the months of a context
     * whose parameters did not change between them take one month's plan instead of running the rules again. Rates
     * and limits change once a year or less, and a file of several months has one context per month.
     */
    private final Cache<RuleInputs, ContextPlan> byInputs;
    /** The notes of each group of contexts that share plans across months ({@link #notes}), bounded as the plans. */
    private final Cache<NotesKey, Map<BaseAdjustment, NotedCase>> noteGroups;
    private final boolean shareAcrossPeriods;
    private final java.util.concurrent.atomic.LongAdder evaluations = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder sharedAcrossPeriods = new java.util.concurrent.atomic.LongAdder();
    private final Map<String, Set<Insurance>> defaults = new ConcurrentHashMap<>();
    private final Map<RuleFiring, RuleFiring> firings = new ConcurrentHashMap<>();
    private final Map<ParameterUse, ParameterUse> uses = new ConcurrentHashMap<>();

    /**
     * The region texts and float grades of the keys kept ({@link Context#kept}) and the notes re-stamped for another
     * month ({@link NotedCase#forPeriod}), one instance per value, bounded.
     */
    private final Map<Object, Object> keyParts = new ConcurrentHashMap<>();
    private static final int MAX_KEY_PARTS = 4_096;

    public ContributionPlanner(ShebaoRules rules) {
        this(rules, DEFAULT_MAX_CONTEXTS);
    }

    public ContributionPlanner(ShebaoRules rules, int maxContexts) {
        this(rules, maxContexts, true);
    }

    /**
     * @param shareAcrossPeriods false: every month of a context is learnt from the rules (as before plans were
     *                           shared across periods; for measurements and the property that compares both)
     */
    public ContributionPlanner(ShebaoRules rules, int maxContexts, boolean shareAcrossPeriods) {
        this.rules = Objects.requireNonNull(rules);
        this.shareAcrossPeriods = shareAcrossPeriods;
        if (maxContexts < 1) {
            throw new IllegalArgumentException("maxContexts must be ≥ 1");
        }
        this.maxContexts = maxContexts;
        this.cache = Caffeine.newBuilder().maximumSize(maxContexts).executor(Runnable::run).build();
        this.plans = cache.asMap();
        this.leaders = Caffeine.newBuilder().maximumSize(maxContexts).executor(Runnable::run).build();
        this.byInputs = Caffeine.newBuilder().maximumSize(maxContexts).executor(Runnable::run).build();
        this.noteGroups = Caffeine.newBuilder().maximumSize(maxContexts).executor(Runnable::run).build();
    }

    /** The same amounts, warnings and trace as {@code rules.contribution(request)}, or the same error. */
    public PlannedContribution evaluate(ContributionRequest request) {
        if (request.contributor() != io.shebao.contribution.Contributor.EMPLOYEE) {
            // a flexible worker's base is checked against the limits and noted per row: no plan
            return PlannedContribution.of(byRules(request));
        }
        Context key = Context.of(request);
        ContextPlan plan = plans.get(key);
        if (plan == null) {
            key = key.kept(this::canonical);
            RuleInputs inputs = inputs(request);
            ContextPlan same = inputs == null ? null : byInputs.getIfPresent(inputs);
            if (same == null) {
                return learn(key, request, inputs);
            }
            plan = takeAcrossPeriods(key, same, request, inputs);
        }
        if (plan.failure != null) {
            ShebaoException f = plan.failure;
            throw new ShebaoException(f.code(), f.field().orElse(null), f.value().orElse(null), f.getMessage());
        }
        BaseAdjustment c = plan.caseOf(request);
        PlannedCase representative = c == null ? null : plan.cases.planned(c);
        if (representative == null) {
            PlannedContribution r = PlannedContribution.of(byRules(request));
            if (c != null) {
                plan.cases.putIfAbsent(r.baseAdjustment(), compact(r));
            }
            return r;
        }
        return plan.apply(representative, request);
    }

    /**
     * The same complete result as {@code rules.contribution(request)}, notes included, or the same error:
     * for audit trails and their replay. Notes that state the wage or base ("申报工资 3000 低于缴费基数下限
     * 3450…") are the plan's notes with the plan's amount replaced by the row's. The substitution is trusted
     * after it reproduced the notes of a second row of the case evaluated by the rules, or at once when every
     * note's code already has a known shape (see {@link NoteShape}) that the case's notes match: a note code is
     * learnt once, in any context, by such a reproduction. Otherwise, and for a case where the substitution did
     * not reproduce the rules' notes, rows are evaluated by the rules.
     */
    public ContributionResult complete(ContributionRequest request) {
        return (ContributionResult) complete(request, false);
    }

    /**
     * 审计行: a row for a version-3 audit trail, whose row cites its case instead of stating its notes. The same
     * as {@link #complete} (which {@link #result} then is, with {@link #caseKey} null), except for a row of a case
     * whose notes the planner substitutes: its result's notes are the case's as learnt, from a row whose amount
     * was {@link #notesAmount} (its first occurrence in a note stands for the row's amount, as {@link #complete}
     * substitutes it), and {@link #caseKey} is an object standing for the case: rows with the same key have the
     * same base adjustment, rates, warnings, trace and notes but for the amount.
     */
    public record TrailRow(ContributionResult result, Object caseKey, String notesAmount) {
    }

    /** As {@link #complete}, for a version-3 audit trail (see {@link TrailRow}). */
    public TrailRow trailRow(ContributionRequest request) {
        Object o = complete(request, true);
        return o instanceof TrailRow t ? t : new TrailRow((ContributionResult) o, null, null);
    }

    private Object complete(ContributionRequest request, boolean forTrail) {
        if (request.contributor() != io.shebao.contribution.Contributor.EMPLOYEE || request.birthMonth().isPresent()) {
            // not in the context key (a flexible worker's base and notes are checked per row): never planned
            return byRules(request);
        }
        Context key = Context.of(request);
        ContextPlan plan = plans.get(key);
        if (plan == null) {
            key = key.kept(this::canonical);
            RuleInputs inputs = inputs(request);
            ContextPlan same = inputs == null ? null : byInputs.getIfPresent(inputs);
            if (same == null) {
                ContributionResult r = learnComplete(key, request, inputs);
                ContextPlan learnt = plans.get(key);
                if (learnt != null) {
                    learnt.candidate(r, representative(learnt, r), this::shapesKnown);
                }
                return r;
            }
            plan = takeAcrossPeriods(key, same, request, inputs);
        }
        if (plan.failure != null) {
            ShebaoException f = plan.failure;
            throw new ShebaoException(f.code(), f.field().orElse(null), f.value().orElse(null), f.getMessage());
        }
        BaseAdjustment c = plan.caseOf(request);
        if (c == null) {
            return byRulesNoted(request);
        }
        NotedCase n = plan.noted(c, request.period(), this::shapesKnown, this::canonical);
        if (n == null || n.refused) {
            ContributionResult r = byRulesNoted(request);
            if (n == null && r.baseAdjustment() == c) {
                plan.candidate(r, representative(plan, r), this::shapesKnown);
            }
            return r;
        }
        String amount = NotedCase.amount(request);
        if (n.verified || amount.equals(n.amount)) {
            if (forTrail) { // the case's notes as they are: the trail states them once, with the amount's place marked
                PlannedContribution x = plan.apply(n.planned(plan), request);
                return new TrailRow(new ContributionResult(request, x.lines(), x.totals(), x.baseAdjustment(), n.notes,
                        x.warnings(), x.trace()), n, n.amount);
            }
            return n.apply(plan, request, amount);
        }
        ContributionResult r = byRulesNoted(request);
        ContributionResult t = n.apply(plan, request, amount);
        boolean same = r.baseAdjustment() == c && r.lines().equals(t.lines()) && r.totals().equals(t.totals())
                && r.notes().equals(t.notes()) && r.warnings().equals(t.warnings()) && r.trace().equals(t.trace());
        plan.noted.compareAndSet(c.ordinal(), n, same ? n.verified() : NotedCase.REFUSED);
        if (same) {
            for (io.shebao.trace.Message m : n.notes) {
                shapes.merge(m.code(), NoteShape.of(m, n.amount), NoteShape::merge);
            }
        }
        return r;
    }

    /**
     * 附注形态: how the text of a note (by its code) relates to the row's amount, learnt from a case whose
     * substitution reproduced the rules' notes. A note code is written by one rule, so its shape holds in
     * every context; a code seen both ways is {@link #MIXED} and never trusted.
     */
    enum NoteShape {
        /** The text states the row's wage or base exactly once ("申报工资 3000 …"). */
        STATES_AMOUNT,
        /** The text does not depend on the amount (a secondary source, an exemption). */
        INDEPENDENT,
        MIXED;

        static NoteShape of(io.shebao.trace.Message m, String amount) {
            return m.zh().contains(amount) || m.en().contains(amount) ? STATES_AMOUNT : INDEPENDENT;
        }

        static NoteShape merge(NoteShape a, NoteShape b) {
            return a == b ? a : MIXED;
        }
    }

    /**
     * Note codes whose text cannot name the month, so that a case's notes learnt in one month serve another
     * with the same rule inputs: they state the wage or base (substituted per row), a parameter value and its
     * validity or reference (the same value objects), a unit kind. {@code PeriodBlindRulesTest} checks that no
     * rule writing one of them reads the period. A code in neither this list nor {@link #PERIOD_STAMPED_NOTES}
     * (one added later, until it is listed) keeps its case's notes to their month.
     */
    static final Set<String> PERIOD_FREE_NOTES = Set.of("BASE_SUPPLIED", "WAGE_BELOW_FLOOR", "WAGE_ABOVE_CEILING",
            "LARGE_MEDICAL_BY_EMPLOYER", "LARGE_MEDICAL_YEARLY", "EMPLOYER_SHARE_EXEMPT", "EMPLOYER_SHARE_DUE",
            "SECONDARY_SOURCE", "SCENARIO_VALUE");

    /**
     * Note codes whose text names the month once and depends on it no further, given the same rule inputs and
     * the same choice of default insurances: the evaluator's {@code INSURANCE_NOT_YET_KNOWN} ("医疗保险未计算：
     * yichang 的取值自 2026-01-01 起才已知，2025-07 未知…"), whose insurance and first date depend on the region and
     * the insurances applied, not on the month ({@code PeriodBlindRulesTest} checks it states the month once per
     * language).
     */
    static final Set<String> PERIOD_STAMPED_NOTES = Set.of("INSURANCE_NOT_YET_KNOWN");

    /**
     * Note codes whose text is a function of a parameter value (its source) or of an insurance, region and month,
     * never of the row's amount: as few texts as the parameters have values, cited by the audit trail.
     */
    static final Set<String> SHARED_NOTES = Set.of("SECONDARY_SOURCE", "SCENARIO_VALUE", "INSURANCE_NOT_YET_KNOWN");

    /** Learnt note shapes, by code: as few as the rules have note codes. */
    private final Map<String, NoteShape> shapes = new ConcurrentHashMap<>();

    /** True when every note of the case has a learnt shape and matches it: its substitution is trusted at once. */
    private boolean shapesKnown(NotedCase n) {
        for (io.shebao.trace.Message m : n.notes) {
            NoteShape s = shapes.get(m.code());
            if (s == null || s == NoteShape.MIXED || s != NoteShape.of(m, n.amount)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The case's kept plan when there is one (any row of a case serves: {@code ContextPlan.apply} recomputes the
     * amounts of the row), else this row's: one compacted plan per case, shared by the plain and the complete path.
     */
    private PlannedContribution representative(ContextPlan plan, ContributionResult r) {
        PlannedContribution kept = plan.cases.get(r.baseAdjustment());
        return kept != null ? kept : compact(PlannedContribution.of(r));
    }

    private ContributionResult learnComplete(Context key, ContributionRequest request, RuleInputs inputs) {
        ContributionResult r;
        try {
            r = byRulesNoted(request);
        } catch (ShebaoException e) {
            plans.putIfAbsent(key, new ContextPlan(e));
            throw e;
        }
        PlannedContribution p = PlannedContribution.of(r);
        Coarse coarse = coarse(request);
        ContextPlan leader = coarse == null ? null : leaders.getIfPresent(coarse);
        ContextPlan plan;
        if (leader != null && agrees(leader, request, p) && notesAgree(leader, r)) {
            // as in learn: the leader's cases, and its notes when both chose their insurances alike (the
            // evaluator's notes depend on that) and its notes for this row's case are this row's
            boolean defaults = request.insurances().isEmpty();
            ContextPlan mine = new ContextPlan(leader, defaults,
                    leader.defaultInsurances == defaults ? leader.acrossPeriods : notes(inputs, defaults));
            ContextPlan raced = plans.putIfAbsent(key, mine);
            plan = raced != null ? raced : mine;
        } else {
            plan = plans.computeIfAbsent(key, k -> ContextPlan.from(r, notes(inputs, request.insurances().isEmpty())));
            if (plan.plannable) {
                plan.cases.putIfAbsent(r.baseAdjustment(), compact(p));
                if (coarse != null && leader == null) {
                    leaders.asMap().putIfAbsent(coarse, plan);
                }
            }
        }
        offerAcrossPeriods(inputs, plan);
        return r;
    }

    /** True when the leader has no notes for the row's case yet, or its notes applied to the row are the rules'. */
    private boolean notesAgree(ContextPlan leader, ContributionResult r) {
        NotedCase n = leader.noted(r.baseAdjustment(), r.request().period(), this::shapesKnown, this::canonical);
        if (n == null) {
            return true;
        }
        return !n.refused && n.apply(leader, r.request(), NotedCase.amount(r.request())).notes().equals(r.notes());
    }

    /**
     * 跨期共用: this new context takes the plan of a context of another month whose rules are given the same
     * facts but the period. Its cases are that plan's; its notes are its own, first taken from those learnt in
     * the other months with the same inputs and the same choice of default insurances ({@link #notes}; the
     * evaluator's note of an insurance not yet known depends on that choice, not on the rules' facts), as this
     * month has them ({@link ContextPlan#noted}).
     */
    private ContextPlan takeAcrossPeriods(Context key, ContextPlan same, ContributionRequest request, RuleInputs inputs) {
        boolean defaults = request.insurances().isEmpty();
        ContextPlan mine = new ContextPlan(same, defaults, notes(inputs, defaults));
        ContextPlan raced = plans.putIfAbsent(key, mine);
        sharedAcrossPeriods.increment();
        return raced != null ? raced : mine;
    }

    /**
     * The notes learnt in every month of the contexts with these rule inputs and this choice of default insurances
     * (the evaluator's notes depend on it, not on the rules' facts), or null without inputs.
     */
    private Map<BaseAdjustment, NotedCase> notes(RuleInputs inputs, boolean defaultInsurances) {
        return inputs == null ? null
                : noteGroups.get(new NotesKey(inputs, defaultInsurances), k -> new ConcurrentHashMap<>());
    }

    /** Looked up once per new context, not per row: the record's own equals and hashCode serve. */
    private record NotesKey(RuleInputs inputs, boolean defaultInsurances) {
    }

    /** Keeps a plan learnt from the rules for the other months with the same inputs, when it may be shared. */
    private void offerAcrossPeriods(RuleInputs inputs, ContextPlan plan) {
        if (inputs != null && plan.plannable && plan.failure == null && plan.cases.shareAcrossPeriods()) {
            byInputs.asMap().putIfAbsent(inputs, plan);
        }
    }

    /**
     * A case's notes learnt from one row: its amount as written and its notes, in which that amount (where it
     * appears, exactly once) stands for the row's amount.
     */
    private static final class NotedCase {
        static final NotedCase REFUSED = new NotedCase(null, null, null, List.of(), false, true);
        final PlannedContribution plan;
        final String amount;
        /** The month of the row the notes were learnt from (the month they name, where they name one). */
        final YearMonth period;
        final List<io.shebao.trace.Message> notes;
        final boolean verified;
        final boolean refused;
        /** Whether a note states {@link #amount} (replaced per row); when none does, every row has these notes. */
        private final boolean statesAmount;

        NotedCase(PlannedContribution plan, String amount, YearMonth period, List<io.shebao.trace.Message> notes,
                  boolean verified, boolean refused) {
            this.plan = plan;
            this.amount = amount;
            this.period = period;
            this.notes = notes;
            this.verified = verified;
            this.refused = refused;
            this.statesAmount = amount != null && notes.stream().anyMatch(m -> m.zh().contains(amount) || m.en().contains(amount));
        }

        static String amount(ContributionRequest r) {
            return r.base().orElseGet(() -> r.wage().orElseThrow()).toPlainString();
        }

        NotedCase verified() {
            return new NotedCase(plan, amount, period, notes, true, false);
        }

        /**
         * These notes as another month with the same rule inputs has them, or null when that is not known:
         * a note free of the month ({@link #PERIOD_FREE_NOTES}) is the same; a note that names the month once
         * ({@link #PERIOD_STAMPED_NOTES}) names the other month instead, when this month's text appears exactly
         * once in it and neither month's text contains the amount (whose first occurrence {@link #apply}
         * replaces); any other note keeps the case to its month. The case's warnings must be free of the month
         * ({@link Cases#periodFree}). Whether the amount's substitution was verified carries over: it is the
         * same text at the same place. A re-stamped note is the one instance {@code same} keeps for its content,
         * so that the contexts of a month share its strings: a replay recognises a cited note it has already found
         * equal by their identity ({@code AuditHeader.definedMessageEquals}) instead of comparing the texts again.
         */
        NotedCase forPeriod(YearMonth other, java.util.function.UnaryOperator<Object> same) {
            if (refused || other.equals(period)) {
                return this;
            }
            if (!Cases.periodFree(plan)) {
                return null;
            }
            String mine = period.toString();
            String theirs = other.toString();
            if (mine.contains(amount) || theirs.contains(amount)) {
                return null;
            }
            List<io.shebao.trace.Message> out = new ArrayList<>(notes.size());
            for (io.shebao.trace.Message m : notes) {
                if (PERIOD_FREE_NOTES.contains(m.code())) {
                    out.add(m);
                } else if (PERIOD_STAMPED_NOTES.contains(m.code()) && once(m.zh(), mine) && once(m.en(), mine)) {
                    out.add((io.shebao.trace.Message) same.apply(
                            new io.shebao.trace.Message(m.code(), m.zh().replace(mine, theirs), m.en().replace(mine, theirs))));
                } else {
                    return null;
                }
            }
            return new NotedCase(plan, amount, other, List.copyOf(out), verified, false);
        }

        private static boolean once(String text, String part) {
            int i = text.indexOf(part);
            return i >= 0 && i == text.lastIndexOf(part);
        }

        /** Null when the amount appears more than once in a note (which occurrence is the amount is unknown). */
        static NotedCase of(PlannedContribution plan, ContributionResult r) {
            String a = amount(r.request());
            for (io.shebao.trace.Message m : r.notes()) {
                if (m.zh().indexOf(a) != m.zh().lastIndexOf(a) || m.en().indexOf(a) != m.en().lastIndexOf(a)) {
                    return null;
                }
            }
            return new NotedCase(plan, a, r.request().period(), r.notes(), false, false);
        }

        /** The plan's fixed parts ({@link PlannedCase}) for the rounding of the context it is applied in, kept. */
        private volatile PlannedCase planned;

        private PlannedCase planned(ContextPlan p) {
            PlannedCase c = planned;
            if (c == null || c.scale != p.scale || c.mode != p.mode) {
                c = new PlannedCase(plan, p.scale, p.mode);
                planned = c;
            }
            return c;
        }

        ContributionResult apply(ContextPlan p, ContributionRequest request, String rowAmount) {
            PlannedContribution x = p.apply(planned(p), request);
            // notes that do not state the amount are the plan's own objects (the list too, when none does): the
            // audit trail cites them by identity
            List<io.shebao.trace.Message> ns = notes;
            if (statesAmount) {
                ns = new ArrayList<>(notes.size());
                for (io.shebao.trace.Message m : notes) {
                    String zh = replace(m.zh(), rowAmount);
                    String en = replace(m.en(), rowAmount);
                    ns.add(zh == m.zh() && en == m.en() ? m : new io.shebao.trace.Message(m.code(), zh, en));
                }
            }
            return new ContributionResult(request, x.lines(), x.totals(), x.baseAdjustment(), ns, x.warnings(), x.trace());
        }

        private String replace(String text, String rowAmount) {
            int i = text.indexOf(amount);
            if (i < 0) {
                return text;
            }
            int after = i + amount.length();
            // one builder of the exact length, not two substrings and their concatenation (a row's notes)
            return new StringBuilder(text.length() - amount.length() + rowAmount.length()).append(text, 0, i)
                    .append(rowAmount).append(text, after, text.length()).toString();
        }
    }

    /** Number of contexts planned and kept (for reports; at most the bound given to the constructor). */
    public int contexts() {
        return (int) cache.estimatedSize();
    }

    /**
     * @param inputs what the rules are given for the request without its period, or null: the plan learnt is
     *               kept under them for the other months with the same inputs
     */
    private PlannedContribution learn(Context key, ContributionRequest request, RuleInputs inputs) {
        ContributionResult r;
        try {
            r = byRules(request);
        } catch (ShebaoException e) {
            plans.putIfAbsent(key, new ContextPlan(e));
            throw e; // a failure names the period (a missing value "for 2025-07"): never shared across months
        }
        PlannedContribution p = PlannedContribution.of(r);
        Coarse coarse = coarse(request);
        ContextPlan leader = coarse == null ? null : leaders.getIfPresent(coarse);
        ContextPlan plan;
        if (leader != null && agrees(leader, request, p)) {
            // the rules gave this row exactly what the leader's plan gives it: share the leader's cases
            ContextPlan mine = new ContextPlan(leader, request.insurances().isEmpty(), null); // notes: never asked here
            ContextPlan raced = plans.putIfAbsent(key, mine);
            plan = raced != null ? raced : mine;
        } else {
            plan = plans.computeIfAbsent(key, k -> ContextPlan.from(r, null));
            if (plan.plannable) {
                plan.cases.putIfAbsent(r.baseAdjustment(), compact(p));
                if (coarse != null && leader == null) {
                    leaders.asMap().putIfAbsent(coarse, plan);
                }
            }
        }
        offerAcrossPeriods(inputs, plan);
        return p;
    }

    /**
     * The rules' inputs without the period, for sharing a plan across months; null when the request cannot share
     * (see {@link RuleInputs}: a value unknown or carried forward, a flexible worker, a birth month…) or when
     * sharing is off. A wrong "same" here would be a wrong result, so it is the evaluator's own list of facts
     * that is compared, value object by value object.
     */
    private RuleInputs inputs(ContributionRequest request) {
        if (!shareAcrossPeriods || request.birthMonth().isPresent()) {
            return null;
        }
        return rules.contributionInputs(request).orElse(null);
    }

    /**
     * The instance kept for this value (a String, a BigDecimal or a re-stamped note: each equal only to its own
     * kind), or the value itself.
     */
    private Object canonical(Object part) {
        Object kept = keyParts.get(part);
        if (kept != null) {
            return kept;
        }
        if (keyParts.size() >= MAX_KEY_PARTS) {
            return part; // a file of ever new grades: keys keep their own (slower, the same)
        }
        kept = keyParts.putIfAbsent(part, part);
        return kept != null ? kept : part;
    }

    /**
     * One evaluation by the rules for the complete path, its notes made of a parameter value or of an insurance,
     * region and month ({@link #SHARED_NOTES}) being the instances kept for their content ({@link #canonical}), as
     * the notes re-stamped for another month ({@link NotedCase#forPeriod}): every row carries the same strings for
     * the same note, whichever context or month computed it, and a replay finds them equal to a cited definition
     * by identity instead of comparing the texts row after row. (The evaluator shares them by what they are made
     * of; a province's value used in nine cities is nine values of one text.)
     */
    private ContributionResult byRulesNoted(ContributionRequest request) {
        ContributionResult r = byRules(request);
        List<io.shebao.trace.Message> notes = r.notes();
        for (int i = 0; i < notes.size(); i++) {
            io.shebao.trace.Message m = notes.get(i);
            if (SHARED_NOTES.contains(m.code())) {
                io.shebao.trace.Message kept = (io.shebao.trace.Message) canonical(m);
                if (kept != m) {
                    notes = notes == r.notes() ? new ArrayList<>(notes) : notes;
                    notes.set(i, kept);
                }
            }
        }
        return notes == r.notes() ? r : new ContributionResult(r.request(), r.lines(), r.totals(), r.baseAdjustment(),
                List.copyOf(notes), r.warnings(), r.trace());
    }

    /** One evaluation by the rules, counted. */
    private ContributionResult byRules(ContributionRequest request) {
        evaluations.increment();
        return rules.contribution(request);
    }

    /** Rule evaluations this planner made (rows and contexts it could not plan, first rows of contexts and cases). */
    public long ruleEvaluations() {
        return evaluations.sum();
    }

    /** Contexts that took another month's plan because the rules' inputs were the same but the period. */
    public long contextsSharedAcrossPeriods() {
        return sharedAcrossPeriods.sum();
    }

    /** True when the leader's plan, applied to the request, equals the rules' result in every part. */
    private static boolean agrees(ContextPlan leader, ContributionRequest request, PlannedContribution byRules) {
        BaseAdjustment c = leader.caseOf(request);
        PlannedContribution representative = c == null ? null : leader.cases.get(c);
        if (representative == null || c != byRules.baseAdjustment()) {
            return false;
        }
        PlannedContribution planned = leader.apply(representative, request);
        return planned.lines().equals(byRules.lines()) && planned.totals().equals(byRules.totals())
                && planned.warnings().equals(byRules.warnings()) && planned.trace().equals(byRules.trace());
    }

    /**
     * The context without what the rules did not need in it, or null: the insurances the rules compute (the
     * region's defaults for an empty list), and the risk class and float grade only when an insurance that needs
     * the risk class (work injury) is among them. Contexts with the same coarse key share one plan only after the rules agreed with it on the first
     * row of each ({@link #agrees}), so that a coarse key that is wrong for some rule costs speed, not correctness.
     */
    private Coarse coarse(ContributionRequest r) {
        Set<Insurance> applicable = r.insurances();
        if (applicable.isEmpty()) {
            applicable = defaults.computeIfAbsent(r.region(), this::defaultInsurances);
            if (applicable.isEmpty()) {
                return null;
            }
        }
        // the risk class (and the float grade of its rate) only matter to an insurance that needs the class
        boolean injury = false;
        for (Insurance i : applicable) {
            injury |= i.riskClassRequired();
        }
        return new Coarse(r.region(), r.period(), applicable, injury ? r.riskClass() : Optional.empty(),
                injury ? r.floatGrade() : null, r.allowCarryForward(), r.base().isPresent(), r.unitKind());
    }

    /** As {@code ContributionEvaluator.defaultInsurances}: those the region's parameters define; empty for an unknown region. */
    private Set<Insurance> defaultInsurances(String region) {
        if (!rules.parameters().regions().contains(region)) {
            return Set.of();
        }
        Set<Insurance> out = new java.util.TreeSet<>();
        for (Insurance i : Insurance.values()) {
            if (rules.parameters().definesAnywhere(i.definingParameter(), region)) {
                out.add(i);
            }
        }
        return Set.copyOf(out);
    }

    /**
     * 一个情形的各基数情形: the plans of a context by base case, shared by the contexts that took them (same limits
     * by {@link #coarse}, or other months with the same rule inputs). Once shared across months, a case whose
     * warnings might name the period is not kept (its rows are evaluated by the rules), and a set holding one is
     * never shared across months.
     */
    static final class Cases {
        /**
         * Warning codes whose text cannot name the period: {@code ASSUMED_VALUE} states the value's own validity
         * ({@code Assumptions.assumed}). Any other code (the large-medical amount unknown "in 2025-07", a value
         * carried forward…) keeps a case to its month: a warning code added later is month-bound until listed.
         */
        static final Set<String> PERIOD_FREE_WARNINGS = Set.of("ASSUMED_VALUE");
        private static final int CASES = BaseAdjustment.values().length;
        /**
         * By the case's ordinal; read on every row without a lock (a monitor shared by the workers was a cost of
         * its own), so replaced, never written in place: copied and published under the lock.
         */
        private volatile PlannedCase[] byCase = new PlannedCase[CASES];
        private boolean acrossPeriods;
        /** The rounding of the plan that holds these cases (every plan sharing them has the same, see ContextPlan). */
        private final int scale;
        private final RoundingMode mode;

        Cases(int scale, RoundingMode mode) {
            this.scale = scale;
            this.mode = mode;
        }

        PlannedContribution get(BaseAdjustment c) {
            PlannedCase p = byCase[c.ordinal()];
            return p == null ? null : p.plan;
        }

        /** The case's plan with its per-row constants, or null. */
        PlannedCase planned(BaseAdjustment c) {
            return byCase[c.ordinal()];
        }

        synchronized void putIfAbsent(BaseAdjustment c, PlannedContribution p) {
            if ((!acrossPeriods || periodFree(p)) && byCase[c.ordinal()] == null) {
                PlannedCase[] next = byCase.clone();
                next[c.ordinal()] = new PlannedCase(p, scale, mode);
                byCase = next;
            }
        }

        /** Marks the cases shared across months, if every case kept is free of the period; false otherwise. */
        synchronized boolean shareAcrossPeriods() {
            for (PlannedCase p : byCase) {
                if (p != null && !periodFree(p.plan)) {
                    return false;
                }
            }
            acrossPeriods = true;
            return true;
        }

        static boolean periodFree(PlannedContribution p) {
            for (io.shebao.trace.Message w : p.warnings()) {
                if (!PERIOD_FREE_WARNINGS.contains(w.code())) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A case's plan with what applying it to a row needs that is the same for every row of the plan: each line's
     * fixed parts (issue 13: they were recomputed from the plan's line on every row).
     */
    static final class PlannedCase {
        final PlannedContribution plan;
        /**
         * Per line, the employer's fixed amount (e.g. 大额医疗 paid by the unit): what the plan's employer part has
         * beyond its rate part, {@code employer − round(base × employer rate)}; null where adding it changes
         * nothing (zero, with no more decimals than the rounding's: the sum is the rounded part, same scale).
         */
        private final BigDecimal[] employerFixed;
        /** Per line, the employee's fixed amount of the line, or null where adding it changes nothing (as above). */
        private final BigDecimal[] employeeFixed;

        /** The rounding the fixed parts were computed for. */
        final int scale;
        final RoundingMode mode;

        PlannedCase(PlannedContribution plan, int scale, RoundingMode mode) {
            this.plan = plan;
            this.scale = scale;
            this.mode = mode;
            int n = plan.lines().size();
            this.employerFixed = new BigDecimal[n];
            this.employeeFixed = new BigDecimal[n];
            if (mode == null) {
                return; // a context that is not planned: never applied
            }
            for (int i = 0; i < n; i++) {
                ContributionLine l = plan.lines().get(i);
                employerFixed[i] = changes(l.employer().subtract(l.base().multiply(l.employerRate()).setScale(scale, mode)), scale);
                employeeFixed[i] = changes(l.employeeFixed(), scale);
            }
        }

        private static BigDecimal changes(BigDecimal fixed, int scale) {
            return fixed.signum() == 0 && fixed.scale() <= scale ? null : fixed;
        }
    }

    /** A context with only what the rules used of it (see {@link #coarse}). */
    private record Coarse(String region, YearMonth period, Set<Insurance> insurances, Optional<Integer> riskClass,
                          BigDecimal floatGrade, boolean allowCarryForward, boolean baseSupplied,
                          Optional<UnitKind> unitKind) {
    }

    /** The plan as kept: its trace entries shared with every other plan that has equal ones. */
    private PlannedContribution compact(PlannedContribution p) {
        List<RuleFiring> rules = new ArrayList<>(p.trace().rules().size());
        for (RuleFiring f : p.trace().rules()) {
            rules.add(firings.computeIfAbsent(f, x -> x));
        }
        List<ParameterUse> used = new ArrayList<>(p.trace().parameters().size());
        for (ParameterUse u : p.trace().parameters()) {
            used.add(uses.computeIfAbsent(u, x -> x));
        }
        return new PlannedContribution(p.request(), p.lines(), p.totals(), p.baseAdjustment(), p.warnings(),
                new Trace(rules, used));
    }

    /**
     * Everything the rules see of a request except the wage or base amount: the plan cache's key, built, hashed
     * and compared on every row (17.7% of a batch's samples as a record of the request's objects, issue 13). So
     * its fields are numbers where they can be, and its hash is computed once:
     * <ul>
     *   <li>the period as year and month, the risk class, the unit kind and the two switches as ints;</li>
     *   <li>the insurances as a bit mask of their catalogue indexes, when every one of them is the bundled
     *       catalogue's own instance at its index (then equal masks are equal sets); otherwise the set itself is
     *       kept and compared as before ({@code Insurance} is a record: hashing and comparing it field by field
     *       was most of the cost);</li>
     *   <li>the region and the float grade as the request has them ({@code String} and {@code BigDecimal} equality).</li>
     * </ul>
     * Two keys are equal only when the request record's fields they stand for are equal, as with the record key
     * before; a set of other instances equal to bundled ones is only a separate context (learnt once more: speed,
     * not correctness). {@code ContextKeyTest} compares this equality with the record's on random requests.
     */
    static final class Context {
        private static final List<Insurance> BUNDLED = Insurance.values();
        private final String region;
        private final BigDecimal floatGrade;
        /** Null when {@link #mask} stands for the insurances. */
        private final Set<Insurance> insurances;
        private final int year;
        /** Bits 0–3 the month, 4 carry-forward, 5 base supplied, 6 risk class given, from 8 the unit kind (ordinal + 1). */
        private final int flags;
        private final int riskClass;
        /** The insurances by catalogue index, or -1 when {@link #insurances} is kept instead. */
        private final int mask;
        private final int hash;

        private Context(ContributionRequest r) {
            this.region = r.region();
            this.floatGrade = r.floatGrade();
            this.year = r.period().getYear();
            int f = r.period().getMonthValue() | (r.allowCarryForward() ? 1 << 4 : 0) | (r.base().isPresent() ? 1 << 5 : 0);
            Optional<Integer> rc = r.riskClass();
            if (rc.isPresent()) {
                f |= 1 << 6;
            }
            this.riskClass = rc.isPresent() ? rc.get() : 0;
            Optional<UnitKind> uk = r.unitKind();
            this.flags = uk.isPresent() ? f | (uk.get().ordinal() + 1) << 8 : f;
            int m = mask(r.insurances());
            this.mask = m;
            this.insurances = m < 0 ? r.insurances() : null;
            int h = region.hashCode();
            h = 31 * h + year;
            h = 31 * h + flags;
            h = 31 * h + riskClass;
            h = 31 * h + floatGrade.hashCode();
            h = 31 * h + (m < 0 ? insurances.hashCode() : m);
            this.hash = h;
        }

        private Context(Context c, String region, BigDecimal floatGrade) {
            this.region = region;
            this.floatGrade = floatGrade;
            this.insurances = c.insurances;
            this.year = c.year;
            this.flags = c.flags;
            this.riskClass = c.riskClass;
            this.mask = c.mask;
            this.hash = c.hash;
        }

        static Context of(ContributionRequest r) {
            return new Context(r);
        }

        /**
         * This key as kept in the cache: the region and float grade replaced by equal instances shared by every key
         * kept. A row's lookup then compares its region with a string that the other lookups keep in the
         * processor's cache, not with the first row's own copy of it (one memory miss more per row, among 20,000
         * contexts, in the profile). Equal values: the same key, the same hash.
         */
        Context kept(java.util.function.UnaryOperator<Object> canonical) {
            return new Context(this, (String) canonical.apply(region), (BigDecimal) canonical.apply(floatGrade));
        }

        /** The set as a bit mask of catalogue indexes, or -1 when an insurance is not the bundled catalogue's own. */
        static int mask(Set<Insurance> insurances) {
            if (insurances.isEmpty()) {
                return 0;
            }
            int m = 0;
            for (Insurance i : insurances) {
                int x = i.index();
                if (x >= 31 || x >= BUNDLED.size() || BUNDLED.get(x) != i) {
                    return -1;
                }
                m |= 1 << x;
            }
            return m;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            return o instanceof Context c && hash == c.hash && year == c.year && flags == c.flags
                    && riskClass == c.riskClass && mask == c.mask && region.equals(c.region)
                    && floatGrade.equals(c.floatGrade) && (mask >= 0 || insurances.equals(c.insurances));
        }
    }

    /** What one context's first evaluation teaches: the limits and rounding the rules used, or the failure. */
    private static final class ContextPlan {
        final ShebaoException failure;
        final BigDecimal floor;
        final BigDecimal ceiling;
        final int scale;
        final RoundingMode mode;
        final boolean plannable;
        final Cases cases;
        /** The context's requests named no insurances (the region's defaults, with the evaluator's notes on them). */
        final boolean defaultInsurances;
        /**
         * The case's notes by the case's ordinal: an array, not a map, read on every row of the complete path (a
         * concurrent map's table and node were two more memory misses a row with 20,000 plans in random order:
         * 4.5% of an audited 1M batch's samples).
         */
        private final java.util.concurrent.atomic.AtomicReferenceArray<NotedCase> noted =
                new java.util.concurrent.atomic.AtomicReferenceArray<>(BaseAdjustment.values().length);
        /**
         * The notes learnt in every month of the contexts that share this plan across months (the same rule
         * inputs, the same choice of default insurances), each in the month it was learnt: a month takes a case's
         * notes from here, re-stamped ({@link NotedCase#forPeriod}), when it has none of its own. Null when this
         * context cannot take notes of other months.
         */
        private final Map<BaseAdjustment, NotedCase> acrossPeriods;

        /**
         * The case's notes: this context's own, else those of the other month's plan it was given, as this month
         * has them ({@link NotedCase#forPeriod}; taken over as this context's own, so that verifying or refusing
         * them here does not touch the other month).
         */
        NotedCase noted(BaseAdjustment c, YearMonth period, java.util.function.Predicate<NotedCase> trusted,
                        java.util.function.UnaryOperator<Object> same) {
            NotedCase n = noted.get(c.ordinal());
            if (n == null && acrossPeriods != null) {
                NotedCase other = acrossPeriods.get(c);
                NotedCase mine = other == null ? null : other.forPeriod(period, same);
                if (mine != null) {
                    mine = mine.verified || !trusted.test(mine) ? mine : mine.verified();
                    n = noted.compareAndSet(c.ordinal(), null, mine) ? mine : noted.get(c.ordinal());
                }
            }
            return n;
        }

        /**
         * Keeps the row's notes as the case's candidate template, when the case has none yet; trusted at once
         * when the predicate says its notes' shapes are known.
         */
        void candidate(ContributionResult r, PlannedContribution compacted, java.util.function.Predicate<NotedCase> trusted) {
            if (!plannable || caseOf(r.request()) != r.baseAdjustment()) {
                return;
            }
            NotedCase n = NotedCase.of(compacted, r);
            if (n != null) {
                NotedCase kept = trusted.test(n) ? n.verified() : n;
                noted.compareAndSet(r.baseAdjustment().ordinal(), null, kept);
                if (acrossPeriods != null) {
                    acrossPeriods.putIfAbsent(r.baseAdjustment(), kept); // for the other months
                }
            }
        }

        /**
         * A context that shares the leader's limits and cases (its own notes, for {@link #complete}, first taken
         * from {@code notes}, those learnt in the months of its group, where they hold for this month; null: none).
         */
        ContextPlan(ContextPlan leader, boolean defaultInsurances, Map<BaseAdjustment, NotedCase> notes) {
            this.failure = null;
            this.floor = leader.floor;
            this.ceiling = leader.ceiling;
            this.scale = leader.scale;
            this.mode = leader.mode;
            this.plannable = leader.plannable;
            this.cases = leader.cases;
            this.defaultInsurances = defaultInsurances;
            this.acrossPeriods = notes;
        }

        ContextPlan(ShebaoException failure) {
            this.failure = failure;
            this.floor = null;
            this.ceiling = null;
            this.scale = 0;
            this.mode = null;
            this.plannable = false;
            this.cases = new Cases(scale, mode);
            this.defaultInsurances = false;
            this.acrossPeriods = null;
        }

        private ContextPlan(BigDecimal floor, BigDecimal ceiling, int scale, RoundingMode mode, boolean plannable,
                            boolean defaultInsurances, Map<BaseAdjustment, NotedCase> notes) {
            this.failure = null;
            this.floor = floor;
            this.ceiling = ceiling;
            this.scale = scale;
            this.mode = mode;
            this.plannable = plannable;
            this.cases = new Cases(scale, mode);
            this.defaultInsurances = defaultInsurances;
            this.acrossPeriods = notes;
        }

        /** @param notes the notes of the other months with the same inputs ({@link #notes}), or null */
        static ContextPlan from(ContributionResult r, Map<BaseAdjustment, NotedCase> notes) {
            String floor = null;
            String ceiling = null;
            String scale = null;
            String mode = null;
            for (ParameterUse u : r.trace().parameters()) {
                switch (u.id()) {
                    case "contribution_base.floor" -> floor = u.value();
                    case "contribution_base.ceiling" -> ceiling = u.value();
                    case "contribution.rounding.scale" -> scale = u.value();
                    case "contribution.rounding.mode" -> mode = u.value();
                    default -> { }
                }
            }
            boolean wage = r.request().wage().isPresent();
            boolean defaults = r.request().insurances().isEmpty();
            if (scale == null || mode == null || (wage && (floor == null || ceiling == null))) {
                // the rules did something else: evaluate per row
                return new ContextPlan(null, null, 0, null, false, defaults, notes);
            }
            BigDecimal f = wage ? new BigDecimal(floor) : null;
            BigDecimal c = wage ? new BigDecimal(ceiling) : null;
            boolean sane = !wage || f.compareTo(c) <= 0; // floor above ceiling: leave it to the rules
            return new ContextPlan(f, c, Integer.parseInt(scale), RoundingMode.valueOf(mode), sane, defaults, notes);
        }

        /** The case the base rules C-BASE-01…04 would choose, with their comparisons; null to evaluate per row. */
        BaseAdjustment caseOf(ContributionRequest r) {
            if (!plannable) {
                return null;
            }
            if (r.base().isPresent()) {
                return BaseAdjustment.SUPPLIED;
            }
            BigDecimal w = r.wage().orElseThrow();
            if (floor.compareTo(w) > 0) {
                return BaseAdjustment.RAISED_TO_FLOOR;
            }
            if (ceiling.compareTo(w) < 0) {
                return BaseAdjustment.LOWERED_TO_CEILING;
            }
            return BaseAdjustment.WITHIN_LIMITS;
        }

        PlannedContribution apply(PlannedContribution plan, ContributionRequest r) {
            return apply(new PlannedCase(plan, scale, mode), r);
        }

        PlannedContribution apply(PlannedCase planned, ContributionRequest r) {
            PlannedContribution plan = planned.plan;
            BaseAdjustment c = plan.baseAdjustment();
            if (c == BaseAdjustment.RAISED_TO_FLOOR || c == BaseAdjustment.LOWERED_TO_CEILING) {
                return new PlannedContribution(r, plan.lines(), plan.totals(), c, plan.warnings(), plan.trace());
            }
            BigDecimal base = c == BaseAdjustment.SUPPLIED ? r.base().orElseThrow() : r.wage().orElseThrow();
            List<ContributionLine> planLines = plan.lines();
            ContributionLine[] lines = new ContributionLine[planLines.size()];
            for (int i = 0; i < lines.length; i++) {
                ContributionLine l = planLines.get(i);
                // as the DRL: round(base × rate) per side, the fixed amount (already rounded) added to the employee's;
                // an employer's fixed amount (e.g. 大额医疗 paid by the unit) is what the plan's employer part has
                // beyond its rate part, the same for every base (computed once per plan: PlannedCase)
                BigDecimal employer = base.multiply(l.employerRate()).setScale(scale, mode);
                BigDecimal employee = base.multiply(l.employeeRate()).setScale(scale, mode);
                BigDecimal erFixed = planned.employerFixed[i];
                BigDecimal eeFixed = planned.employeeFixed[i];
                lines[i] = new ContributionLine(l.insurance(), base, l.employerRate(), l.employeeRate(),
                        erFixed == null ? employer : employer.add(erFixed),
                        eeFixed == null ? employee : employee.add(eeFixed), l.employeeFixed());
            }
            List<ContributionLine> out = List.of(lines); // immutable already: PlannedContribution keeps it as is
            return new PlannedContribution(r, out, ContributionTotals.of(out), c, plan.warnings(), plan.trace());
        }
    }
}
