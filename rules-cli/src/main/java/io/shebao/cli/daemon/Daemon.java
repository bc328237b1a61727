package io.shebao.cli.daemon;

import io.shebao.cli.Main;

import java.io.BufferedOutputStream;
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
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 常驻进程: a JVM that keeps the parameters and rule bases loaded and answers one-question commands for the
 * {@code ./shebao} launcher ({@link DaemonClient}), so that a question asked in a loop costs a small JVM's start
 * and a socket, not the loading of the catalogue and the building of the rule base each time.
 *
 * <p>Each call runs {@link Main#run} exactly as a fresh JVM would (same working directory, environment and
 * build: {@link DaemonAddress}); its stdout and stderr, including library warnings, go back to the caller. The
 * process exits when idle, when its jar changes, on {@code ./shebao daemon stop}, and on any {@link Error}.
 */
public final class Daemon {
    /** Calls answered at once; a client finding all busy answers by itself (no queue: nothing waits here). */
    private static final int THREADS = 4;
    /** Time a client has to send its request and its go-ahead: a silent connection cannot hold a thread. */
    private static final Duration HANDSHAKE = Duration.ofSeconds(5);
    /** Calls written to the log (the command name only): enough to see it work, bounded for a long life. */
    private static final long LOGGED_CALLS = 1000;

    private static final ThreadLocal<PrintStream> CALL_OUT = new ThreadLocal<>();
    private static final ThreadLocal<PrintStream> CALL_ERR = new ThreadLocal<>();

    private final ServerSocketChannel server;
    private final DaemonAddress address;
    private final FileTime jarTime;
    private final Duration idle;
    private final PrintStream log;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong calls = new AtomicLong();
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "shebao-watch");
        t.setDaemon(true);
        return t;
    });
    private volatile Instant last = Instant.now();

    private Daemon(ServerSocketChannel server, DaemonAddress address, Duration idle, PrintStream log) throws IOException {
        this.server = server;
        this.address = address;
        this.jarTime = Files.getLastModifiedTime(address.jar());
        this.idle = idle;
        this.log = log;
    }

    /**
     * Arguments: idle seconds, and the process id of the launcher whose question started it. The process works
     * out its own address from its jar, environment and folder (all inherited from the client that started it)
     * and answers only requests with the same key.
     */
    public static void main(String[] args) throws Exception {
        Duration idle = Duration.ofSeconds(Long.parseLong(args[0]));
        PrintStream log = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        DaemonAddress address = DaemonAddress.of(DaemonAddress.fullJar(), System.getenv(), Path.of(""));
        // whatever a call prints on System.out/err (SLF4J's simple logger looks System.err up at each line) goes
        // to that call's caller; anything else to this process's log
        System.setOut(new PrintStream(new Routed(CALL_OUT, log), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Routed(CALL_ERR, log), true, StandardCharsets.UTF_8));
        Main.configureLogging(false);
        try (FileChannel lockChannel = FileChannel.open(address.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockChannel.tryLock()) {
            if (lock == null) {
                log.println(Instant.now() + " another resident process holds " + address.lock() + "; exiting");
                return;
            }
            Optional<FileLock> place = takePlace(address);
            if (place.isEmpty()) {
                log.println(Instant.now() + " " + DaemonAddress.MAX_RESIDENT + " resident processes run already; exiting");
                return;
            }
            try (FileChannel placeChannel = place.get().channel(); FileLock held = place.get()) {
                awaitAsker(args);
                // the questions of the start-up training load the catalogue and the rule bases before the first call
                io.shebao.cli.StartupTraining.main(new String[0]);
                Files.deleteIfExists(address.socket());
                try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                    server.bind(UnixDomainSocketAddress.of(address.socket()));
                    Files.deleteIfExists(address.failed());
                    log.println(Instant.now() + " listening on " + address.socket() + " for " + address.jar()
                            + " (idle exit after " + idle + ")");
                    new Daemon(server, address, idle, log).serve();
                } finally {
                    Files.deleteIfExists(address.socket());
                }
            } catch (IOException | RuntimeException e) {
                // remembered, so that clients do not start one again and again while the cause stays
                Files.writeString(address.failed(), Instant.now() + " " + e + "\n");
                log.println(Instant.now() + " could not serve: " + e);
            }
        }
        log.println(Instant.now() + " stopped");
        System.exit(0);
    }

    /** One of the user's {@link DaemonAddress#MAX_RESIDENT} places, held for this process's life. */
    private static Optional<FileLock> takePlace(DaemonAddress address) throws IOException {
        for (Path p : address.places()) {
            FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l = ch.tryLock();
            if (l != null) {
                return Optional.of(l);
            }
            ch.close();
        }
        return Optional.empty();
    }

    /** The question that started this process is answered by the launcher on the same cores: it goes first (≤ 30 s). */
    private static void awaitAsker(String[] args) throws InterruptedException {
        long pid = args.length > 1 ? Long.parseLong(args[1]) : -1;
        Optional<ProcessHandle> asker = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        if (asker.isPresent()) {
            try {
                asker.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                // start anyway
            }
        }
    }

    private void serve() throws IOException {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "shebao-call");
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
                pool.shutdown(); // stopping: the calls under way finish first
                try {
                    pool.awaitTermination(60, TimeUnit.SECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            active.incrementAndGet(); // not idle while a call is under way
            try {
                pool.execute(() -> {
                    try (SocketChannel c = ch) {
                        answer(c);
                    } catch (IOException | RuntimeException e) {
                        log.println(Instant.now() + " a call failed: " + e);
                    } catch (Error e) {
                        // out of memory, a class that would not load…: a fresh JVM is the safe state
                        log.println(Instant.now() + " " + e + "; stopping");
                        stop();
                        throw e;
                    } finally {
                        active.decrementAndGet();
                    }
                });
            } catch (RejectedExecutionException e) {
                active.decrementAndGet();
                ch.close(); // all busy: closed without an offer, so the client answers by itself
            }
        }
    }

    private boolean jarChanged() {
        try {
            return !Files.getLastModifiedTime(address.jar()).equals(jarTime);
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

    private void answer(SocketChannel c) throws IOException {
        if (!DaemonClient.sameUser(c)) {
            return; // not a process of this user
        }
        // a client that does not say what it wants and go ahead in time is hung up on
        ScheduledFuture<?> guard = watch.schedule(() -> {
            try {
                c.close();
            } catch (IOException e) {
                // already closed
            }
        }, HANDSHAKE.toMillis(), TimeUnit.MILLISECONDS);
        DataInputStream in = new DataInputStream(Channels.newInputStream(c));
        DataOutputStream sink = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(c)));
        List<String> args;
        try {
            args = Frames.readRequest(in, address.key());
        } catch (java.io.EOFException e) {
            return; // closed before a request: `daemon status` checking that it answers
        }
        // a request is use (a probe of `daemon status`, which closes before one, is not: it must not keep
        // the process alive); so is its end, however it ends (a client gone, an Error)
        last = Instant.now();
        try {
            reply(args, in, sink, guard);
        } finally {
            last = Instant.now();
        }
    }

    private void reply(List<String> args, DataInputStream in, DataOutputStream sink, ScheduledFuture<?> guard)
            throws IOException {
        if (args == null) {
            guard.cancel(false);
            Frames.writeExit(sink, 0);
            log.println(Instant.now() + " stop requested");
            stop();
            return;
        }
        if (!DaemonClient.served(args)) {
            return; // not ours to answer: the client runs it
        }
        Frames.offer(sink);
        if (in.readByte() != Frames.GO || !guard.cancel(false)) {
            return;
        }
        PrintStream out = new PrintStream(new Frames.Stream(sink, Frames.OUT), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new Frames.Stream(sink, Frames.ERR), true, StandardCharsets.UTF_8);
        CALL_OUT.set(out);
        CALL_ERR.set(err);
        int code;
        try {
            code = Main.run(args.toArray(new String[0]), out, err);
        } catch (RuntimeException e) {
            err.println("shebao: internal error: " + e + " (SHEBAO_DAEMON=off ./shebao … --verbose shows the details)");
            log.println(Instant.now() + " internal error: " + e);
            code = 3;
        } finally {
            CALL_OUT.remove();
            CALL_ERR.remove();
        }
        out.flush();
        err.flush();
        Frames.writeExit(sink, code);
        long n = calls.incrementAndGet();
        if (n <= LOGGED_CALLS) {
            // the command only: arguments can hold identity numbers
            log.println(Instant.now() + " answered " + args.get(0) + ", exit " + code
                    + (n == LOGGED_CALLS ? " (later calls are not logged)" : ""));
        }
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
