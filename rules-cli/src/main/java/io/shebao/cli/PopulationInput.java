package io.shebao.cli;

import io.shebao.ShebaoException;
import io.shebao.population.ContributionRowParser;
import io.shebao.population.PopulationReader;

import java.io.IOException;
import java.nio.file.Path;

/** Opens the population file of {@code batch --in} and {@code whatif --population}: one reader, one wording. */
final class PopulationInput {
    private PopulationInput() {
    }

    /**
     * The reader of {@code file}, its header checked against {@code parser}; a file that is missing, empty,
     * of another format or without a needed column is bad input (exit 2) named by the option.
     */
    static PopulationReader open(String option, Path file, ContributionRowParser parser, int maxRecordChars) {
        PopulationReader reader;
        try {
            reader = PopulationReader.open(file, maxRecordChars);
        } catch (ShebaoException e) {
            throw new CliException(2, option + " " + file + ": " + stripPrefix(e.getMessage()));
        }
        try {
            parser.requireColumns(reader.columns());
        } catch (ShebaoException e) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // the missing column is the error to report
            }
            throw new CliException(2, option + " " + file + ": " + stripPrefix(e.getMessage()));
        }
        return reader;
    }

    private static String stripPrefix(String m) {
        return m.startsWith("in: ") ? m.substring(4) : m;
    }
}
