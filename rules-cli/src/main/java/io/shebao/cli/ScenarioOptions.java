package io.shebao.cli;

import io.shebao.ShebaoRules;
import io.shebao.scenario.Scenario;
import io.shebao.scenario.ScenarioReader;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code --scenario FILE} and {@code --compare FILE}, shared by every evaluating command. */
final class ScenarioOptions {
    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Compute under a what-if scenario file (docs/SCENARIOS.md) instead of the rules in force.")
    Path scenario;

    @Option(names = "--compare", paramLabel = "FILE",
            description = "Compute under the rules in force and under the scenario file, side by side with the differences.")
    Path compare;

    /** The scenario to compute under or to compare with, read and checked against the rules; empty if none. */
    Optional<Scenario> load(ShebaoRules rules) {
        if (scenario != null && compare != null) {
            throw new CliException(2, "--scenario/--compare: give one of them, not both (--compare already computes under the scenario)");
        }
        if (scenario == null && compare == null) {
            return Optional.empty();
        }
        return Optional.of(read(rules, scenario != null ? "--scenario" : "--compare", scenario != null ? scenario : compare));
    }

    /** Reads a scenario file named by an option; a missing file is an error naming the option. */
    static Scenario read(ShebaoRules rules, String option, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CliException(2, option + ": '" + file + "' is not a file; give the path of a scenario file (.yaml, see docs/SCENARIOS.md)");
        }
        return ScenarioReader.of(rules).read(file);
    }

    boolean comparing() {
        return compare != null;
    }

    static String label(Scenario s) {
        return s.name() + " (hash " + s.hash().substring(0, 12) + ")";
    }
}
