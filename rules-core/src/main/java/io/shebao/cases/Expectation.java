package io.shebao.cases;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One expected output field (期望值) of a case: the path into the answer's JSON ({@code lines.pension.employer},
 * {@code totals.total}, {@code retirementMonth}…), what is checked and the line of the test file it was written on.
 *
 * @param expected  the value ({@link Check#EQUALS}), the codes or text ({@link Check#CONTAINS}); null otherwise
 * @param tolerance how far a number may be off (0 = exact)
 */
public record Expectation(String path, Check check, JsonNode expected, BigDecimal tolerance, int line) {
    /** What is checked at the path. */
    public enum Check {
        /** the value equals (numbers within the tolerance; a list: the same codes in any order) */
        EQUALS,
        /** a list holds at least these codes; a text contains this text */
        CONTAINS,
        /** present and not empty */
        NOT_EMPTY,
        /** not present (written as {@code null} or {@code ~}) */
        ABSENT
    }

    public Expectation {
        Objects.requireNonNull(path);
        Objects.requireNonNull(check);
        Objects.requireNonNull(tolerance);
    }

    /** How the expectation reads in a failure report. */
    public String describe() {
        return switch (check) {
            case EQUALS -> CaseRunner.show(expected) + (tolerance.signum() > 0 ? " ± " + tolerance.toPlainString() : "");
            case CONTAINS -> "containing " + CaseRunner.show(expected);
            case NOT_EMPTY -> "present, not empty";
            case ABSENT -> "absent";
        };
    }
}
