package io.shebao.cases;

import io.shebao.trace.ParameterUse;
import io.shebao.trace.RuleFiring;

import java.util.List;

/**
 * A field that is not as expected (不符项), with the rules and parameter values behind it, from the trace.
 *
 * @param actual the value found, as text ("(absent)" when the answer has no such field)
 */
public record Mismatch(Expectation expectation, String actual, List<RuleFiring> rules, List<ParameterUse> parameters) {
    public Mismatch {
        rules = List.copyOf(rules);
        parameters = List.copyOf(parameters);
    }
}
