package io.shebao.certificate;

/** What a certificate does with one month of one person. */
public enum MonthKind {
    /** 当期核定: the declaration month, charged. */
    CURRENT,
    /** 补收: an unpaid month within the back-payment window, charged with that month's parameters. */
    BACK_PAYMENT,
    /** 需审批补缴: an unpaid month older than the window (劳动合同补缴), not computed online. */
    NEEDS_APPROVAL,
    /** 多缴退费: a paid month after the stop month, within the refund window. */
    REFUND,
    /** 不核定: the person is listed but this month is not charged (not billable, already paid, left…). */
    NOT_CHARGED
}
