package io.shebao.retirement;

import io.shebao.trace.Message;

import java.time.YearMonth;
import java.util.List;

/** Whether the requested retirement month is allowed, and why (not). */
public record RequestDecision(YearMonth month, boolean allowed, List<Message> reasons, List<String> rules) {
    public RequestDecision {
        reasons = List.copyOf(reasons);
        rules = List.copyOf(rules);
    }
}
