package io.shebao;

import java.util.Objects;
import java.util.Optional;

/**
 * The one exception family of the library. Every failure carries a stable {@link ErrorCode}, the field
 * (or parameter) it concerns, the offending value and a one-line message a policy officer can read.
 */
public class ShebaoException extends RuntimeException {
    private final ErrorCode code;
    private final String field;
    private final String value;

    public ShebaoException(ErrorCode code, String field, String value, String message) {
        this(code, field, value, message, null);
    }

    public ShebaoException(ErrorCode code, String field, String value, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code);
        this.field = field;
        this.value = value;
    }

    public ErrorCode code() {
        return code;
    }

    /** The input field, option or parameter id the error is about, when there is one. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** The offending value as given, when there is one. */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /** Convenience for input validation: "field: value 'x' is not allowed; allowed: ...". */
    public static ShebaoException invalid(String field, Object value, String allowed) {
        String v = String.valueOf(value);
        return new ShebaoException(ErrorCode.INVALID_INPUT, field, v,
                field + ": '" + v + "' is not allowed; " + allowed);
    }
}
