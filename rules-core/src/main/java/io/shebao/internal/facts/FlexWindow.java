package io.shebao.internal.facts;

import java.time.YearMonth;

/** 弹性退休 window: lowest month allowed by age, earliest once the minimum is met (or null), latest deferred. */
public final class FlexWindow {
    private final YearMonth lower;
    private final YearMonth earliest;
    private final YearMonth latest;

    public FlexWindow(YearMonth lower, YearMonth earliest, YearMonth latest) {
        this.lower = lower;
        this.earliest = earliest;
        this.latest = latest;
    }

    public YearMonth getLower() {
        return lower;
    }

    public YearMonth getEarliest() {
        return earliest;
    }

    public boolean isEarliestKnown() {
        return earliest != null;
    }

    public YearMonth getLatest() {
        return latest;
    }
}
