package io.shebao.cli;

/** A command-line failure with its exit code (2 = bad input, 1 = findings). */
final class CliException extends RuntimeException {
    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    static CliException badInput(String option, String value, String allowed) {
        return new CliException(2, option + ": '" + value + "' is not allowed; " + allowed);
    }

    int exitCode() {
        return exitCode;
    }
}
