package io.shebao.cli.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code ./shebao} launcher's client for one-question commands ({@code shebao-client.jar}: these classes
 * alone, so that it starts without opening the full class path): asks the resident process ({@link Daemon})
 * of this build, environment and working directory. When none takes the question it starts one for the next
 * question and exits {@value #NOT_ANSWERED}; the launcher then answers the question itself, as
 * {@code java -jar shebao.jar} would.
 *
 * <p>The launcher does not call it with {@code SHEBAO_DAEMON=off}; {@code --verbose} is never sent (its log
 * levels are set for a whole JVM). {@code ./shebao daemon stop|status} acts on the one of this directory.
 */
public final class DaemonClient {
    /** The commands a resident process answers: the launcher's one-question commands. */
    static final Set<String> SERVED = Set.of("contribution", "retirement", "params", "explain", "keys");
    /** The exit code that tells the launcher nothing happened, so it must answer the question itself. */
    static final int NOT_ANSWERED = 199;
    /** Seconds without a question before a resident process exits, unless {@code SHEBAO_DAEMON_IDLE} says. */
    private static final long IDLE_SECONDS = 600;
    private static final long IDLE_MAX_SECONDS = 86_400;

    private DaemonClient() {
    }

    static boolean served(List<String> args) {
        return !args.isEmpty() && SERVED.contains(args.get(0)) && !args.contains("--verbose");
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        if (args.length == 2 && args[0].equals("daemon")) {
            System.exit(control(args[1], env));
        }
        if (!env.getOrDefault("SHEBAO_DAEMON", "on").equals("off") && served(Arrays.asList(args))) {
            try {
                DaemonAddress address = DaemonAddress.of(DaemonAddress.fullJar(), env, Path.of(""));
                Integer code = ask(address, Arrays.asList(args));
                if (code != null) {
                    System.exit(code);
                }
                start(address, env);
            } catch (IOException | RuntimeException e) {
                // no resident process to be had (a folder others can enter, no UNIX sockets…): the launcher answers
            }
        }
        System.exit(NOT_ANSWERED);
    }

    /**
     * The exit code of the answer, or null when no process took the question (none listening, or it was
     * stopping): then nothing has happened and the launcher answers it.
     */
    static Integer ask(DaemonAddress address, List<String> args) throws IOException {
        if (!Files.exists(address.socket())) {
            return null;
        }
        SocketChannel ch;
        try {
            ch = SocketChannel.open(UnixDomainSocketAddress.of(address.socket()));
        } catch (IOException e) {
            return null; // a socket left by a process that died
        }
        try (ch) {
            DataOutputStream req = new DataOutputStream(Channels.newOutputStream(ch));
            Frames.writeRequest(req, address.key(), args);
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Channels.newInputStream(ch)));
            try {
                if (in.readByte() != Frames.ACCEPTED) {
                    return null;
                }
            } catch (IOException e) {
                return null; // closed without a word: not taken
            }
            OutputStream out = new FileOutputStream(FileDescriptor.out);
            OutputStream err = new FileOutputStream(FileDescriptor.err);
            byte[] buf = new byte[Frames.MAX_CHUNK];
            try {
                while (true) {
                    byte kind = in.readByte();
                    if (kind == Frames.EXIT) {
                        return in.readInt();
                    }
                    int n = in.readInt();
                    if ((kind != Frames.OUT && kind != Frames.ERR) || n < 0 || n > Frames.MAX_CHUNK) {
                        throw new IOException("unexpected frame " + kind + " of " + n + " bytes");
                    }
                    in.readFully(buf, 0, n);
                    (kind == Frames.OUT ? out : err).write(buf, 0, n);
                }
            } catch (IOException e) {
                // taken, so never asked again here: the call may have written files
                err.write(("shebao: the resident process stopped while answering (" + e.getMessage()
                        + "); the answer may be incomplete (SHEBAO_DAEMON=off answers without it)\n")
                        .getBytes(StandardCharsets.UTF_8));
                return 3;
            }
        }
    }

    /**
     * Starts a resident process in the background unless one is starting or running already. It inherits this
     * process's folder, environment and umask, from which it works out the same address.
     */
    static void start(DaemonAddress address, Map<String, String> env) throws IOException {
        try (FileChannel ch = FileChannel.open(address.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock free = ch.tryLock()) {
            if (free == null) {
                return; // one is starting (it takes the lock first) or running
            }
        }
        List<String> cmd = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) {
            cmd.add("/usr/bin/setsid"); // its own session: a Ctrl-C on this question does not stop it
        }
        cmd.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        Path jsa = address.jar().resolveSibling("shebao.jsa");
        if (Files.isRegularFile(jsa)) {
            cmd.addAll(List.of("-XX:SharedArchiveFile=" + jsa, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        cmd.addAll(List.of("-XX:+UseSerialGC", "-Xmx512m"));
        String opts = env.getOrDefault("SHEBAO_JAVA_OPTS", "").strip();
        if (!opts.isEmpty()) {
            cmd.addAll(Arrays.asList(opts.split("\\s+"))); // after ours: the user's options win
        }
        cmd.addAll(List.of("-cp", address.jar().toString(), "io.shebao.cli.daemon.Daemon", Long.toString(idleSeconds(env)),
                // the launcher, which goes on to answer this question in its own JVM (same process, exec)
                Long.toString(ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L))));
        new ProcessBuilder(cmd)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(address.log().toFile())
                .redirectErrorStream(true)
                .start();
    }

    /** Whether a resident process (starting or running) holds the address's lock. */
    private static boolean locked(DaemonAddress address) throws IOException {
        try (FileChannel ch = FileChannel.open(address.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock free = ch.tryLock()) {
            return free == null;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long idleSeconds(Map<String, String> env) {
        try {
            long s = Long.parseLong(env.getOrDefault("SHEBAO_DAEMON_IDLE", Long.toString(IDLE_SECONDS)).strip());
            return Math.max(1, Math.min(s, IDLE_MAX_SECONDS));
        } catch (NumberFormatException e) {
            return IDLE_SECONDS;
        }
    }

    /** {@code ./shebao daemon stop|status}: the resident process of this directory and environment. */
    private static int control(String what, Map<String, String> env) {
        if (!what.equals("stop") && !what.equals("status")) {
            System.err.println("shebao: daemon: '" + what + "' is not allowed; allowed: stop, status");
            return 2;
        }
        try {
            DaemonAddress address = DaemonAddress.of(DaemonAddress.fullJar(), env, Path.of(""));
            if (what.equals("stop")) {
                // one that is still starting (it holds the lock before it listens) is waited for, then stopped
                for (int i = 0; i < 600 && !Files.exists(address.socket()) && locked(address); i++) {
                    sleep();
                }
            }
            boolean running = Files.exists(address.socket());
            if (running && what.equals("stop")) {
                try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(address.socket()))) {
                    DataOutputStream req = new DataOutputStream(Channels.newOutputStream(ch));
                    req.writeInt(Frames.MAGIC);
                    req.writeInt(DaemonAddress.PROTOCOL);
                    Frames.writeKey(req, address.key());
                    req.writeInt(Frames.STOP);
                    req.flush();
                    new DataInputStream(Channels.newInputStream(ch)).readByte();
                } catch (IOException e) {
                    running = false;
                }
                for (int i = 0; i < 300 && locked(address); i++) {
                    sleep(); // stopped means gone: a question asked next starts a new one
                }
            }
            System.out.println(!running ? "no resident process for this build, environment and folder"
                    : (what.equals("stop") ? "stopped " : "running: ") + address.socket() + " (log " + address.log() + ")");
            return 0;
        } catch (IOException e) {
            System.err.println("shebao: daemon: " + e.getMessage());
            return 2;
        }
    }
}
