package io.shebao.services;

/** How a 法定时限 / 承诺时限 (statutory / promised time limit) is counted. */
public enum TimeLimitKind {
    /** 无: no time limit stated. */
    NONE,
    /** 即时办结: done at the counter. */
    IMMEDIATE,
    /** N 个工作日: working days on the holiday calendar. */
    WORKING_DAYS,
    /** N 日: calendar days. */
    DAYS,
    /** A schedule the text describes (每月月底前出账, 次月10日前…): no single count from the application. */
    SCHEDULE
}
