package io.shebao.facts;

import io.shebao.ErrorCode;

/** A rule's verdict that the question cannot be answered: an unknown parameter or an input not allowed. */
public final class Failure {
    private final ErrorCode code;
    private final String field;
    private final String value;
    private final String message;

    public Failure(ErrorCode code, String field, String value, String message) {
        this.code = code;
        this.field = field;
        this.value = value;
        this.message = message;
    }

    /**
     * "no WHAT known for REGION in PERIOD (parameter X …)", naming the last known value when there is one.
     *
     * @param what the policy term, e.g. "base limits" or "unemployment rates"
     */
    public static Failure unknown(MissingParam m, String what) {
        String last = m.getLastKnown().isEmpty()
                ? "; add it with a parameter pack"
                : "; the last known value was in force " + m.getLastKnown()
                + " (allow carry-forward to use it, or add a value with a parameter pack)";
        return new Failure(ErrorCode.PARAMETER_UNKNOWN, m.qualifiedId(), m.getPeriod().toString(),
                "no " + what + " known for " + m.getRegion() + " in " + m.getPeriod() + " (parameter "
                        + m.qualifiedId() + last + ")");
    }

    public ErrorCode getCode() {
        return code;
    }

    public String getField() {
        return field;
    }

    public String getValue() {
        return value;
    }

    public String getMessage() {
        return message;
    }
}
