package io.shebao.batch;

import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.contribution.BaseAdjustment;
import io.shebao.contribution.ContributionLine;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.contribution.ContributionTotals;
import io.shebao.contribution.Insurance;
import io.shebao.contribution.UnitKind;
import io.shebao.trace.ParameterUse;
import io.shebao.trace.RuleFiring;
import io.shebao.trace.Trace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
 * way for every row of it, so the failure is kept too. {@code PlanEquivalenceProperties} proves on random
 * populations that amounts, warnings and traces equal per-row evaluation.
 */
public final class ContributionPlanner {
    /**
     * Contexts kept at most (then the cache starts afresh). A month's payroll has a few thousand (regions ×
     * classes × grades × insurance sets); the benchmark's mixed population about 27,000. A planned case takes
     * about 1 KB (its trace shares rule and parameter entries with the others), so the cache stays under
     * ~150 MB whatever the file size.
     */
    public static final int DEFAULT_MAX_CONTEXTS = 40_000;

    private final ShebaoRules rules;
    private final int maxContexts;
    private final Map<Context, ContextPlan> plans = new ConcurrentHashMap<>();
    private final Map<RuleFiring, RuleFiring> firings = new ConcurrentHashMap<>();
    private final Map<ParameterUse, ParameterUse> uses = new ConcurrentHashMap<>();

    public ContributionPlanner(ShebaoRules rules) {
        this(rules, DEFAULT_MAX_CONTEXTS);
    }

    public ContributionPlanner(ShebaoRules rules, int maxContexts) {
        this.rules = Objects.requireNonNull(rules);
        if (maxContexts < 1) {
            throw new IllegalArgumentException("maxContexts must be ≥ 1");
        }
        this.maxContexts = maxContexts;
    }

    /** The same amounts, warnings and trace as {@code rules.contribution(request)}, or the same error. */
    public PlannedContribution evaluate(ContributionRequest request) {
        if (request.contributor() != io.shebao.contribution.Contributor.EMPLOYEE) {
            // a flexible worker's base is checked against the limits and noted per row: no plan
            return PlannedContribution.of(rules.contribution(request));
        }
        Context key = Context.of(request);
        ContextPlan plan = plans.get(key);
        if (plan == null) {
            return learn(key, request);
        }
        if (plan.failure != null) {
            ShebaoException f = plan.failure;
            throw new ShebaoException(f.code(), f.field().orElse(null), f.value().orElse(null), f.getMessage());
        }
        BaseAdjustment c = plan.caseOf(request);
        PlannedContribution representative = c == null ? null : plan.cases.get(c);
        if (representative == null) {
            PlannedContribution r = PlannedContribution.of(rules.contribution(request));
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
     * 3450…") are the plan's notes with the plan's amount replaced by the row's, a substitution that is trusted
     * only after it reproduced the notes of a second row of the case evaluated by the rules; until then, and
     * for a case where it did not, rows are evaluated by the rules.
     */
    public ContributionResult complete(ContributionRequest request) {
        Context key = Context.of(request);
        ContextPlan plan = plans.get(key);
        if (plan == null) {
            ContributionResult r = learnComplete(key, request);
            ContextPlan learnt = plans.get(key);
            if (learnt != null) {
                learnt.candidate(r, compact(PlannedContribution.of(r)));
            }
            return r;
        }
        if (plan.failure != null) {
            ShebaoException f = plan.failure;
            throw new ShebaoException(f.code(), f.field().orElse(null), f.value().orElse(null), f.getMessage());
        }
        BaseAdjustment c = plan.caseOf(request);
        if (c == null) {
            return rules.contribution(request);
        }
        NotedCase n = plan.noted.get(c);
        if (n == null || n.refused) {
            ContributionResult r = rules.contribution(request);
            if (n == null && r.baseAdjustment() == c) {
                plan.candidate(r, compact(PlannedContribution.of(r)));
            }
            return r;
        }
        String amount = NotedCase.amount(request);
        if (n.verified || amount.equals(n.amount)) {
            return n.apply(plan, request, amount);
        }
        ContributionResult r = rules.contribution(request);
        ContributionResult t = n.apply(plan, request, amount);
        boolean same = r.baseAdjustment() == c && r.lines().equals(t.lines()) && r.totals().equals(t.totals())
                && r.notes().equals(t.notes()) && r.warnings().equals(t.warnings()) && r.trace().equals(t.trace());
        plan.noted.replace(c, n, same ? n.verified() : NotedCase.REFUSED);
        return r;
    }

    private ContributionResult learnComplete(Context key, ContributionRequest request) {
        if (plans.size() >= maxContexts) {
            plans.clear();
        }
        ContributionResult r;
        try {
            r = rules.contribution(request);
        } catch (ShebaoException e) {
            plans.putIfAbsent(key, new ContextPlan(e));
            throw e;
        }
        ContextPlan plan = plans.computeIfAbsent(key, k -> ContextPlan.from(r));
        if (plan.plannable) {
            plan.cases.putIfAbsent(r.baseAdjustment(), compact(PlannedContribution.of(r)));
        }
        return r;
    }

    /**
     * A case's notes learnt from one row: its amount as written and its notes, in which that amount (where it
     * appears, exactly once) stands for the row's amount.
     */
    private static final class NotedCase {
        static final NotedCase REFUSED = new NotedCase(null, null, List.of(), false, true);
        final PlannedContribution plan;
        final String amount;
        final List<io.shebao.trace.Message> notes;
        final boolean verified;
        final boolean refused;

        NotedCase(PlannedContribution plan, String amount, List<io.shebao.trace.Message> notes, boolean verified,
                  boolean refused) {
            this.plan = plan;
            this.amount = amount;
            this.notes = notes;
            this.verified = verified;
            this.refused = refused;
        }

        static String amount(ContributionRequest r) {
            return r.base().orElseGet(() -> r.wage().orElseThrow()).toPlainString();
        }

        NotedCase verified() {
            return new NotedCase(plan, amount, notes, true, false);
        }

        /** Null when the amount appears more than once in a note (which occurrence is the amount is unknown). */
        static NotedCase of(PlannedContribution plan, ContributionResult r) {
            String a = amount(r.request());
            for (io.shebao.trace.Message m : r.notes()) {
                if (m.zh().indexOf(a) != m.zh().lastIndexOf(a) || m.en().indexOf(a) != m.en().lastIndexOf(a)) {
                    return null;
                }
            }
            return new NotedCase(plan, a, r.notes(), false, false);
        }

        ContributionResult apply(ContextPlan p, ContributionRequest request, String rowAmount) {
            PlannedContribution x = p.apply(plan, request);
            List<io.shebao.trace.Message> ns = new ArrayList<>(notes.size());
            for (io.shebao.trace.Message m : notes) {
                ns.add(new io.shebao.trace.Message(m.code(), replace(m.zh(), rowAmount), replace(m.en(), rowAmount)));
            }
            return new ContributionResult(request, x.lines(), x.totals(), x.baseAdjustment(), ns, x.warnings(), x.trace());
        }

        private String replace(String text, String rowAmount) {
            int i = text.indexOf(amount);
            return i < 0 ? text : text.substring(0, i) + rowAmount + text.substring(i + amount.length());
        }
    }

    /** Number of contexts planned so far (for reports). */
    public int contexts() {
        return plans.size();
    }

    private PlannedContribution learn(Context key, ContributionRequest request) {
        if (plans.size() >= maxContexts) {
            plans.clear(); // bounded memory: start afresh (the interned trace entries are few and kept)
        }
        ContributionResult r;
        try {
            r = rules.contribution(request);
        } catch (ShebaoException e) {
            plans.putIfAbsent(key, new ContextPlan(e));
            throw e;
        }
        ContextPlan plan = plans.computeIfAbsent(key, k -> ContextPlan.from(r));
        PlannedContribution p = PlannedContribution.of(r);
        if (plan.plannable) {
            plan.cases.putIfAbsent(r.baseAdjustment(), compact(p));
        }
        return p;
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

    /** Everything the rules see of a request except the wage or base amount. */
    private record Context(String region, YearMonth period, Optional<Integer> riskClass, BigDecimal floatGrade,
                           Set<Insurance> insurances, boolean allowCarryForward, boolean baseSupplied,
                           Optional<UnitKind> unitKind) {
        static Context of(ContributionRequest r) {
            return new Context(r.region(), r.period(), r.riskClass(), r.floatGrade(), r.insurances(),
                    r.allowCarryForward(), r.base().isPresent(), r.unitKind());
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
        final Map<BaseAdjustment, PlannedContribution> cases = java.util.Collections.synchronizedMap(new EnumMap<>(BaseAdjustment.class));
        final Map<BaseAdjustment, NotedCase> noted = new ConcurrentHashMap<>();

        /** Keeps the row's notes as the case's candidate template, when the case has none yet. */
        void candidate(ContributionResult r, PlannedContribution compacted) {
            if (!plannable || caseOf(r.request()) != r.baseAdjustment()) {
                return;
            }
            NotedCase n = NotedCase.of(compacted, r);
            if (n != null) {
                noted.putIfAbsent(r.baseAdjustment(), n);
            }
        }

        ContextPlan(ShebaoException failure) {
            this.failure = failure;
            this.floor = null;
            this.ceiling = null;
            this.scale = 0;
            this.mode = null;
            this.plannable = false;
        }

        private ContextPlan(BigDecimal floor, BigDecimal ceiling, int scale, RoundingMode mode, boolean plannable) {
            this.failure = null;
            this.floor = floor;
            this.ceiling = ceiling;
            this.scale = scale;
            this.mode = mode;
            this.plannable = plannable;
        }

        static ContextPlan from(ContributionResult r) {
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
            if (scale == null || mode == null || (wage && (floor == null || ceiling == null))) {
                return new ContextPlan(null, null, 0, null, false); // the rules did something else: evaluate per row
            }
            BigDecimal f = wage ? new BigDecimal(floor) : null;
            BigDecimal c = wage ? new BigDecimal(ceiling) : null;
            boolean sane = !wage || f.compareTo(c) <= 0; // floor above ceiling: leave it to the rules
            return new ContextPlan(f, c, Integer.parseInt(scale), RoundingMode.valueOf(mode), sane);
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
            BaseAdjustment c = plan.baseAdjustment();
            if (c == BaseAdjustment.RAISED_TO_FLOOR || c == BaseAdjustment.LOWERED_TO_CEILING) {
                return new PlannedContribution(r, plan.lines(), plan.totals(), c, plan.warnings(), plan.trace());
            }
            BigDecimal base = c == BaseAdjustment.SUPPLIED ? r.base().orElseThrow() : r.wage().orElseThrow();
            List<ContributionLine> lines = new ArrayList<>(plan.lines().size());
            for (ContributionLine l : plan.lines()) {
                // as the DRL: round(base × rate) per side, the fixed amount (already rounded) added to the employee's;
                // an employer's fixed amount (e.g. 大额医疗 paid by the unit) is what the plan's employer part has
                // beyond its rate part, the same for every base
                BigDecimal employerFixed = l.employer().subtract(l.base().multiply(l.employerRate()).setScale(scale, mode));
                lines.add(new ContributionLine(l.insurance(), base, l.employerRate(), l.employeeRate(),
                        base.multiply(l.employerRate()).setScale(scale, mode).add(employerFixed),
                        base.multiply(l.employeeRate()).setScale(scale, mode).add(l.employeeFixed()),
                        l.employeeFixed()));
            }
            return new PlannedContribution(r, lines, ContributionTotals.of(lines), c, plan.warnings(), plan.trace());
        }
    }
}
