package io.shebao.retirement;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * One early-retirement route with each of its conditions.
 *
 * @param ageReached the month the route's minimum age is reached
 */
public record EarlyRetirement(EarlyKind kind, Outcome eligible, Optional<YearMonth> ageReached,
                              List<Condition> conditions, List<String> rules) {
    public EarlyRetirement {
        conditions = List.copyOf(conditions);
        rules = List.copyOf(rules);
    }
}
