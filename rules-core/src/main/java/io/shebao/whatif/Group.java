package io.shebao.whatif;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * 分组测算: the people of one group of a comparison (a region, a risk class, a month) and their monthly
 * contributions (employer + employee) under the baseline and the scenario.
 *
 * @param key   the region code, the risk class ("1"…"8", or "none" when the row gives none), or the month YYYY-MM
 * @param rises people who pay more under the scenario; {@code falls} who pay less
 */
public record Group(String key, int people, int rises, int falls, BigDecimal baseline, BigDecimal scenario) {
    public Group {
        Objects.requireNonNull(key);
        Objects.requireNonNull(baseline);
        Objects.requireNonNull(scenario);
    }

    static Group empty(String key) {
        return new Group(key, 0, 0, 0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));
    }

    Group plus(BigDecimal before, BigDecimal after) {
        int cmp = after.compareTo(before);
        return new Group(key, people + 1, rises + (cmp > 0 ? 1 : 0), falls + (cmp < 0 ? 1 : 0),
                baseline.add(before), scenario.add(after));
    }

    public int unchanged() {
        return people - rises - falls;
    }

    public BigDecimal change() {
        return scenario.subtract(baseline);
    }
}
