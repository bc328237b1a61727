package io.shebao.services;

/** The answer of a check: 符合 / 不符合 / 待核实. */
public enum ServiceOutcome {
    /** Every condition is met on the facts given. */
    ELIGIBLE,
    /** At least one condition is not met. */
    NOT_ELIGIBLE,
    /** No condition fails, but some can only be verified at the counter (documents, or facts not given). */
    TO_VERIFY;

    public static ServiceOutcome of(java.util.Collection<ServiceCondition> conditions) {
        if (conditions.stream().anyMatch(c -> c.status() == io.shebao.retirement.ConditionStatus.NOT_MET)) {
            return NOT_ELIGIBLE;
        }
        return conditions.stream().anyMatch(c -> c.status() == io.shebao.retirement.ConditionStatus.TO_VERIFY)
                ? TO_VERIFY : ELIGIBLE;
    }
}
