package io.shebao.cli;

import io.shebao.ShebaoRules;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options every evaluating command shares. */
final class Common {
    enum Format { table, json }

    @Option(names = "--parameters", paramLabel = "DIR",
            description = "Load a parameter pack: a directory of dated parameter files (repeatable; a later pack wins).")
    List<Path> parameterPacks = new ArrayList<>();

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.table;

    @Option(names = "--strict", description = StrictMode.DESCRIPTION)
    boolean strict;

    @Option(names = "--verbose", description = "Show stack traces of errors.")
    boolean verbose;

    ShebaoRules rules() {
        ShebaoRules.Builder b = ShebaoRules.builder();
        parameterPacks.forEach(b::parameterPack);
        if (strict) {
            b.strict();
        }
        return b.build();
    }
}
