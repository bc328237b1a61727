package io.shebao.retirement;

import io.shebao.trace.Message;

import java.util.List;

/**
 * One condition of an eligibility rule, its status and the words a counter officer reads out.
 *
 * @param code  stable code, e.g. {@code AGE}, {@code SOE_IDENTITY}
 * @param rules ids of the rules that decided it
 */
public record Condition(String code, ConditionStatus status, Message text, List<String> rules) {
    public Condition {
        rules = List.copyOf(rules);
    }
}
