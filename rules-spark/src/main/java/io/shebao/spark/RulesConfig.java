package io.shebao.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What an executor needs to build its rules: shipped with every task (small and serializable), turned into
 * one {@link ExecutorRules} per executor JVM.
 *
 * @param parameterPacks  directories of parameter packs, in order (a later pack wins); they must be readable
 *                        on every executor (a shared file system, or shipped with spark-submit's files option)
 * @param scenarioYaml    the what-if scenario file's text (docs/SCENARIOS.md), or null for the rules in force
 * @param scenarioName    the scenario file's name, for its messages; null without a scenario
 * @param defaultPeriod   YYYY-MM for rows without a period, or null ({@code shebao batch --period})
 * @param defaultRegion   region for rows without a region, or null ({@code shebao batch --region})
 * @param allowCarryForward {@code --allow-carry-forward}
 */
public record RulesConfig(List<String> parameterPacks, String scenarioYaml, String scenarioName,
                          String defaultPeriod, String defaultRegion, boolean allowCarryForward)
        implements Serializable {
    public RulesConfig {
        parameterPacks = List.copyOf(Objects.requireNonNull(parameterPacks));
    }

    /** The rules in force, bundled parameters, no defaults: as {@code shebao batch --in FILE}. */
    public static RulesConfig bundled() {
        return new RulesConfig(List.of(), null, null, null, null, false);
    }

    public RulesConfig withScenario(String yaml, String name) {
        return new RulesConfig(parameterPacks, Objects.requireNonNull(yaml), Objects.requireNonNull(name),
                defaultPeriod, defaultRegion, allowCarryForward);
    }

    public RulesConfig withDefaults(String period, String region, boolean carryForward) {
        return new RulesConfig(parameterPacks, scenarioYaml, scenarioName, period, region, carryForward);
    }

    public RulesConfig withParameterPacks(List<String> packs) {
        return new RulesConfig(packs, scenarioYaml, scenarioName, defaultPeriod, defaultRegion, allowCarryForward);
    }
}
