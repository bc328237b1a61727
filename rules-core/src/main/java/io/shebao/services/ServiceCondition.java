package io.shebao.services;

import io.shebao.retirement.ConditionStatus;
import io.shebao.trace.Message;

import java.util.List;

/**
 * One condition of an item: met / not met / to verify, with its words in Chinese and English.
 *
 * @param code  stable code within the item, e.g. {@code LAYOFF_SIZE}
 * @param rules ids of the rules that decided it (empty for a condition read from the guide text)
 */
public record ServiceCondition(String code, ConditionStatus status, Message text, List<String> rules) {
    public ServiceCondition {
        rules = List.copyOf(rules);
    }
}
