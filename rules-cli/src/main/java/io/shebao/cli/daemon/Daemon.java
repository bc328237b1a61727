package io.shebao.cli.daemon;

import io.shebao.cli.Main;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 常驻进程: a JVM that keeps the parameters and rule bases loaded and answers one-question commands for the
 * {@code ./shebao} launcher ({@link DaemonClient}), so that a question asked in a loop costs a JVM's start and
 * a socket, not the loading of the catalogue and the building of the rule base each time.
 *
 * <p>Each call runs {@link Main#run} exactly as a fresh JVM would (same working directory, environment and
 * build: {@link DaemonAddress}); its stdout and stderr, including library warnings, go back to the caller. The
 * process exits when idle, when its jar changes, or on {@code ./shebao daemon stop}.
 */
public final class Daemon {
    /** Calls answered at once; more wait in a short queue, and beyond it a client answers by itself. */
    private static final int THREADS = 4;
    private static final int QUEUE = 32;

    private static final InheritableThreadLocal<PrintStream> CALL_OUT = new InheritableThreadLocal<>();
    private static final InheritableThreadLocal<PrintStream> CALL_ERR = new InheritableThreadLocal<>();

    private final ServerSocketChannel server;
    private final DaemonAddress address;
    private final Path jar;
    private final FileTime jarTime;
    private final Duration idle;
    private final AtomicInteger active = new AtomicInteger();
    private volatile Instant last = Instant.now();

    private Daemon(ServerSocketChannel server, DaemonAddress address, Duration idle) throws IOException {
        this.server = server;
        this.address = address;
        this.jar = address.jar();
        this.jarTime = Files.getLastModifiedTime(jar);
        this.idle = idle;
    }

    /**
     * Arguments: idle seconds, and the process id of the launcher whose question started it. The process works out its own address from its jar, environment and folder (all
     * inherited from the client that started it) and answers only requests of the same key.
     */
    public static void main(String[] args) throws Exception {
        Duration idle = Duration.ofSeconds(Long.parseLong(args[0]));
        DaemonAddress address = DaemonAddress.of(DaemonAddress.fullJar(), System.getenv(), Path.of(""));
        Path socket = address.socket();
        Path lockFile = address.lock();
        Path jar = address.jar();
        PrintStream log = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        // whatever a call prints on System.out/err (SLF4J's simple logger looks System.err up at each line) goes
        // to that call's caller; anything else to this process's log
        System.setOut(new PrintStream(new Routed(CALL_OUT, log), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Routed(CALL_ERR, log), true, StandardCharsets.UTF_8));
        Main.configureLogging(false);
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockChannel.tryLock()) {
            if (lock == null) {
                log.println(Instant.now() + " another resident process holds " + lockFile + "; exiting");
                return;
            }
            // the question that started this process is being answered by the launcher on the same two cores:
            // let it finish first (at most 30 s)
            if (args.length > 1 && Long.parseLong(args[1]) > 0) {
                java.util.Optional<ProcessHandle> asker = ProcessHandle.of(Long.parseLong(args[1]));
                if (asker.isPresent()) {
                    try {
                        asker.get().onExit().get(30, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                        // start anyway
                    }
                }
            }
            // the questions of the start-up training load the catalogue and the rule bases before the first call
            io.shebao.cli.StartupTraining.main(new String[0]);
            Files.deleteIfExists(socket);
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(socket), QUEUE);
                log.println(Instant.now() + " listening on " + socket + " for " + jar + " (idle exit after " + idle + ")");
                new Daemon(server, address, idle).serve(log);
            } finally {
                Files.deleteIfExists(socket);
            }
        }
        log.println(Instant.now() + " stopped");
        System.exit(0);
    }

    private void serve(PrintStream log) throws IOException {
        ThreadPoolExecutor calls = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "shebao-call");
                    t.setDaemon(true);
                    return t;
                });
        calls.allowCoreThreadTimeOut(true);
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shebao-idle");
            t.setDaemon(true);
            return t;
        });
        watch.scheduleWithFixedDelay(() -> {
            if (active.get() == 0 && (Instant.now().isAfter(last.plus(idle)) || jarChanged())) {
                log.println(Instant.now() + (jarChanged() ? " the jar changed" : " idle for " + idle) + "; stopping");
                stop();
            }
        }, 1, 1, TimeUnit.SECONDS);
        while (true) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (ClosedChannelException e) {
                // stopping: the calls under way finish first
                calls.shutdown();
                try {
                    calls.awaitTermination(60, TimeUnit.SECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            last = Instant.now();
            active.incrementAndGet();
            try {
                calls.execute(() -> {
                    try (SocketChannel c = ch) {
                        answer(c, log);
                    } catch (IOException | RuntimeException e) {
                        log.println(Instant.now() + " a call failed: " + e);
                    } finally {
                        last = Instant.now();
                        active.decrementAndGet();
                    }
                });
            } catch (RejectedExecutionException e) {
                // too many at once: closing without a word makes the client answer by itself
                active.decrementAndGet();
                ch.close();
            }
        }
    }

    private boolean jarChanged() {
        try {
            return !Files.getLastModifiedTime(jar).equals(jarTime);
        } catch (IOException e) {
            return true;
        }
    }

    private void stop() {
        try {
            server.close();
        } catch (IOException e) {
            // closing is all that is left to do
        }
    }

    private void answer(SocketChannel c, PrintStream log) throws IOException {
        DataInputStream in = new DataInputStream(Channels.newInputStream(c));
        DataOutputStream sink = new DataOutputStream(new java.io.BufferedOutputStream(Channels.newOutputStream(c)));
        List<String> args = Frames.readRequest(in, address.key());
        if (args == null) {
            Frames.writeExit(sink, 0);
            log.println(Instant.now() + " stop requested");
            stop();
            return;
        }
        if (!DaemonClient.served(args)) {
            return; // not ours to answer: the client runs it
        }
        Frames.accepted(sink);
        PrintStream out = new PrintStream(new Frames.Stream(sink, Frames.OUT), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new Frames.Stream(sink, Frames.ERR), true, StandardCharsets.UTF_8);
        CALL_OUT.set(out);
        CALL_ERR.set(err);
        int code;
        try {
            code = Main.run(args.toArray(new String[0]), out, err);
        } catch (RuntimeException | Error e) {
            err.println("shebao: internal error: " + e + " (run with SHEBAO_DAEMON=off --verbose for details)");
            log.println(Instant.now() + " internal error: " + e);
            code = 3;
        } finally {
            CALL_OUT.remove();
            CALL_ERR.remove();
        }
        out.flush();
        err.flush();
        Frames.writeExit(sink, code);
        // the command only: arguments can hold identity numbers
        log.println(Instant.now() + " answered " + args.get(0) + ", exit " + code);
    }

    /** System.out or System.err of the process: the current call's stream, else the log. */
    private static final class Routed extends OutputStream {
        private final ThreadLocal<PrintStream> call;
        private final PrintStream log;

        Routed(ThreadLocal<PrintStream> call, PrintStream log) {
            this.call = call;
            this.log = log;
        }

        private PrintStream target() {
            PrintStream p = call.get();
            return p != null ? p : log;
        }

        @Override
        public void write(int b) {
            target().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            target().write(b, off, len);
        }

        @Override
        public void flush() {
            target().flush();
        }
    }
}
