package io.shebao.internal.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

import static com.google.common.base.Preconditions.checkState;

/**
 * 原子输出: one output file written whole or not at all. The content goes to a temporary file beside the
 * target ({@code .NAME.RANDOM.part}, same folder so that the move cannot cross file systems); {@link #commit()}
 * flushes it to disk and moves it onto the target with {@link StandardCopyOption#ATOMIC_MOVE}; {@link #close()}
 * without a commit deletes it. A reader of the target therefore sees the previous file or the complete new
 * one, never a half-written one, whatever fails in between (a full disk, an exception, a kill).
 *
 * <pre>{@code
 * try (AtomicOutput out = AtomicOutput.open("--out", Path.of("results.csv"))) {
 *     Writer w = out.writer();
 *     w.write("...");
 *     out.commit();               // only now does results.csv change
 * }                               // not committed: results.csv untouched, the temporary file deleted
 * }</pre>
 *
 * Every write error is an {@link OutputFailure} naming the option and the target. A target that is a
 * symlink is resolved first (the file it points to is replaced, the link stays); a target that exists and
 * is not a regular file (a folder, {@code /dev/null}) is refused when opening. Not thread-safe.
 */
public final class AtomicOutput implements Closeable {
    private final String option;
    private final Path target;
    private final Path temp;
    private final OutputStream stream;
    private Writer writer;
    private boolean committed;
    private boolean closed;

    private AtomicOutput(String option, Path target, Path temp, OutputStream stream) {
        this.option = option;
        this.target = target;
        this.temp = temp;
        this.stream = stream;
    }

    /** Opens {@code target} for writing under the name {@code option} (e.g. {@code --out}). */
    public static AtomicOutput open(String option, Path target) throws OutputFailure {
        return open(option, target, UnaryOperator.identity());
    }

    /**
     * As {@link #open(String, Path)}, with the file's stream passed through {@code filter} first: for tests
     * that inject a failure (a stream that fails after N bytes) and prove the target untouched.
     */
    public static AtomicOutput open(String option, Path target, UnaryOperator<OutputStream> filter) throws OutputFailure {
        Objects.requireNonNull(option);
        Path real = resolve(option, target);
        Path dir = real.toAbsolutePath().getParent();
        String name = real.getFileName().toString();
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
            try {
                OutputStream file = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return new AtomicOutput(option, real, temp, new Named(filter.apply(file), option, target));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw new OutputFailure(option, target, "cannot create a temporary file beside it", e);
                }
            } catch (IOException e) {
                throw new OutputFailure(option, target, "cannot be written", e);
            }
        }
    }

    private static Path resolve(String option, Path target) throws OutputFailure {
        Path p = target;
        try {
            if (Files.isSymbolicLink(p)) {
                p = p.toRealPath();
            }
        } catch (IOException e) {
            throw new OutputFailure(option, target, "is a symbolic link that cannot be followed", e);
        }
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputFailure(option, target, "is not a regular file (give a file name, not a folder or a device)", null);
        }
        Path dir = p.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new OutputFailure(option, target, "cannot be written: the folder " + dir + " does not exist", null);
        }
        return p;
    }

    /** The raw stream (closed by {@link #commit()} or {@link #close()}). */
    public OutputStream stream() {
        return stream;
    }

    /** A buffered UTF-8 writer over {@link #stream()}; the same writer on every call. */
    public Writer writer() {
        if (writer == null) {
            writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        }
        return writer;
    }

    public Path target() {
        return target;
    }

    public String option() {
        return option;
    }

    /** Flushes, forces the content to disk, and moves the temporary file onto the target. */
    public void commit() throws OutputFailure {
        checkState(!committed && !closed, "%s: already %s", option, committed ? "committed" : "closed");
        try {
            if (writer != null) {
                writer.flush();
            }
            stream.close();
            try (var ch = java.nio.channels.FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new OutputFailure(option, target, "the file system cannot replace it atomically", e);
            }
            committed = true;
        } catch (OutputFailure e) {
            discard();
            throw e;
        } catch (IOException e) {
            discard();
            throw new OutputFailure(option, target, "cannot be written", e);
        }
    }

    public boolean committed() {
        return committed;
    }

    /** Without a {@link #commit()}: deletes the temporary file and leaves the target as it was. */
    @Override
    public void close() {
        if (!committed) {
            discard();
        }
    }

    private void discard() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stream.close();
        } catch (IOException ignored) {
            // the file is deleted next; the first failure is the one reported
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a leftover .part file is harmless; the target is untouched either way
        }
    }

    /** Turns every IOException into an {@link OutputFailure} naming the output. */
    private static final class Named extends FilterOutputStream {
        private final String option;
        private final Path target;

        Named(OutputStream out, String option, Path target) {
            super(out);
            this.option = option;
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw named(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw named(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw named(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw named(e);
            }
        }

        private IOException named(IOException e) {
            return e instanceof OutputFailure ? e : new OutputFailure(option, target, "cannot be written", e);
        }
    }
}
