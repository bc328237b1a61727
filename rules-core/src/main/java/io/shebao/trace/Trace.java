package io.shebao.trace;

import java.util.List;

/** 计算轨迹: the rules that fired, in order, and every parameter value they used, in order of first use. */
public record Trace(List<RuleFiring> rules, List<ParameterUse> parameters) {
    public Trace {
        rules = List.copyOf(rules);
        parameters = List.copyOf(parameters);
    }
}
