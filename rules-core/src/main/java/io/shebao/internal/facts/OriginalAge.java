package io.shebao.internal.facts;

import java.time.YearMonth;

/** 原法定退休年龄: the original age in months, its group ("60", "55", "50") and the month it is reached. */
public final class OriginalAge {
    private final int months;
    private final YearMonth month;

    public OriginalAge(int months, YearMonth month) {
        this.months = months;
        this.month = month;
    }

    public int getMonths() {
        return months;
    }

    /** The reform group: the original age in whole years as text, e.g. "55". */
    public String getGroup() {
        return String.valueOf(months / 12);
    }

    public YearMonth getMonth() {
        return month;
    }
}
