package io.shebao.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.trace.Trace;

import java.io.BufferedOutputStream;
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
 * 审计轨迹输出: appends a version-2 section (docs/AUDIT.md) to a JSONL file: its header before the first row,
 * then rows. Rows are formatted, sealed and signed by {@link #row} on any thread (workers do it in parallel)
 * and appended in order by {@link #append}. A run that writes no row writes no header either.
 */
public final class AuditTrailWriter implements Closeable {
    /** UTF-8 bytes: rows come encoded from the workers, and the header and messages lines are encoded here. */
    private final BufferedOutputStream out;
    private final AuditHeader header;
    private final Optional<Clock> clock;
    private boolean headerWritten;
    /** Message references defined in this section so far. */
    private final java.util.Set<String> defined = new java.util.HashSet<>();
    /**
     * Citation maps whose every entry is defined in this section, by identity: the rows of a case or of a list of
     * notes share one read-only map, looked up once per row here instead of each of its references. Bounded.
     */
    private final java.util.Set<java.util.Map<String, com.fasterxml.jackson.databind.JsonNode>> definedMaps =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private static final int MAX_DEFINED_MAPS = 200_000;
    private long rows;
    private final Path file;
    /** The file's size when opened: {@link #rollback()} truncates back to it. */
    private final long startSize;

    private AuditTrailWriter(BufferedOutputStream out, AuditHeader header, Optional<Clock> clock, Path file, long startSize) {
        this.out = out;
        this.header = header;
        this.clock = clock;
        this.file = file;
        this.startSize = startSize;
    }

    /**
     * Opens the file for appending (created if absent) for rows computed by these rules (their scenario, if a
     * view has one), signed with the key when given.
     *
     * @param clock when present, each row gets {@code evaluatedAt} (outside the digest)
     */
    public static AuditTrailWriter append(Path file, ShebaoRules rules, Optional<SigningKey> key, Optional<Clock> clock) {
        return append(file, rules, key, clock, AuditHeader.ROWS_FORMAT_VERSION);
    }

    /**
     * As {@link #append(Path, ShebaoRules, Optional, Optional)}, in this format version: {@code 2} (each row states its
     * result and trace) or {@code 3} (a contribution row cites its case, stated once; docs/AUDIT.md).
     */
    public static AuditTrailWriter append(Path file, ShebaoRules rules, Optional<SigningKey> key, Optional<Clock> clock,
                                          int version) {
        AuditHeader header = AuditHeader.of(rules, key, version);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            long size = Files.exists(file) ? Files.size(file) : 0;
            // a 64 KB buffer: a chunk of 512 rows is ~0.5 MB, written in a few system calls rather than ~60
            return new AuditTrailWriter(new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE), 1 << 16), header, clock, file, size);
        } catch (IOException e) {
            throw ShebaoException.invalid("audit-out", file.toString(), "a file that can be created or appended to ("
                    + e.getMessage() + ")");
        }
    }

    public AuditHeader header() {
        return header;
    }

    /** One row, formatted, sealed and signed; thread-safe. */
    public AuditHeader.Row row(EvaluationKind kind, ObjectNode request, ObjectNode result, Trace trace) {
        return header.row(kind, request, result, trace, clock.map(Clock::instant));
    }

    /** A contribution's row (the batch's), formatted from the result itself, sealed and signed; thread-safe. */
    public AuditHeader.Row contributionRow(io.shebao.contribution.ContributionRequest request,
                                           io.shebao.contribution.ContributionResult result) {
        return header.contributionRow(request, result, clock.map(Clock::instant));
    }

    /** A contribution's row written at the end of a chunk's rows (the batch worker's); thread-safe. */
    public void contributionRow(AuditHeader.Rows into, io.shebao.contribution.ContributionRequest request,
                                io.shebao.contribution.ContributionResult result) {
        header.contributionRow(into, request, result, clock.map(Clock::instant));
    }

    /**
     * A version-3 row of a case the planner keeps, written at the end of a chunk's rows (the batch worker's; see
     * {@link AuditHeader#contributionRow(AuditHeader.Rows, io.shebao.contribution.ContributionRequest,
     * io.shebao.contribution.ContributionResult, Object, String, Optional)}); thread-safe.
     */
    public void contributionRow(AuditHeader.Rows into, io.shebao.contribution.ContributionRequest request,
                                io.shebao.contribution.ContributionResult result, Object caseKey, String notesAmount) {
        header.contributionRow(into, request, result, caseKey, notesAmount, clock.map(Clock::instant));
    }

    /**
     * Appends a chunk's rows in order, as {@link #append(java.util.List)} appends the same rows one by one: the
     * header before the first, a "messages" line before a row citing messages no earlier row cited, and the
     * lines between such rows in one write each (the chunk's own bytes: not copied row by row on this thread).
     */
    public synchronized void append(AuditHeader.Rows chunk) {
        if (chunk.size() == 0) {
            return;
        }
        try {
            writeHeaderOnce();
            int from = 0;
            for (int i = 0; i < chunk.size(); i++) {
                java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> fresh = fresh(chunk.messages(i));
                if (fresh != null) {
                    out.write(chunk.array(), from, chunk.start(i) - from);
                    from = chunk.start(i);
                    writeMessages(fresh);
                }
            }
            out.write(chunk.array(), from, chunk.end(chunk.size() - 1) - from);
            rows += chunk.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeHeaderOnce() throws IOException {
        if (!headerWritten) {
            out.write(header.line().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            headerWritten = true;
        }
    }

    /** The messages a row cites that no earlier row cited, or null (most rows). */
    private java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> fresh(
            java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> cited) {
        if (cited.isEmpty() || definedMaps.contains(cited)) {
            return null;
        }
        java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> fresh = null;
        for (String ref : cited.keySet()) { // keys, not entries: a read-only map's entries are wrapped
            if (!defined.contains(ref)) {
                fresh = fresh != null ? fresh : new java.util.LinkedHashMap<>();
                fresh.put(ref, cited.get(ref));
            }
        }
        // a case's map (shared by its rows: ImmutableMap, RowCase) is kept; a row's own map is a new object each row
        if (cited instanceof com.google.common.collect.ImmutableMap && definedMaps.size() < MAX_DEFINED_MAPS) {
            definedMaps.add(cited);
        }
        return fresh;
    }

    private void writeMessages(java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> fresh) throws IOException {
        out.write(header.messagesLine(fresh).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        defined.addAll(fresh.keySet());
    }

    /**
     * Appends rows formatted by {@link #row}, in order: the header before the first, and before each row a
     * "messages" line defining the messages it cites that no earlier row cited.
     */
    public synchronized void append(java.util.List<AuditHeader.Row> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            writeHeaderOnce();
            for (AuditHeader.Row r : batch) {
                java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> fresh = fresh(r.messages());
                if (fresh != null) {
                    writeMessages(fresh);
                }
                r.writeTo(out);
                out.write('\n');
                rows++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes everything this writer appended (the file is as it was when opened): a run whose results were
     * discarded leaves no audit rows behind.
     */
    public synchronized void rollback() {
        try {
            out.close();
        } catch (IOException ignored) {
            // truncating below is what matters
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(startSize);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows appended so far. */
    public synchronized long written() {
        return rows;
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
