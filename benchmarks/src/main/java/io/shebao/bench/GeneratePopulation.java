package io.shebao.bench;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -cp … io.shebao.bench.GeneratePopulation ROWS OUT.csv [SEED [MONTH]]}: writes a synthetic population;
 * with MONTH (e.g. 2025-09) every row is for that month, as in a monthly payroll run.
 */
public final class GeneratePopulation {
    private GeneratePopulation() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: GeneratePopulation ROWS OUT.csv [SEED [MONTH]]");
            System.exit(2);
        }
        long rows = Long.parseLong(args[0]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20250701L;
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(Path.of(args[1])),
                StandardCharsets.UTF_8), 1 << 20)) {
            new SyntheticPopulation(seed, args.length > 3 ? args[3] : null).write(rows, w);
        }
    }
}
