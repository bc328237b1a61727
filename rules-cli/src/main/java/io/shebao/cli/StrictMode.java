package io.shebao.cli;

/** The one description of {@code --strict}, shared by every computing command. */
final class StrictMode {
    static final String DESCRIPTION = "Strict mode: do not use values of provenance 'assumed' (inferred by the"
            + " maintainers, e.g. the 2026 unemployment rate); a question that needs one fails as unknown (exit 2).";

    private StrictMode() {
    }
}
