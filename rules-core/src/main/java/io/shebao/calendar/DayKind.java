package io.shebao.calendar;

/** What a day is on the holiday calendar. */
public enum DayKind {
    /** 工作日: Monday to Friday, not a day off. */
    WORKDAY,
    /** 调休上班: a Saturday or Sunday worked for a holiday. */
    MAKE_UP_WORKDAY,
    /** 休息日: a Saturday or Sunday. */
    WEEKEND,
    /** 法定节假日放假: a day off the notice lists. */
    HOLIDAY;

    /** Whether a deadline counted in working days counts this day. */
    public boolean isWorkingDay() {
        return this == WORKDAY || this == MAKE_UP_WORKDAY;
    }
}
