package io.shebao.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code ./shebao} launcher at the repository root: it writes the start-up archive once (training run),
 * uses it afterwards, and the answers are the same with the archive, without it, and from {@code java -jar}.
 */
class LauncherIT {
    private static final String[] QUESTION = {"contribution", "--region", "yichang", "--period", "2023-05",
            "--wage", "3450", "--risk-class", "1", "--format", "json"};

    private static CliProcess.Outcome launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path jar = CliProcess.jar().toAbsolutePath();
        Path launcher = jar.getParent().getParent().getParent().resolve("shebao");
        List<String> cmd = new ArrayList<>(List.of("bash", launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        // the launcher runs the `java` on the PATH: this JVM's
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] err = new byte[0];
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("launcher did not finish");
        }
        return new CliProcess.Outcome(p.exitValue(), out, new String(err, StandardCharsets.UTF_8));
    }

    /**
     * An audited batch writes the same trail whichever JIT the launcher picks for the file's size (C1; C1 with C2
     * for SHA-256 alone, through the directives file the batch adds to its own JVM; C2), forced here on a small
     * file, and prints nothing on stdout (the JVM's "compiler directives added" stays out of it).
     */
    @Test
    void anAuditedBatchIsTheSameUnderEachJitTheLauncherPicks(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path pop = CliProcess.jar().toAbsolutePath().getParent().getParent().getParent()
                .resolve("examples/data/population.csv");
        String[] modes = {"C1", "C2 for SHA-256", "C2"};
        List<Map<String, String>> envs = List.of(Map.of(),
                Map.of("SHEBAO_AUDIT_SHA_C2_BYTES", "1", "SHEBAO_JAVA_OPTS",
                        "-Dorg.slf4j.simpleLogger.log.io.shebao.cli.JitDirectives=debug"),
                Map.of("SHEBAO_AUDIT_C2_BYTES", "1"));
        byte[] first = null;
        for (int i = 0; i < modes.length; i++) {
            Path trail = dir.resolve("trail-" + i + ".jsonl");
            CliProcess.Outcome o = launch(envs.get(i), "batch", "--in", pop.toString(), "--out",
                    dir.resolve("out-" + i + ".csv").toString(), "--errors", dir.resolve("err-" + i + ".csv").toString(),
                    "--audit-out", trail.toString());
            assertTrue(o.exit() == 0 || o.exit() == 1, modes[i] + ": " + o.err());
            assertEquals("", o.out(), modes[i] + ": nothing on stdout");
            if (i == 1) {
                assertTrue(o.err().contains("2 compiler directives added"), "the directives were taken: " + o.err());
            }
            byte[] t = Files.readAllBytes(trail);
            if (first == null) {
                first = t;
            } else {
                assertTrue(java.util.Arrays.equals(first, t), modes[i] + ": the same trail as C1's");
            }
        }
    }

    /**
     * The progress bar goes where stderr is a terminal, and only there: under {@code script(1)} (a pseudo-terminal
     * for the launcher), {@code 2>file} leaves no frame in the file nor on the terminal, and {@code >file} with
     * stderr on the terminal draws it there.
     */
    @Test
    void theProgressBarIsDrawnWhereStderrIsATerminalOnly(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path script = Path.of("/usr/bin/script");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(script), "script(1) gives the launcher a terminal");
        Path root = CliProcess.jar().toAbsolutePath().getParent().getParent().getParent();
        String batch = "bash " + root.resolve("shebao") + " batch --in " + root.resolve("examples/data/population.csv")
                + " --out " + dir.resolve("out.csv") + " --errors " + dir.resolve("errors.csv");

        Path log = dir.resolve("stderr.log");
        String onTerminal = underTerminal(script, batch + " 2>" + log);
        String logged = Files.readString(log);
        assertTrue(!logged.contains("\r") && !BAR.matcher(logged).find(), "no bar in a file: " + logged);
        assertTrue(!BAR.matcher(onTerminal).find(), "nor on the terminal: " + onTerminal);
        assertTrue(logged.contains("rows read 10000"), "the run's summary is in the file: " + logged);

        String drawn = underTerminal(script, batch + " >" + dir.resolve("stdout.txt"));
        assertTrue(BAR.matcher(drawn).find(), "the bar on the terminal: " + drawn);
    }

    /** A frame of the progress bar: {@code [#######                       ]  25% 1,024 rows …}. */
    private static final java.util.regex.Pattern BAR = java.util.regex.Pattern.compile("\\[[# ]{30}\\] +\\d+% ");

    /** What a command run on a pseudo-terminal wrote to it. */
    private static String underTerminal(Path script, String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(script.toString(), "-q", "-e", "-c", command, "/dev/null");
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("script did not finish");
        }
        return out;
    }

    @Test
    void writesTheArchiveOnceAndAnswersAsJavaJar() throws Exception {
        Path jsa = CliProcess.jar().toAbsolutePath().getParent().resolve("shebao.jsa");
        Files.deleteIfExists(jsa);
        CliProcess.Outcome plain = CliProcess.run(QUESTION);
        assertEquals(0, plain.exit(), plain.err());

        CliProcess.Outcome first = launch(Map.of(), QUESTION);
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.err().contains("wrote the start-up archive"), first.err());
        assertTrue(Files.size(jsa) > 1_000_000, "an archive of the loaded classes");
        assertEquals(plain.out(), first.out());

        CliProcess.Outcome second = launch(Map.of(), QUESTION);
        assertEquals(0, second.exit(), second.err());
        assertEquals("", second.err(), "the archive is reused, nothing written again");
        assertEquals(plain.out(), second.out());

        CliProcess.Outcome off = launch(Map.of("SHEBAO_CDS", "off"), QUESTION);
        assertEquals(plain.out(), off.out());

        // an error still reads as one line on stderr and exit 2 under the launcher's options
        CliProcess.Outcome bad = launch(Map.of(), "contribution", "--region", "yichang", "--period", "2023-13", "--wage", "3450");
        assertEquals(2, bad.exit());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
    }
}
