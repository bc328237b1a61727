package io.shebao.cli;

import io.shebao.ShebaoRules;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The rules to load, for commands that print no answer format of their own ({@code serve}, {@code test}). */
final class RulesOptions {
    @Option(names = "--parameters", paramLabel = "DIR",
            description = "Load a parameter pack: a directory of dated parameter files (repeatable; a later pack wins).")
    List<Path> parameterPacks = new ArrayList<>();

    @Option(names = "--strict", description = StrictMode.DESCRIPTION)
    boolean strict;

    @Option(names = "--verbose", description = "Show stack traces of errors and the library's debug log.")
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
