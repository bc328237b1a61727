package io.shebao.audit;

import io.shebao.ShebaoException;
import io.shebao.internal.output.OutputFailure;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Optional;

/**
 * 审计输出: appends audit records to a JSONL file, one line each, signing them when given a key and
 * stamping {@code evaluatedAt} when given a clock. Thread-safe: whole lines are written under a lock, so
 * a batch may write from several threads. Every evaluating command writes through one of these.
 *
 * <p>Never a partial line: lines are collected and written whole; when a write fails (a full disk), the file
 * is truncated back to its last whole line and an {@link OutputFailure} naming {@code --audit-out} is
 * thrown. A file whose last line was cut by an earlier crash is repaired when opened: the cut line is
 * ended with a line break, so it stands alone (and {@code shebao replay} reports it as invalid, with its line
 * number) instead of being glued to the next record. {@link #rollback()} removes everything this writer
 * appended, for a run whose other outputs were discarded.
 */
public final class AuditWriter implements Closeable {
    private static final String OPTION = "--audit-out";
    private static final int FLUSH_AT = 1 << 20;

    private final Path file;
    private final FileChannel channel;
    private final Optional<SigningKey> key;
    private final Optional<Clock> clock;
    /** Size when opened (after a repair), and size after the last whole line written. */
    private final long startSize;
    private long committedSize;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private long written;
    private boolean closed;

    private AuditWriter(Path file, FileChannel channel, long size, Optional<SigningKey> key, Optional<Clock> clock) {
        this.file = file;
        this.channel = channel;
        this.startSize = size;
        this.committedSize = size;
        this.key = key;
        this.clock = clock;
    }

    /**
     * Opens the file for appending (created if absent).
     *
     * @param clock when present, each record gets {@code evaluatedAt} (outside the sealed content); leave it
     *              empty for byte-identical files from identical evaluations
     */
    public static AuditWriter append(Path file, Optional<SigningKey> key, Optional<Clock> clock) {
        FileChannel ch = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            long size = ch.size();
            if (size > 0) {
                ByteBuffer last = ByteBuffer.allocate(1);
                ch.read(last, size - 1);
                if (last.get(0) != '\n') {
                    // a line cut by an earlier crash: end it, so that it stays one (invalid) line of its own
                    ch.write(ByteBuffer.wrap(new byte[]{'\n'}), size);
                    size++;
                }
            }
            return new AuditWriter(file, ch, size, key, clock);
        } catch (IOException e) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // the first failure is the one reported
                }
            }
            throw ShebaoException.invalid("audit-out", file.toString(), "a file that can be created or appended to ("
                    + e.getMessage() + ")");
        }
    }

    /** Signs and stamps the record as configured, appends it, and returns what was written. */
    public AuditRecord write(AuditRecord record) {
        AuditRecord r = record;
        if (key.isPresent()) {
            r = r.signedWith(key.get());
        }
        if (clock.isPresent()) {
            r = r.withEvaluatedAt(clock.get().instant());
        }
        byte[] line = (r.line() + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            pending.writeBytes(line);
            written++;
            if (pending.size() >= FLUSH_AT) {
                flushPending();
            }
        }
        return r;
    }

    /** Writes the collected lines; on failure the file is cut back to its last whole line. */
    public synchronized void flush() {
        flushPending();
    }

    private void flushPending() {
        if (pending.size() == 0) {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(pending.toByteArray());
        pending.reset();
        try {
            long at = committedSize;
            while (b.hasRemaining()) {
                at += channel.write(b, at);
            }
            committedSize = at;
        } catch (IOException e) {
            truncate(committedSize);
            throw new UncheckedIOException(new OutputFailure(OPTION, file, "cannot be written; the file was cut back "
                    + "to its last whole record", e));
        }
    }

    /** Removes every line this writer appended (the file is as it was when opened, repair included). */
    public synchronized void rollback() {
        pending.reset();
        truncate(startSize);
        committedSize = startSize;
    }

    private void truncate(long size) {
        try {
            channel.truncate(size);
        } catch (IOException ignored) {
            // nothing more can be done; the next open repairs a cut line
        }
    }

    public synchronized long written() {
        return written;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            flushPending();
            channel.force(true);
        } catch (IOException e) {
            truncate(committedSize);
            throw new UncheckedIOException(new OutputFailure(OPTION, file, "cannot be written", e));
        } finally {
            closed = true;
            try {
                channel.close();
            } catch (IOException ignored) {
                // already reported or harmless
            }
        }
    }
}
