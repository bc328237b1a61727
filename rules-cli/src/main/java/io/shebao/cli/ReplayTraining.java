package io.shebao.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * 重放训练: a small batch trail written and replayed once, so that a JVM started with
 * {@code -XX:ArchiveClassesAtExit=FILE} writes the classes a replay loads (the rule base, the parameters, the
 * trail reader, the planner) into a class-data-sharing archive. The {@code ./shebao} launcher does this once per
 * build for {@code replay}: it saved 0.5-0.9 CPU-s of a replay's start-up (docs/PERFORMANCE.md, "Issue 13, stop
 * 13"). The rows cover named and default insurances, a base, a float grade and a refused row; the files are
 * written to a temporary folder and removed.
 */
public final class ReplayTraining {
    private static final String[] REGIONS = {"yichang", "wuhan", "xianning", "huanggang", "jingmen", "shiyan",
            "suizhou", "xiantao"};

    private ReplayTraining() {
    }

    /** @param args optionally, the folder to make the temporary folder in (default: the system's) */
    public static void main(String[] args) throws IOException {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Path dir = args.length > 0 ? Files.createTempDirectory(Path.of(args[0]), "shebao-replay-training")
                : Files.createTempDirectory("shebao-replay-training");
        try {
            List<String> rows = new ArrayList<>();
            rows.add("id,name,region,period,wage,base,risk_class,float_grade,insurances");
            for (int i = 0; i < 400; i++) {
                String region = REGIONS[i % REGIONS.length];
                String period = "2025-" + (7 + i % 6);
                boolean base = i % 11 == 0;
                String amount = String.valueOf(2000 + (i * 997) % 40000);
                rows.add("P" + i + ",训练," + region + "," + (i == 7 ? "2025-13" : period) + "," + (base ? "" : amount)
                        + "," + (base ? amount : "") + "," + (1 + i % 8) + "," + (i % 3 == 0 ? "80" : "") + ","
                        + (i % 4 == 0 ? "pension;unemployment" : ""));
            }
            Path in = Files.write(dir.resolve("in.csv"), rows, StandardCharsets.UTF_8);
            Path trail = dir.resolve("trail.jsonl");
            Main.run(new String[]{"batch", "--in", in.toString(), "--out", dir.resolve("out.csv").toString(),
                    "--errors", dir.resolve("errors.csv").toString(), "--threads", "2",
                    "--audit-out", trail.toString()}, nowhere, nowhere);
            Main.run(new String[]{"replay", trail.toString(), "--threads", "2"}, nowhere, nowhere);
            Main.run(new String[]{"replay", trail.toString(), "--threads", "2", "--format", "json"}, nowhere, nowhere);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
