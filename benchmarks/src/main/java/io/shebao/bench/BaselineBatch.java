package io.shebao.bench;

import io.shebao.ShebaoRules;
import io.shebao.batch.BatchRunner;
import io.shebao.batch.BatchSummary;
import io.shebao.batch.ResultFormat;
import io.shebao.population.PopulationReader;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -cp … io.shebao.bench.BaselineBatch IN.csv OUT.csv ERRORS.csv THREADS}: the baseline calculator
 * through the same reader, threads and writer as {@code shebao batch}.
 */
public final class BaselineBatch {
    private BaselineBatch() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: BaselineBatch IN.csv OUT.csv ERRORS.csv THREADS");
            System.exit(2);
        }
        ShebaoRules rules = ShebaoRules.load(); // only for its parameters: the baseline never runs the rules
        try (OutputStream out = stream(args[1]); OutputStream err = stream(args[2])) { // as `shebao batch` writes
            BatchSummary s = BatchRunner.builder(rules).threads(Integer.parseInt(args[3]))
                    .calculator(new BaselineCalculator(rules.parameters())).build()
                    .run(PopulationReader.open(Path.of(args[0])), ResultFormat.of(Path.of(args[1])), out, err);
            System.err.println("baseline: " + s.line());
        }
    }

    private static OutputStream stream(String p) throws java.io.IOException {
        return new BufferedOutputStream(Files.newOutputStream(Path.of(p)), 1 << 16);
    }
}
