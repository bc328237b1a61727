package io.shebao.batch;

import io.shebao.ShebaoRules;
import io.shebao.audit.Audit;
import io.shebao.audit.AuditTrailReader;
import io.shebao.audit.ReplayOutcome;
import io.shebao.audit.ReplayTally;
import io.shebao.audit.VerifyingKey;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.scenario.Scenario;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * 批量重放: replays an audit file (version 1 or 2) on several threads with the same verdicts as
 * {@link Audit#replayAll} record by record, in file order, in constant memory.
 *
 * <p>A reader thread cuts the lines into chunks (it reads version-2 headers itself, so each row travels with
 * its header) and hands them to a pool of workers; a bounded queue of the chunks' futures, taken in order, is
 * the reorder buffer, as in {@link BatchRunner}. Workers parse, check digests and signatures and recompute:
 * contributions with a {@link ContributionPlanner} per rules view ({@link ContributionPlanner#complete}, the
 * same complete results as the rules), retirement answers with the rules. The comparison is
 * {@link Audit#replay(io.shebao.audit.AuditRecord, Optional, long, java.util.function.BiFunction)}, the same
 * code as the record-by-record path. A version-2 contribution row (a batch trail's) is first compared field by
 * field with its context's plan ({@link Audit#replayIfIdentical}: no expansion to version 1, no JSON of today's
 * record), which answers only when the row is certainly identical; every other row takes the path above.
 * {@code ReplayEquivalenceProperties} proves the verdicts equal, record by record.
 */
public final class ReplayRunner {
    private final Audit audit;
    private final Optional<VerifyingKey> key;
    private final int threads;
    private final int chunkSize;
    private final boolean planned;
    private final BatchProgress progress;
    private final Map<String, ContributionPlanner> planners = new ConcurrentHashMap<>();

    private ReplayRunner(Builder b) {
        this.audit = b.audit;
        this.key = b.key;
        this.threads = b.threads;
        this.chunkSize = b.chunkSize;
        this.planned = b.planned;
        this.progress = b.progress;
    }

    /** Replays with these rules (and the scenarios given to {@code audit.withScenarios}). */
    public static Builder builder(Audit audit) {
        return new Builder(audit);
    }

    private record Item(long line, String text, Optional<io.shebao.audit.AuditHeader> header, String whyNoHeader,
                        AuditTrailReader.Entry headerEntry) {
    }

    /** How a version-2 contribution row starts, as {@code AuditHeader.row} writes it. */
    private static final String CONTRIBUTION_ROW = "{\"kind\":\"contribution\"";

    private record Chunk(List<ReplayOutcome> outcomes, long lines, long bytesConsumed) {
    }

    /**
     * Replays every line of {@code in} (UTF-8 JSONL), handing each outcome to {@code each} in file order on the
     * calling thread. Blank lines are skipped; line numbers count every line. The stream is not closed.
     */
    public ReplayTally run(InputStream in, Consumer<ReplayOutcome> each) {
        long start = System.nanoTime();
        Counted counted = new Counted(in);
        BufferedReader lines = new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8), 1 << 16);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "shebao-replay-worker");
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<Future<Chunk>> queue = new ArrayBlockingQueue<>(threads * 4);
        Future<Chunk> end = CompletableFuture.completedFuture(null);
        AtomicReference<Throwable> readFailure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                AuditTrailReader trail = new AuditTrailReader();
                List<Item> items = new ArrayList<>(chunkSize);
                // bounded: a line over the limit is an invalid record (its text is not kept), not the end of the run
                io.shebao.audit.AuditLines bounded = new io.shebao.audit.AuditLines(lines);
                while (bounded.next()) {
                    long n = bounded.number();
                    if (bounded.oversized()) {
                        items.add(new Item(n, null, Optional.empty(), "", new AuditTrailReader.Unreadable(n,
                                "the line is longer than " + bounded.limit()
                                        + " characters; an audit record is far smaller (limit: docs/LIMITS.md)")));
                    } else {
                        String l = bounded.text();
                        if (l.isBlank()) {
                            continue;
                        }
                        Optional<AuditTrailReader.Entry> h = AuditTrailReader.mayBeHeader(l) ? trail.header(l, n)
                                : Optional.empty();
                        items.add(h.isPresent() ? new Item(n, null, Optional.empty(), "", h.get())
                                : new Item(n, l, trail.header(), trail.whyNoHeader(), null));
                    }
                    if (items.size() == chunkSize) {
                        submit(pool, queue, items, counted.count);
                        items = new ArrayList<>(chunkSize);
                    }
                }
                if (!items.isEmpty()) {
                    submit(pool, queue, items, counted.count);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) { // an I/O error arrives as UncheckedIOException
                readFailure.set(e);
            } finally {
                try {
                    queue.put(end);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "shebao-replay-reader");
        reader.setDaemon(true);
        ReplayTally tally = new ReplayTally();
        long done = 0;
        try {
            reader.start();
            while (true) {
                Future<Chunk> f = queue.take();
                if (f == end) {
                    break;
                }
                Chunk c = f.get();
                for (ReplayOutcome o : c.outcomes) {
                    tally.add(o.status());
                    each.accept(o);
                }
                done += c.lines;
                progress.update(done, c.bytesConsumed, Duration.ofNanos(System.nanoTime() - start));
            }
            if (readFailure.get() != null) {
                Throwable t = readFailure.get();
                throw t instanceof RuntimeException re ? re : new IllegalStateException(t);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("replay worker failed: " + e.getCause(), e.getCause());
        } finally {
            reader.interrupt();
            pool.shutdownNow();
        }
        progress.finished();
        return tally;
    }

    private void submit(ExecutorService pool, BlockingQueue<Future<Chunk>> queue, List<Item> items, long bytes)
            throws InterruptedException {
        queue.put(pool.submit(() -> replay(items, bytes)));
    }

    private Chunk replay(List<Item> items, long bytes) {
        List<ReplayOutcome> out = new ArrayList<>(items.size());
        for (Item it : items) {
            if (planned && it.headerEntry == null && it.header.isPresent() && it.text.startsWith(CONTRIBUTION_ROW)) {
                // a batch row: compared field by field with its context's plan, or replayed as usual below
                Optional<ReplayOutcome> o = audit.replayIfIdentical(it.text, it.line, it.header.get(), key, this::contribution);
                if (o.isPresent()) {
                    out.add(o.get());
                    continue;
                }
            }
            AuditTrailReader.Entry e = it.headerEntry != null ? it.headerEntry
                    : AuditTrailReader.row(it.text, it.line, it.header, it.whyNoHeader);
            if (e instanceof AuditTrailReader.Header h) {
                audit.checkHeader(h.header(), key, h.line()).ifPresent(out::add);
            } else if (e instanceof AuditTrailReader.Messages) {
                continue; // definitions, checked when read; rows citing them are replayed
            } else if (e instanceof AuditTrailReader.Record r) {
                out.add(planned ? audit.replay(r.record(), key, r.line(), this::contribution)
                        : audit.replay(r.record(), key, r.line()));
            } else {
                out.add(ReplayOutcome.unreadable(e.line(), ((AuditTrailReader.Unreadable) e).problem()));
            }
        }
        return new Chunk(out, items.size(), bytes);
    }

    /** One planner per rules view: the baseline, or a scenario's view (by its content hash). */
    private ContributionResult contribution(ShebaoRules view, ContributionRequest request) {
        String id = view.scenario().map(Scenario::hash).orElse("");
        return planners.computeIfAbsent(id, k -> new ContributionPlanner(view)).complete(request);
    }

    /** Counts the bytes read from the file, for the progress. */
    private static final class Counted extends FilterInputStream {
        volatile long count;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    public static final class Builder {
        private final Audit audit;
        private Optional<VerifyingKey> key = Optional.empty();
        private int threads = Runtime.getRuntime().availableProcessors();
        private int chunkSize = 512;
        private boolean planned = true;
        private BatchProgress progress = BatchProgress.NONE;

        private Builder(Audit audit) {
            this.audit = Objects.requireNonNull(audit);
        }

        /** With a key, every record must be signed by it (as {@code replay --verify-key}). */
        public Builder verifyingKey(Optional<VerifyingKey> key) {
            this.key = Objects.requireNonNull(key);
            return this;
        }

        public Builder threads(int threads) {
            if (threads < 1) {
                throw io.shebao.ShebaoException.invalid("threads", threads, "a number of threads ≥ 1");
            }
            this.threads = threads;
            return this;
        }

        /** Lines per unit of work (default 512); changes speed, never the outcomes. */
        public Builder chunkSize(int lines) {
            if (lines < 1) {
                throw new IllegalArgumentException("chunk size must be ≥ 1");
            }
            this.chunkSize = lines;
            return this;
        }

        /** True (default): recompute contributions per decision context; false: with the rules per record. */
        public Builder planned(boolean planned) {
            this.planned = planned;
            return this;
        }

        /** Told lines done and the bytes of the file they consumed, after each chunk. */
        public Builder progress(BatchProgress progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        public ReplayRunner build() {
            return new ReplayRunner(this);
        }
    }
}
