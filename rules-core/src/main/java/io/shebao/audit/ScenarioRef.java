package io.shebao.audit;

import java.util.Objects;

/**
 * 情景: the what-if scenario an evaluation ran under, named and identified by the hash of its content,
 * so a replay can tell whether it has the same scenario.
 */
public record ScenarioRef(String name, String hash) {
    public ScenarioRef {
        Objects.requireNonNull(name);
        Objects.requireNonNull(hash);
    }
}
