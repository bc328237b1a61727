package io.shebao;

/** Stable error codes; embedders may switch on them, their names never change meaning. */
public enum ErrorCode {
    /** A request field is missing, malformed or outside what is allowed. */
    INVALID_INPUT,
    /** The region code is not one the catalogue lists. */
    UNKNOWN_REGION,
    /** A parameter the rules need has no value for the region and period (and carry-forward was not allowed). */
    PARAMETER_UNKNOWN,
    /** A parameter file (bundled or from a pack) failed validation. */
    PARAMETER_FILE_INVALID,
    /** A scenario file failed validation. */
    SCENARIO_INVALID,
    /** The compiled rule base could not be found or built. */
    RULES_UNAVAILABLE,
    /** An audit record could not be read, or its digest or signature does not verify. */
    AUDIT_RECORD_INVALID
}
