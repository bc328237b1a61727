package io.shebao.internal.facts;

import java.time.YearMonth;

/**
 * 最低缴费年限 schedule, built by a rule from the parameters: {@code base} months until the increase starts,
 * then {@code step} more months for each calendar year from {@code increaseStart}'s year on, up to
 * {@code target}. With no increase (parameters not in force), always {@code base}.
 */
public final class MinimumSchedule {
    private final int base;
    private final YearMonth increaseStart;
    private final int step;
    private final int target;

    public MinimumSchedule(int base, YearMonth increaseStart, int step, int target) {
        this.base = base;
        this.increaseStart = increaseStart;
        this.step = step;
        this.target = target;
    }

    public static MinimumSchedule flat(int base) {
        return new MinimumSchedule(base, null, 0, base);
    }

    /** The minimum months for a person reaching statutory (or chosen) retirement in month {@code m}. */
    public int monthsFor(YearMonth m) {
        if (increaseStart == null || m.isBefore(increaseStart)) {
            return base;
        }
        int years = m.getYear() - increaseStart.getYear() + 1;
        return Math.min(target, base + years * step);
    }

    public boolean isIncreasing() {
        return increaseStart != null;
    }

    public int getBase() {
        return base;
    }

    public YearMonth getIncreaseStart() {
        return increaseStart;
    }
}
