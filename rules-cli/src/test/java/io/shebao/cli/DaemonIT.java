package io.shebao.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The resident process behind {@code ./shebao} (io.shebao.cli.daemon): the first question is answered by the
 * launcher's own JVM and starts it; later questions from the same folder are answered by it, with the same
 * bytes on stdout and stderr and the same exit code as {@code java -jar}; relative paths are the caller's;
 * {@code ./shebao daemon stop} stops it.
 */
class DaemonIT {
    private static final String[] QUESTION = {"contribution", "--region", "yichang", "--period", "2023-05",
            "--wage", "3450", "--risk-class", "1", "--format", "json"};

    @TempDir
    Path runtime;
    @TempDir
    Path work;
    /** The resident process's idle seconds. */
    private String idle = "120";

    private CliProcess.Outcome launch(String... args) throws IOException, InterruptedException {
        Path launcher = CliProcess.jar().toAbsolutePath().getParent().getParent().getParent().resolve("shebao");
        List<String> cmd = new ArrayList<>(List.of("bash", launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        Map<String, String> env = pb.environment();
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        env.put("SHEBAO_DAEMON", "on");
        // options set for every JVM turn the resident process off (they would reach the answer unseen)
        List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "SHEBAO_JAVA_OPTS").forEach(env::remove);
        env.put("SHEBAO_DAEMON_DIR", runtime.toString());
        env.put("SHEBAO_DAEMON_IDLE", idle);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("launcher did not finish");
        }
        return new CliProcess.Outcome(p.exitValue(), out, err);
    }

    private long answered() throws IOException {
        try (Stream<Path> logs = Files.list(runtime)) {
            long n = 0;
            for (Path log : logs.filter(f -> f.toString().endsWith(".log")).toList()) {
                n += Files.readAllLines(log).stream().filter(l -> l.contains(" answered ")).count();
            }
            return n;
        }
    }

    private void awaitListening() throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(until)) {
            CliProcess.Outcome s = launch("daemon", "status");
            if (s.out().startsWith("running:")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no resident process listening after 180 s; logs in " + runtime);
    }

    @AfterEach
    void stop() throws Exception {
        launch("daemon", "stop");
    }

    @Test
    void answersLikeJavaJarOnceStartedAndStops() throws Exception {
        CliProcess.Outcome plain = CliProcess.run(QUESTION);
        assertEquals(0, plain.exit(), plain.err());

        CliProcess.Outcome first = launch(QUESTION);
        assertEquals(0, first.exit(), first.err());
        assertEquals(plain.out(), first.out());
        awaitListening();

        long before = answered();
        CliProcess.Outcome second = launch(QUESTION);
        assertEquals(0, second.exit(), second.err());
        assertEquals(plain.out(), second.out(), "the resident process answers byte for byte as java -jar");
        assertEquals("", second.err().replaceAll("(?m)^shebao: wrote the start-up archive.*\\R", ""));
        assertEquals(before + 1, answered(), "answered by the resident process");

        // an error: the same single line on stderr and exit 2
        String[] bad = {"contribution", "--region", "yichang", "--period", "2023-13", "--wage", "3450"};
        CliProcess.Outcome badPlain = CliProcess.run(bad);
        CliProcess.Outcome badServed = launch(bad);
        assertEquals(2, badServed.exit());
        assertEquals(badPlain.err(), badServed.err());
        assertEquals(before + 2, answered());

        // a relative path is the caller's folder's
        CliProcess.Outcome audited = launch(concat(QUESTION, "--audit-out", "trail.jsonl"));
        assertEquals(0, audited.exit(), audited.err());
        assertTrue(Files.size(work.resolve("trail.jsonl")) > 0, "the audit record is written in the caller's folder");
        assertEquals(before + 3, answered());

        // --verbose sets log levels for a whole JVM: never sent
        CliProcess.Outcome verbose = launch(concat(QUESTION, "--verbose"));
        assertEquals(0, verbose.exit(), verbose.err());
        assertEquals(before + 3, answered(), "--verbose is answered by the launcher's own JVM");

        CliProcess.Outcome stopped = launch("daemon", "stop");
        assertTrue(stopped.out().startsWith("stopped "), stopped.out());
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (launch("daemon", "status").out().startsWith("running:") && Instant.now().isBefore(until)) {
            Thread.sleep(200);
        }
        assertTrue(launch("daemon", "status").out().startsWith("no resident process"));
        // and the next question is answered all the same
        CliProcess.Outcome after = launch(QUESTION);
        assertEquals(plain.out(), after.out());
        awaitListening(); // the one it started, stopped after the test

        CliProcess.Outcome unknown = launch("daemon", "restart");
        assertEquals(2, unknown.exit());
        assertEquals("shebao: daemon: 'restart' is not allowed; allowed: stop, status", unknown.err().strip());
    }

    /** `daemon status` asks whether it answers, which is not use: probed all along, an idle process still exits. */
    @Test
    void statusProbesDoNotKeepItAlive() throws Exception {
        idle = "3";
        assertEquals(0, launch(QUESTION).exit());
        awaitListening();
        Instant until = Instant.now().plus(Duration.ofSeconds(120));
        boolean running = true;
        while (running && Instant.now().isBefore(until)) {
            running = launch("daemon", "status").out().startsWith("running:");
            Thread.sleep(250);
        }
        assertTrue(!running, "still running after 120 s of status probes with SHEBAO_DAEMON_IDLE=3");
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(new String[0]);
    }
}
