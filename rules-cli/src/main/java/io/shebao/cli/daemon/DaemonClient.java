package io.shebao.cli.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
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
 * <p>The launcher does not call it with {@code SHEBAO_DAEMON=off}; {@code --verbose} and help are never sent
 * ({@link #NOT_SENT}). {@code ./shebao daemon stop|status} acts on the one of this directory.
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

    /** Options answered in the caller's own JVM: log levels are per JVM; help is coloured only on a terminal. */
    static final Set<String> NOT_SENT = Set.of("--verbose", "--help", "-h", "--version", "-V");

    static boolean served(List<String> args) {
        return !args.isEmpty() && SERVED.contains(args.get(0)) && args.stream().noneMatch(NOT_SENT::contains);
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
            } catch (IOException | RuntimeException | Error e) {
                // no resident process to be had (a folder others can enter, no UNIX sockets…): the launcher answers
            }
        }
        System.exit(NOT_ANSWERED);
    }

    /** How long a client waits for the process's offer before it answers the question itself. */
    private static final long OFFER_MILLIS = 5_000;

    /**
     * The exit code of the answer, or null when no process took the question (none listening, all busy, not
     * this user's, or no offer in time): then nothing has run and the launcher answers it.
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
            if (!sameUser(ch)) {
                return null;
            }
            DataOutputStream req = new DataOutputStream(Channels.newOutputStream(ch));
            Frames.writeRequest(req, address.key(), args);
            if (awaitByte(ch, OFFER_MILLIS) != Frames.OFFER) {
                return null;
            }
            req.writeByte(Frames.GO);
            req.flush();
            // from here on the call has run or is running: it is never asked again
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Channels.newInputStream(ch)));
            OutputStream out = new FileOutputStream(FileDescriptor.out);
            OutputStream err = new FileOutputStream(FileDescriptor.err);
            byte[] buf = new byte[Frames.MAX_CHUNK];
            while (true) {
                byte kind;
                int n;
                try {
                    kind = in.readByte();
                    if (kind == Frames.EXIT) {
                        return in.readInt();
                    }
                    n = in.readInt();
                    if ((kind != Frames.OUT && kind != Frames.ERR) || n < 0 || n > Frames.MAX_CHUNK) {
                        throw new IOException("unexpected frame " + kind + " of " + n + " bytes");
                    }
                    in.readFully(buf, 0, n);
                } catch (IOException e) {
                    err.write(("shebao: the resident process stopped while answering (" + e.getMessage()
                            + "); the answer may be incomplete (SHEBAO_DAEMON=off answers without it)\n")
                            .getBytes(StandardCharsets.UTF_8));
                    return 3;
                }
                try {
                    (kind == Frames.OUT ? out : err).write(buf, 0, n);
                } catch (IOException e) {
                    // our own stdout (or stderr) is closed: the same line and code as the CLI in its own JVM
                    err.write("shebao: stdout: cannot be written (a full disk or a closed pipe); the output is incomplete\n"
                            .getBytes(StandardCharsets.UTF_8));
                    return 3;
                }
            }
        }
    }

    /** The next byte, or -1 when none comes within {@code millis} or the other side closed. */
    private static int awaitByte(SocketChannel ch, long millis) throws IOException {
        ch.configureBlocking(false);
        try (Selector sel = Selector.open()) {
            ch.register(sel, SelectionKey.OP_READ);
            long until = System.nanoTime() + millis * 1_000_000;
            ByteBuffer b = ByteBuffer.allocate(1);
            while (true) {
                long left = (until - System.nanoTime()) / 1_000_000;
                if (left <= 0 || sel.select(left) > 0 && ch.read(b) != 0) {
                    return b.position() == 1 ? b.get(0) : -1;
                }
                sel.selectedKeys().clear();
            }
        } finally {
            ch.configureBlocking(true);
        }
    }

    /** Whether the process at the other end runs as this user (SO_PEERCRED). */
    static boolean sameUser(SocketChannel ch) {
        try {
            return ch.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED).user().getName()
                    .equals(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Starts a resident process in the background unless one is starting or running already. It inherits this
     * process's folder, environment and umask, from which it works out the same address.
     */
    static void start(DaemonAddress address, Map<String, String> env) throws IOException {
        if (locked(address.lock())) {
            return; // one is starting (it takes the lock first) or running
        }
        if (address.places().stream().allMatch(DaemonClient::lockedQuietly)) {
            return; // as many as one user may have run already
        }
        if (Files.exists(address.failed()) && Files.getLastModifiedTime(address.failed()).toInstant()
                .isAfter(java.time.Instant.now().minus(FAILED_BACKOFF))) {
            return; // the last one could not serve (its reason is in the file); not again for a while
        }
        if (Files.exists(address.log()) && Files.size(address.log()) > MAX_LOG_BYTES) {
            Files.delete(address.log());
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
        // the heap a fresh JVM would have; an out-of-memory error ends the process rather than leave it half-broken
        cmd.addAll(List.of("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"));
        cmd.addAll(List.of("-cp", address.jar().toString(), "io.shebao.cli.daemon.Daemon", Long.toString(idleSeconds(env)),
                // the launcher, which goes on to answer this question in its own JVM (same process, exec)
                Long.toString(ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L))));
        new ProcessBuilder(cmd)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(address.log().toFile()))
                .redirectErrorStream(true)
                .start();
    }

    /** Whether a process of this user listens on the address's socket (a file left behind does not). */
    private static boolean answers(DaemonAddress address) {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(address.socket()))) {
            return sameUser(ch);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a resident process (starting or running) holds the lock. */
    private static boolean locked(Path lock) throws IOException {
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
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

    /** After a process could not serve, how long before a client tries to start one again. */
    private static final java.time.Duration FAILED_BACKOFF = java.time.Duration.ofMinutes(10);
    /** A log longer than this is started afresh by the next process. */
    private static final long MAX_LOG_BYTES = 1 << 20;

    private static boolean lockedQuietly(Path lock) {
        try {
            return locked(lock);
        } catch (IOException e) {
            return true;
        }
    }

    private static long idleSeconds(Map<String, String> env) {
        return idleSeconds(env, System.err);
    }

    /**
     * {@code SHEBAO_DAEMON_IDLE}, or the default; a value that is not allowed is said in one line on
     * {@code err} (the question is still answered: the resident process is only a way to answer faster).
     */
    static long idleSeconds(Map<String, String> env, java.io.PrintStream err) {
        String v = env.get("SHEBAO_DAEMON_IDLE");
        if (v == null) {
            return IDLE_SECONDS;
        }
        try {
            long s = Long.parseLong(v.strip());
            if (s >= 1 && s <= IDLE_MAX_SECONDS) {
                return s;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        err.println("shebao: SHEBAO_DAEMON_IDLE: '" + v + "' is not allowed; allowed: whole seconds from 1 to "
                + IDLE_MAX_SECONDS + " (the resident process keeps the default, " + IDLE_SECONDS + ")");
        return IDLE_SECONDS;
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
                for (int i = 0; i < 600 && !Files.exists(address.socket()) && locked(address.lock()); i++) {
                    sleep();
                }
            }
            boolean running = answers(address);
            if (running && what.equals("stop")) {
                try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(address.socket()))) {
                    Frames.writeStop(new DataOutputStream(Channels.newOutputStream(ch)), address.key());
                    new DataInputStream(Channels.newInputStream(ch)).readByte();
                } catch (IOException e) {
                    running = false;
                }
                for (int i = 0; i < 700 && locked(address.lock()); i++) {
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
