package io.shebao.retirement;

/** The verdict of a rule with several conditions. */
public enum Outcome {
    /** Every condition is met. */
    YES,
    /** At least one condition is not met. */
    NO,
    /** No condition fails, but some must be verified at the counter. */
    IF_VERIFIED;

    public static Outcome of(java.util.Collection<Condition> conditions) {
        if (conditions.stream().anyMatch(c -> c.status() == ConditionStatus.NOT_MET)) {
            return NO;
        }
        return conditions.stream().anyMatch(c -> c.status() == ConditionStatus.TO_VERIFY) ? IF_VERIFIED : YES;
    }

    /** At least one ground holds (any-of rules such as SBZX00041). */
    public static Outcome anyOf(java.util.Collection<Condition> grounds) {
        if (grounds.stream().anyMatch(c -> c.status() == ConditionStatus.MET)) {
            return YES;
        }
        return grounds.stream().anyMatch(c -> c.status() == ConditionStatus.TO_VERIFY) ? IF_VERIFIED : NO;
    }
}
