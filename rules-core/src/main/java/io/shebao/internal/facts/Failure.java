package io.shebao.internal.facts;

import io.shebao.ErrorCode;

/** A rule's verdict that the question cannot be answered: an unknown parameter or an input not allowed. */
public final class Failure {
    private final ErrorCode code;
    private final String field;
    private final String value;
    private final String message;
    private final String parameter;
    private final String lastKnown;

    public Failure(ErrorCode code, String field, String value, String message) {
        this(code, field, value, message, "", "");
    }

    private Failure(ErrorCode code, String field, String value, String message, String parameter, String lastKnown) {
        this.code = code;
        this.field = field;
        this.value = value;
        this.message = message;
        this.parameter = parameter;
        this.lastKnown = lastKnown;
    }

    /**
     * "no WHAT known for REGION in PERIOD"; the parameter and its last known validity are kept apart so that
     * several missing parameters of one kind make one sentence (see {@link #describe(java.util.List)}).
     *
     * @param what the policy term, e.g. "base limits" or "unemployment rates"
     */
    public static Failure unknown(MissingParam m, String what) {
        return new Failure(ErrorCode.PARAMETER_UNKNOWN, m.qualifiedId(), m.getPeriod().toString(),
                "no " + what + " known for " + m.getRegion() + " in " + m.getPeriod(), m.qualifiedId(), m.getLastKnown());
    }

    /**
     * The failures of one evaluation in a fixed order (code, field, message). The rules insert them in firing
     * order, which for rules of equal salience follows the order the build compiled the rule files in: sorted,
     * the error's code, field and sentence are the same whichever build answers.
     */
    public static java.util.List<Failure> inOrder(java.util.List<Failure> failures) {
        return failures.stream().sorted(java.util.Comparator.comparing((Failure f) -> f.code)
                .thenComparing(f -> f.field == null ? "" : f.field)
                .thenComparing(f -> f.message == null ? "" : f.message)).toList();
    }

    /** One line for all failures: same sentences merged, naming every parameter and how to proceed. */
    public static String describe(java.util.List<Failure> failures) {
        java.util.Map<String, java.util.List<Failure>> bySentence = new java.util.LinkedHashMap<>();
        for (Failure f : failures) {
            bySentence.computeIfAbsent(f.message, k -> new java.util.ArrayList<>()).add(f);
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (var e : bySentence.entrySet()) {
            java.util.List<String> params = e.getValue().stream().map(f -> f.parameter).filter(p -> !p.isEmpty())
                    .distinct().toList();
            if (params.isEmpty()) {
                parts.add(e.getKey());
                continue;
            }
            String last = e.getValue().stream().map(f -> f.lastKnown).filter(l -> !l.isEmpty()).findFirst()
                    .map(l -> "; last known value in force " + l + "; allow carry-forward to use it, or add a value with a parameter pack")
                    .orElse("; add a value with a parameter pack");
            parts.add(e.getKey() + " (" + (params.size() == 1 ? "parameter " : "parameters ") + String.join(", ", params)
                    + last + ")");
        }
        return String.join("; ", parts);
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
