package io.shebao.retirement;

import io.shebao.trace.Message;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * 弹性退休 (from 2025): the earliest month a person may choose to retire (empty when the minimum years are
 * not met by the statutory month) and the latest month to which retirement may be deferred.
 */
public record FlexibleWindow(Optional<YearMonth> earliest, YearMonth latest, List<Message> reasons, List<String> rules) {
    public FlexibleWindow {
        reasons = List.copyOf(reasons);
        rules = List.copyOf(rules);
    }
}
