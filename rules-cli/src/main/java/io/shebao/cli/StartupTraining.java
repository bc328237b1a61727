package io.shebao.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * 启动训练: the one-question commands run once each, so that a JVM started with
 * {@code -XX:ArchiveClassesAtExit=FILE} writes every class they load into a class-data-sharing archive (the
 * {@code ./shebao} launcher does this once per build, see docs/PERFORMANCE.md). Later runs map those classes
 * from the archive instead of loading and verifying them one by one. The answers are thrown away; the
 * questions are the README's examples, an error, and the help, so that the error and help paths are in the
 * archive too.
 */
public final class StartupTraining {
    static final List<List<String>> QUESTIONS = List.of(
            List.of("contribution", "--region", "yichang", "--period", "2023-05", "--wage", "3450", "--risk-class", "1"),
            List.of("contribution", "--region", "wuhan", "--period", "2025-09", "--wage", "9000", "--risk-class", "2",
                    "--format", "json"),
            List.of("contribution", "--region", "yichang", "--period", "2023-13", "--wage", "3450"),
            List.of("retirement", "--sex", "female", "--birth", "1971-04", "--category", "female-cadre",
                    "--contribution-months", "300", "--as-of", "2025-06-01"),
            List.of("retirement", "--sex", "male", "--birth", "1966-03", "--contribution-months", "180",
                    "--as-of", "2025-06-01", "--format", "json"),
            List.of("params", "show", "contribution_base.floor", "--region", "shiyan", "--at", "2025-09"),
            List.of("--help"));

    private StartupTraining() {
    }

    public static void main(String[] args) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        for (List<String> q : QUESTIONS) {
            Main.run(q.toArray(new String[0]), nowhere, nowhere);
        }
    }
}
