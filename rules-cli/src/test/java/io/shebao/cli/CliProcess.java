package io.shebao.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code shebao.jar} as a real process (path from the {@code shebao.jar} system property). */
final class CliProcess {
    record Outcome(int exit, String out, String err) {
    }

    private CliProcess() {
    }

    static Path jar() {
        String p = System.getProperty("shebao.jar", "target/shebao.jar");
        Path jar = Path.of(p);
        if (!Files.exists(jar)) {
            throw new IllegalStateException("packaged CLI not found at " + jar + ": run `mvn verify`");
        }
        return jar;
    }

    static Outcome run(String... args) throws IOException, InterruptedException {
        return runJvm(List.of(), args);
    }

    /** With JVM options before {@code -jar} (e.g. a small heap, a system property). */
    static Outcome runJvm(List<String> jvm, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread t = new Thread(() -> copy(p.getErrorStream(), err));
        t.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("shebao did not finish: " + cmd);
        }
        t.join();
        return new Outcome(p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
