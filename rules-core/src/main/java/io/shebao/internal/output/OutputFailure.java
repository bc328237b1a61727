package io.shebao.internal.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An output that could not be written (a full disk, an I/O error, a closed pipe), naming the option and the
 * path so that the one line on stderr says which output failed. An {@link IOException}, so that it passes
 * through every {@link java.io.Writer}; find it in a cause chain with {@link #in(Throwable)}.
 */
public final class OutputFailure extends IOException {
    private final String option;
    private final String target;

    public OutputFailure(String option, Path target, String what, IOException cause) {
        this(option, String.valueOf(target), what, cause);
    }

    public OutputFailure(String option, String target, String what, IOException cause) {
        super(option + " '" + target + "': " + what + (cause == null ? "" : " (" + reason(cause) + ")"), cause);
        this.option = option;
        this.target = target;
    }

    /** The option that named the output, e.g. {@code --out}, or {@code stdout}. */
    public String option() {
        return option;
    }

    public String target() {
        return target;
    }

    /** The first {@link OutputFailure} in the cause chain of {@code t}. */
    public static Optional<OutputFailure> in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutputFailure f) {
                return Optional.of(f);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return Optional.empty();
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
