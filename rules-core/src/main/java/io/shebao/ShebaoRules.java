package io.shebao;

import io.shebao.audit.Audit;
import io.shebao.audit.AuditRecord;
import io.shebao.audit.ReplayOutcome;
import io.shebao.calendar.HolidayCalendar;
import io.shebao.contribution.ContributionEvaluator;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.parameter.ParameterCatalog;
import io.shebao.parameter.ParameterSet;
import io.shebao.region.RegionRegistry;
import io.shebao.scenario.Scenario;
import io.shebao.scenario.SwitchRegistry;
import io.shebao.retirement.RetirementEvaluator;
import io.shebao.retirement.RetirementQuery;
import io.shebao.retirement.RetirementResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The entry point: Hubei's social-insurance rules over dated parameters.
 *
 * <pre>{@code
 * ShebaoRules rules = ShebaoRules.load();
 * ContributionResult r = rules.contribution(ContributionRequest.builder("yichang", YearMonth.of(2023, 5))
 *         .wage("3450").riskClass(1).build());
 * r.totals().total();   // 869.40
 * }</pre>
 *
 * Instances are immutable and thread-safe; build one and share it. The compiled rule base is built once
 * per JVM.
 */
public final class ShebaoRules {
    private static volatile ParameterSet bundled;
    private static volatile SwitchRegistry declaredSwitches;

    private final ParameterSet baseline;
    private final ParameterSet parameters;
    private final SwitchRegistry switchRegistry;
    private final Map<String, String> switches;
    private final Optional<Scenario> scenario;
    /** Built on first use, so that a JVM asking only about retirement never loads the contribution rule base. */
    private volatile ContributionEvaluator contributions;
    private final Audit audit;
    /** Built on first use, like the retirement evaluator. */
    private volatile io.shebao.certificate.CertificateEvaluator certificates;
    private volatile io.shebao.services.Services services;
    /** Built on first use, so that a JVM asking only for contributions never loads the retirement rule base. */
    private volatile RetirementEvaluator retirements;

    private ShebaoRules(ParameterSet baseline, ParameterSet parameters, SwitchRegistry switchRegistry,
                        Map<String, String> switches, Optional<Scenario> scenario) {
        this.baseline = baseline;
        this.parameters = parameters;
        this.switchRegistry = switchRegistry;
        this.switches = switches;
        this.scenario = scenario;
        this.audit = new Audit(this);
    }

    /** The library's version, e.g. {@code 0.1.0}. */
    public static String version() {
        return Version.VALUE;
    }

    /** Read once: audit records and replays ask for it per record. */
    private static final class Version {
        static final String VALUE = read();

        private static String read() {
            try (var in = ShebaoRules.class.getResourceAsStream("version.properties")) {
                var p = new java.util.Properties();
                if (in != null) {
                    p.load(in);
                }
                return p.getProperty("version", "unknown");
            } catch (java.io.IOException e) {
                return "unknown";
            }
        }
    }

    /** The rules with the bundled parameters only. */
    public static ShebaoRules load() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** 缴费核定: the monthly contribution of one employee. */
    public ContributionResult contribution(ContributionRequest request) {
        Objects.requireNonNull(request, "request");
        return contributions().evaluate(request);
    }

    /**
     * What the contribution rules would be given for the request, without its period: equal inputs at two periods
     * give results that differ only in the period (see {@link io.shebao.contribution.RuleInputs}); empty when the
     * rules must run. For planners that share one evaluation between months whose parameters are the same.
     */
    public Optional<io.shebao.contribution.RuleInputs> contributionInputs(ContributionRequest request) {
        Objects.requireNonNull(request, "request");
        return contributions().inputsWithoutPeriod(request);
    }

    private ContributionEvaluator contributions() {
        ContributionEvaluator e = contributions;
        if (e == null) {
            e = new ContributionEvaluator(parameters, switches);
            contributions = e; // a benign race: evaluators are immutable and equivalent
        }
        return e;
    }

    /** 审计: audit records of these rules' answers, and their replay. */
    public Audit audit() {
        return audit;
    }

    /** Recomputes a recorded evaluation with these rules and compares (digest checked, signature not). */
    public ReplayOutcome replay(AuditRecord record) {
        return audit.replay(record);
    }

    /**
     * 假设情景: a view of these rules computing under the scenario's overrides and switches. This instance and
     * every other view are unchanged (the scenario gets its own parameter set), so baseline and scenarios may
     * be used side by side from any number of threads. On a view that already has a scenario, the new one
     * replaces it (scenarios do not stack): it always applies over the baseline parameters.
     *
     * @throws io.shebao.ShebaoException SCENARIO_INVALID when the scenario does not fit these rules
     */
    public ShebaoRules withScenario(Scenario s) {
        Objects.requireNonNull(s, "scenario");
        Map<String, String> sw = switchRegistry.effective(s.switches());
        return new ShebaoRules(baseline, s.parametersOver(baseline), switchRegistry, sw, Optional.of(s));
    }

    /** These rules without any scenario (this instance when it has none). */
    public ShebaoRules baseline() {
        return scenario.isEmpty() ? this
                : new ShebaoRules(baseline, baseline, switchRegistry, switchRegistry.defaults(), Optional.empty());
    }

    /** The scenario this view computes under; empty for the baseline. Audit records name it and its hash. */
    public Optional<Scenario> scenario() {
        return scenario;
    }

    /** The declared switches (开关) the rules read, with their allowed values. */
    public SwitchRegistry switchRegistry() {
        return switchRegistry;
    }

    /** Every declared switch with its value in this view (defaults, or as the scenario sets them). */
    public Map<String, String> switches() {
        return switches;
    }

    /**
     * 退休: statutory retirement age and month before and after the 2025 reform, the minimum contribution
     * years and the paths open when short of them, the flexible window, early retirement and transfer-in.
     */
    public RetirementResult retirement(RetirementQuery query) {
        Objects.requireNonNull(query, "query");
        RetirementEvaluator e = retirements;
        if (e == null) {
            e = new RetirementEvaluator(parameters, switches);
            retirements = e; // a benign race: evaluators are immutable and equivalent
        }
        return e.evaluate(query);
    }

    /**
     * 应缴认定单: the unit's monthly contribution certificate from its roster — the months charged, back-paid,
     * needing approval or refundable, the surcharges, the deadline and the total in capitals.
     */
    public io.shebao.certificate.Certificate certificate(io.shebao.certificate.CertificateRequest request) {
        return certificates().evaluate(Objects.requireNonNull(request, "request"));
    }

    /** The certificate evaluator, also for streaming a large roster ({@code certificates().stream(...)}). */
    public io.shebao.certificate.CertificateEvaluator certificates() {
        io.shebao.certificate.CertificateEvaluator e = certificates;
        if (e == null) {
            e = new io.shebao.certificate.CertificateEvaluator(this, parameters);
            certificates = e; // a benign race: evaluators are immutable and equivalent
        }
        return e;
    }

    /**
     * 公共服务事项: the 120 service items of 武人社发〔2017〕58号 — {@code item(code)}, {@code list(filter)},
     * {@code check(code, facts)} (see docs/SERVICES.md).
     */
    public io.shebao.services.Services services() {
        io.shebao.services.Services s = services;
        if (s == null) {
            s = new io.shebao.services.Services(this);
            services = s; // benign race, as for retirement
        }
        return s;
    }

    /** Every parameter value in use, bundled and from packs (and the scenario's overrides on a scenario view). */
    public ParameterSet parameters() {
        return parameters;
    }

    public RegionRegistry regions() {
        return parameters.regions();
    }

    /**
     * 工作日历: working days on the State Council's holiday arrangements (bundled years and years added by
     * parameter packs under {@code calendar/}), for deadlines counted in working days.
     */
    public HolidayCalendar calendar() {
        return parameters.calendar();
    }

    /** Options for loading: parameter packs. */
    public static final class Builder {
        private final List<Path> packs = new ArrayList<>();
        private boolean strict;

        private Builder() {
        }

        /**
         * 严格模式: values of provenance {@code assumed} are not used, so a question that needs one fails as
         * unknown (PARAMETER_UNKNOWN naming the parameter) instead of being answered with an ASSUMED_VALUE
         * warning.
         */
        public Builder strict() {
            this.strict = true;
            return this;
        }

        /**
         * Adds a directory of dated parameter files (same format as the bundled ones, validated the same
         * way); where it has a value in force it wins over the bundled value and over earlier packs.
         */
        public Builder parameterPack(Path directory) {
            packs.add(Objects.requireNonNull(directory));
            return this;
        }

        public ShebaoRules build() {
            ParameterSet ps;
            if (packs.isEmpty()) {
                ps = bundled;
                if (ps == null) {
                    synchronized (ShebaoRules.class) {
                        if (bundled == null) {
                            bundled = ParameterCatalog.load(ShebaoRules.class.getClassLoader(), List.of());
                        }
                        ps = bundled;
                    }
                }
            } else {
                ps = ParameterCatalog.load(ShebaoRules.class.getClassLoader(), packs);
            }
            SwitchRegistry sw = declaredSwitches;
            if (sw == null) {
                sw = SwitchRegistry.load(ShebaoRules.class.getClassLoader());
                declaredSwitches = sw;
            }
            if (strict) {
                ps = ps.without(io.shebao.parameter.Provenance.ASSUMED);
            }
            return new ShebaoRules(ps, ps, sw, sw.defaults(), Optional.empty());
        }
    }
}
