package io.shebao.internal.facts;

import java.time.YearMonth;

/** 法定退休年龄 after the reform (or the original one where it does not apply). */
public final class StatutoryAge {
    private final int months;
    private final YearMonth month;
    private final int delay;
    private final boolean reformApplied;

    public StatutoryAge(int months, YearMonth month, int delay, boolean reformApplied) {
        this.months = months;
        this.month = month;
        this.delay = delay;
        this.reformApplied = reformApplied;
    }

    public int getMonths() {
        return months;
    }

    public YearMonth getMonth() {
        return month;
    }

    public int getDelay() {
        return delay;
    }

    public boolean isReformApplied() {
        return reformApplied;
    }

    /** "60岁2个月" */
    public String getZh() {
        return months / 12 + "岁" + (months % 12 == 0 ? "" : months % 12 + "个月");
    }

    /** "60 years 2 months" */
    public String getEn() {
        int m = months % 12;
        return months / 12 + " years" + (m == 0 ? "" : " " + m + (m == 1 ? " month" : " months"));
    }
}
