package io.shebao;

import io.shebao.audit.Audit;
import io.shebao.audit.AuditRecord;
import io.shebao.audit.ReplayOutcome;
import io.shebao.contribution.ContributionEvaluator;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.engine.RuleEngine;
import io.shebao.parameter.ParameterCatalog;
import io.shebao.parameter.ParameterSet;
import io.shebao.region.RegionRegistry;
import io.shebao.retirement.RetirementEvaluator;
import io.shebao.retirement.RetirementQuery;
import io.shebao.retirement.RetirementResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    private final ParameterSet parameters;
    private final ContributionEvaluator contributions;
    private final Audit audit;

    private ShebaoRules(ParameterSet parameters) {
        this.parameters = parameters;
        this.contributions = new ContributionEvaluator(parameters, RuleEngine.forKieBase(ContributionEvaluator.KIE_BASE));
        this.audit = new Audit(this);
    }

    /** The library's version, e.g. {@code 0.1.0}. */
    public static String version() {
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

    /** The rules with the bundled parameters only. */
    public static ShebaoRules load() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** 缴费核定: the monthly contribution of one employee. */
    public ContributionResult contribution(ContributionRequest request) {
        return contributions.evaluate(Objects.requireNonNull(request, "request"));
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
     * 退休: statutory retirement age and month before and after the 2025 reform, the minimum contribution
     * years and the paths open when short of them, the flexible window, early retirement and transfer-in.
     */
    public RetirementResult retirement(RetirementQuery query) {
        Objects.requireNonNull(query, "query");
        // the retirement rule base is built on first use (once per JVM), not when only contributions are asked
        return new RetirementEvaluator(parameters, RuleEngine.forKieBase(RetirementEvaluator.KIE_BASE)).evaluate(query);
    }

    /** Every parameter value in use, bundled and from packs. */
    public ParameterSet parameters() {
        return parameters;
    }

    public RegionRegistry regions() {
        return parameters.regions();
    }

    /** Options for loading: parameter packs. */
    public static final class Builder {
        private final List<Path> packs = new ArrayList<>();

        private Builder() {
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
            return new ShebaoRules(ps);
        }
    }
}
