package io.shebao.audit;

import io.shebao.ShebaoException;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 */
public final class AuditWriter implements Closeable {
    private final BufferedWriter out;
    private final Optional<SigningKey> key;
    private final Optional<Clock> clock;
    private long written;

    private AuditWriter(BufferedWriter out, Optional<SigningKey> key, Optional<Clock> clock) {
        this.out = out;
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
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new AuditWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE), key, clock);
        } catch (IOException e) {
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
        String line = r.line();
        synchronized (this) {
            try {
                out.write(line);
                out.write('\n');
                written++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return r;
    }

    public synchronized long written() {
        return written;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
