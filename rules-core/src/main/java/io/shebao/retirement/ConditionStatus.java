package io.shebao.retirement;

/** Whether one condition of an eligibility rule holds. */
public enum ConditionStatus {
    /** 符合. */
    MET,
    /** 不符合: the text says what is missing. */
    NOT_MET,
    /** 待核实: a documentary condition the inputs do not establish; the counter checks it. */
    TO_VERIFY
}
