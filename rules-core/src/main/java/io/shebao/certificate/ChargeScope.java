package io.shebao.certificate;

/** Which of the unit's insurances a charged month covers. */
public enum ChargeScope {
    /** every insurance of the unit */
    ALL,
    /** 仅工伤: a new hire already paid this month by the previous employer (FAQ 19) */
    WORK_INJURY_ONLY,
    /** nothing */
    NONE
}
