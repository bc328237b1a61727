package io.shebao.spark;

import io.shebao.ShebaoRules;
import io.shebao.batch.ContributionPlanner;
import io.shebao.population.ContributionRowParser;
import io.shebao.scenario.Scenario;
import io.shebao.scenario.ScenarioReader;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 每个执行器一份规则: the rules, the planners and the row parser of one executor JVM, built on first use by
 * the first task that needs them and shared by every later task of that JVM (loading the parameters and the
 * compiled rule base takes about a second; a task must not pay it). Keyed by configuration, so a driver that
 * runs a batch and a what-if in one application gets both.
 */
public final class ExecutorRules {
    /** The lazy holder: one entry per configuration and JVM, never serialized. */
    private static final Map<RulesConfig, ExecutorRules> PER_JVM = new ConcurrentHashMap<>();

    private final ShebaoRules baseline;
    private final ContributionPlanner baselinePlanner;
    private final ShebaoRules scenario;
    private final ContributionPlanner scenarioPlanner;
    private final ContributionRowParser parser;

    private ExecutorRules(RulesConfig c) {
        ShebaoRules.Builder b = ShebaoRules.builder();
        c.parameterPacks().forEach(p -> b.parameterPack(Path.of(p)));
        this.baseline = b.build();
        this.baselinePlanner = new ContributionPlanner(baseline);
        if (c.scenarioYaml() != null) {
            Scenario s = ScenarioReader.of(baseline).read(new StringReader(c.scenarioYaml()), c.scenarioName());
            this.scenario = baseline.withScenario(s);
            this.scenarioPlanner = new ContributionPlanner(scenario);
        } else {
            this.scenario = null;
            this.scenarioPlanner = null;
        }
        this.parser = new ContributionRowParser(Optional.ofNullable(c.defaultPeriod()).map(YearMonth::parse),
                Optional.ofNullable(c.defaultRegion()), c.allowCarryForward());
    }

    /** This JVM's rules for the configuration, built on first use. */
    public static ExecutorRules of(RulesConfig config) {
        return PER_JVM.computeIfAbsent(config, ExecutorRules::new);
    }

    /** How many configurations this JVM has built (for tests: one per configuration, not one per task). */
    static int built() {
        return PER_JVM.size();
    }

    public ShebaoRules baseline() {
        return baseline;
    }

    public ContributionPlanner baselinePlanner() {
        return baselinePlanner;
    }

    /** The scenario's view of the rules; throws when the configuration has no scenario. */
    public ShebaoRules scenario() {
        if (scenario == null) {
            throw new IllegalStateException("no scenario in this configuration");
        }
        return scenario;
    }

    public ContributionPlanner scenarioPlanner() {
        scenario();
        return scenarioPlanner;
    }

    public ContributionRowParser parser() {
        return parser;
    }
}
