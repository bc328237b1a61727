package io.shebao.batch;

import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.audit.AuditRecord;
import io.shebao.audit.AuditHeader;
import io.shebao.audit.AuditTrailWriter;
import io.shebao.audit.AuditWriter;
import io.shebao.audit.EvaluationKind;
import io.shebao.internal.json.RetirementJson;
import io.shebao.internal.output.Utf8Buffer;
import io.shebao.population.ContributionRowParser;
import io.shebao.population.PopulationReader;
import io.shebao.population.PopulationRow;
import io.shebao.population.RetirementRowParser;
import io.shebao.population.RowError;
import io.shebao.population.RunStopped;
import io.shebao.retirement.RetirementQuery;
import io.shebao.retirement.RetirementResult;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * 批量核定: evaluates a population file row by row into a results file and an error file, in input order, in
 * constant memory, on several threads.
 *
 * <p>A reader thread cuts the input into chunks and hands them to a pool of workers; a bounded queue of the
 * chunks' futures, taken in submission order, is the reorder buffer, so the writer emits rows in input order
 * and the reader waits when the writer falls behind. The output is the same for any number of threads.
 * Every row read ends in the results or in the errors, with its row number and the reason.
 *
 * <pre>{@code
 * BatchSummary s = BatchRunner.builder(rules).threads(2).build()
 *         .run(PopulationReader.open(in), ResultFormat.CSV, out, errors);
 * }</pre>
 */
public final class BatchRunner {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BatchRunner.class);
    /**
     * Set to {@code false} to learn every month of a context from the rules, as before plans were shared across
     * periods: for measuring what the sharing saves (docs/PERFORMANCE.md); the output is the same either way.
     */
    public static final String SHARE_ACROSS_PERIODS = "shebao.batch.shareAcrossPeriods";
    private final ShebaoRules rules;
    private final int threads;
    private final int chunkSize;
    private final ContributionRowParser parser;
    private final boolean planned;
    private final BatchProgress progress;
    private final AuditWriter audit;
    private final AuditTrailWriter trail;
    private final Function<ContributionRequest, PlannedContribution> calculator;
    private final java.time.LocalDate retirementAsOf;
    private static final byte[] EMPTY = new byte[0];

    private BatchRunner(Builder b) {
        this.rules = b.rules;
        this.threads = b.threads;
        this.chunkSize = b.chunkSize;
        this.parser = b.parser;
        this.planned = b.planned && b.audit == null && b.calculator == null;
        if (b.audit != null && b.trail != null) {
            throw new IllegalArgumentException("one audit output per batch: a version-1 writer or a version-2 trail");
        }
        this.progress = b.progress;
        this.audit = b.audit;
        this.trail = b.trail;
        this.calculator = b.calculator;
        this.retirementAsOf = b.retirementAsOf;
    }

    public static Builder builder(ShebaoRules rules) {
        return new Builder(rules);
    }

    /**
     * One chunk's output, formatted by the worker so that the writer only copies it: text for a {@link Writer},
     * or its UTF-8 bytes, encoded by the worker, for an {@link OutputStream} (then the text fields are null).
     */
    private record Chunk(String results, String errors, byte[] resultsUtf8, byte[] errorsUtf8,
                         List<AuditRecord> audit, AuditHeader.Rows trail,
                         int written, int inError, int read, long bytesConsumed) {
    }

    /** Where the results and errors go: text to a writer, or UTF-8 bytes to a stream. */
    private interface Target {
        /** True when the workers encode their chunks to UTF-8 bytes. */
        boolean bytes();

        void write(String text) throws IOException;

        void write(byte[] utf8) throws IOException;

        void flush() throws IOException;

        static Target of(Writer w) {
            Objects.requireNonNull(w);
            return new Target() {
                public boolean bytes() {
                    return false;
                }

                public void write(String text) throws IOException {
                    w.write(text);
                }

                public void write(byte[] utf8) {
                    throw new IllegalStateException("a writer takes text");
                }

                public void flush() throws IOException {
                    w.flush();
                }
            };
        }

        static Target of(OutputStream s) {
            Objects.requireNonNull(s);
            return new Target() {
                public boolean bytes() {
                    return true;
                }

                public void write(String text) throws IOException {
                    s.write(text.getBytes(StandardCharsets.UTF_8));
                }

                public void write(byte[] utf8) throws IOException {
                    s.write(utf8);
                }

                public void flush() throws IOException {
                    s.flush();
                }
            };
        }
    }

    /**
     * Reads every row of {@code in}, writes results to {@code out} and rejected rows to {@code errors}
     * (both with their header), and closes {@code in}. The writers are flushed, not closed.
     *
     * @throws ShebaoException before the first row when a required column is missing
     * @throws RunStopped when not every row read could be accounted for (the input could not be read to
     *                      its end, an output failed, memory ran out): the outputs are then incomplete
     */
    public BatchSummary run(PopulationReader in, ResultFormat format, Writer out, Writer errors) {
        return run(in, format, Target.of(out), Target.of(errors));
    }

    /**
     * As {@link #run(PopulationReader, ResultFormat, Writer, Writer)}, writing UTF-8 to streams: the same bytes
     * as through a UTF-8 writer, encoded by the worker threads (not by the one thread that writes in input order).
     * The streams are flushed, not closed; they are written in large blocks (a chunk's output at a time).
     */
    public BatchSummary run(PopulationReader in, ResultFormat format, OutputStream out, OutputStream errors) {
        return run(in, format, Target.of(out), Target.of(errors));
    }

    private BatchSummary run(PopulationReader in, ResultFormat format, Target out, Target errors) {
        boolean encode = out.bytes();
        long start = System.nanoTime();
        try (in) {
            parser.requireColumns(in.columns());
            boolean retirement = RetirementRowParser.hasRetirementColumns(in.columns());
            ContributionPlanner planner = new ContributionPlanner(rules, ContributionPlanner.DEFAULT_MAX_CONTEXTS,
                    !"false".equals(System.getProperty(SHARE_ACROSS_PERIODS)));
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "shebao-batch-worker");
                t.setDaemon(true);
                return t;
            });
            BlockingQueue<Future<Chunk>> queue = new ArrayBlockingQueue<>(threads * 4);
            Future<Chunk> end = CompletableFuture.completedFuture(null);
            AtomicReference<Throwable> readFailure = new AtomicReference<>();
            java.util.concurrent.atomic.AtomicLong rowsRead = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicLong lastRow = new java.util.concurrent.atomic.AtomicLong();
            Thread reader = new Thread(() -> {
                try {
                    List<PopulationRow> rows = new ArrayList<>(chunkSize);
                    while (in.hasNext()) {
                        PopulationRow row = in.next();
                        rows.add(row);
                        rowsRead.incrementAndGet();
                        lastRow.set(row.rowNumber());
                        if (rows.size() == chunkSize) {
                            List<PopulationRow> chunk = rows;
                            long mark = in.bytesRead(); // the file consumed up to this chunk's last row (plus a buffer)
                            queue.put(pool.submit(() -> evaluate(chunk, format, planner, retirement, mark, encode)));
                            rows = new ArrayList<>(chunkSize);
                        }
                    }
                    if (!rows.isEmpty()) {
                        List<PopulationRow> chunk = rows;
                        long mark = in.bytesRead();
                        queue.put(pool.submit(() -> evaluate(chunk, format, planner, retirement, mark, encode)));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    readFailure.compareAndSet(null, e);
                } catch (Throwable e) {
                    // never swallowed, not even an Error: the run must not end as if the file had ended here
                    readFailure.set(e);
                } finally {
                    try {
                        queue.put(end);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, "shebao-batch-reader");
            reader.setDaemon(true);
            long read = 0;
            long written = 0;
            long inError = 0;
            try {
                out.write(format.header(retirement));
                errors.write(ResultFormat.errorHeader());
                reader.start();
                long lastProgress = 0;
                while (true) {
                    Future<Chunk> f = queue.take();
                    if (f == end) {
                        break;
                    }
                    Chunk c = f.get();
                    if (encode) {
                        out.write(c.resultsUtf8);
                        errors.write(c.errorsUtf8);
                    } else {
                        out.write(c.results);
                        errors.write(c.errors);
                    }
                    for (AuditRecord a : c.audit) {
                        audit.write(a); // in input order; the writer signs and stamps as configured
                    }
                    if (trail != null) {
                        trail.append(c.trail); // sealed and signed by the worker, in input order here
                    }
                    read += c.read;
                    written += c.written;
                    inError += c.inError;
                    long now = System.nanoTime();
                    if (now - lastProgress > 200_000_000L) {
                        lastProgress = now;
                        // rows written, and the bytes of the file consumed by them: not the reader's read-ahead
                        progress.update(read, c.bytesConsumed, Duration.ofNanos(now - start));
                    }
                }
                if (readFailure.get() != null) {
                    throw new RunStopped(rowsRead.get(), lastRow.get(), readFailure.get());
                }
                if (read != rowsRead.get() || read != written + inError) {
                    throw new RunStopped(rowsRead.get(), lastRow.get(), new IllegalStateException("rows read "
                            + rowsRead.get() + " but " + written + " written and " + inError + " in error"));
                }
                out.flush();
                errors.flush();
            } catch (RunStopped e) {
                throw e;
            } catch (IOException e) {
                throw new RunStopped(rowsRead.get(), lastRow.get(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunStopped(rowsRead.get(), lastRow.get(), e);
            } catch (ExecutionException e) {
                throw new RunStopped(rowsRead.get(), lastRow.get(), e.getCause() == null ? e : e.getCause());
            } catch (RuntimeException | Error e) {
                throw new RunStopped(rowsRead.get(), lastRow.get(), e);
            } finally {
                reader.interrupt();
                pool.shutdownNow();
            }
            progress.update(read, in.bytesRead(), Duration.ofNanos(System.nanoTime() - start));
            progress.finished();
            if (planned) {
                LOG.debug("planner: {} contexts kept, {} rule evaluations, {} contexts took another month's plan",
                        planner.contexts(), planner.ruleEvaluations(), planner.contextsSharedAcrossPeriods());
            }
            return new BatchSummary(read, written, inError, Duration.ofNanos(System.nanoTime() - start),
                    planned ? planner.contexts() : 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Chunk evaluate(List<PopulationRow> rows, ResultFormat format, ContributionPlanner planner, boolean retirement,
                           long bytesConsumed, boolean encode) {
        // the results as UTF-8 bytes straight away for a stream, else as text for a writer (the same bytes)
        StringBuilder res = encode ? null : new StringBuilder(rows.size() * 256);
        Utf8Buffer resBytes = encode ? new Utf8Buffer(rows.size() * 200) : null;
        StringBuilder err = new StringBuilder();
        List<AuditRecord> aud = new ArrayList<>();
        // the chunk's trail lines in one buffer (~1 KB a row), appended by the writer in a few writes
        AuditHeader.Rows trailRows = trail == null ? null : new AuditHeader.Rows(1100 * rows.size() + 1024);
        int written = 0;
        int inError = 0;
        for (PopulationRow row : rows) {
            ContributionRequest req = null;
            boolean inRetirement = false;
            try {
                req = parser.parse(row);
                PlannedContribution c;
                ContributionResult full = null;
                ContributionPlanner.TrailRow cased = null;
                if (audit != null) {
                    full = rules.contribution(req);
                    c = PlannedContribution.of(full);
                } else if (trail != null) {
                    // complete results (notes included), planned per decision context unless --per-row
                    if (planned && trail.header().formatVersion() >= AuditHeader.FORMAT_VERSION) {
                        // version 3: a row of a case the planner keeps cites the case, its notes stated once
                        cased = planner.trailRow(req);
                        full = cased.result();
                    } else {
                        full = planned ? planner.complete(req) : rules.contribution(req);
                    }
                    c = PlannedContribution.of(full);
                } else if (calculator != null) {
                    c = calculator.apply(req);
                } else {
                    c = planned ? planner.evaluate(req) : PlannedContribution.of(rules.contribution(req));
                }
                Optional<RetirementResult> retired = Optional.empty();
                inRetirement = true;
                if (retirement) { // a file without retirement columns asks no row a retirement question
                    // per row, never planned: the answer depends on the person's own birth month and months paid
                    Optional<RetirementQuery> q = RetirementRowParser.parse(row, req.region(),
                            retirementAsOf != null ? retirementAsOf : req.period().atDay(1));
                    if (q.isPresent()) {
                        retired = Optional.of(rules.retirement(q.get()));
                    }
                }
                if (full != null && audit != null) {
                    aud.add(rules.audit().record(full));
                    retired.ifPresent(x -> aud.add(rules.audit().record(x)));
                }
                if (full != null && trail != null) {
                    if (cased != null) {
                        trail.contributionRow(trailRows, req, full, cased.caseKey(), cased.notesAmount());
                    } else {
                        trail.contributionRow(trailRows, req, full);
                    }
                    if (retired.isPresent()) {
                        trailRows.add(trail.row(EvaluationKind.RETIREMENT, RetirementJson.query(retired.get().query()),
                                RetirementJson.result(retired.get()), retired.get().trace()));
                    }
                }
                Optional<YearMonth> retirementMonth = retired.map(RetirementResult::retirementMonth);
                if (encode) {
                    format.append(resBytes, row.rowNumber(), row.id(), c, retirement, retirementMonth);
                } else {
                    format.append(res, row.rowNumber(), row.id(), c, retirement, retirementMonth);
                }
                written++;
            } catch (ShebaoException e) {
                // a parameter unknown for the period is the period's fault, unless retirement asked for it
                RowError.of(row, e, "", req != null && !inRetirement ? req.period() : null).appendCsv(err);
                inError++;
            } catch (RuntimeException e) {
                // never lose a row: an unexpected failure is reported on the row, not thrown away
                ResultFormat.appendError(err, row.rowNumber(), row.id(), "", "", "internal error: " + e);
                inError++;
            }
        }
        if (encode) {
            return new Chunk(null, null, resBytes.toByteArray(), utf8(err), aud, trailRows, written, inError, rows.size(),
                    bytesConsumed);
        }
        return new Chunk(res.toString(), err.toString(), null, null, aud, trailRows, written, inError, rows.size(),
                bytesConsumed);
    }

    /** The bytes an {@code OutputStreamWriter} in UTF-8 writes for the text (an unpaired surrogate as '?'). */
    private static byte[] utf8(StringBuilder text) {
        return text.length() == 0 ? EMPTY : text.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static final class Builder {
        private final ShebaoRules rules;
        private int threads = Runtime.getRuntime().availableProcessors();
        private int chunkSize = 1024;
        private ContributionRowParser parser = ContributionRowParser.strict();
        private boolean planned = true;
        private BatchProgress progress = BatchProgress.NONE;
        private AuditWriter audit;
        private AuditTrailWriter trail;
        private Function<ContributionRequest, PlannedContribution> calculator;
        private java.time.LocalDate retirementAsOf;

        private Builder(ShebaoRules rules) {
            this.rules = Objects.requireNonNull(rules);
        }

        /** Worker threads (default: all cores). */
        /**
         * The date the rows' retirement questions are asked on (退休查询日), for every row; by default each row is
         * asked as of the first day of its own period (so a 2023 row gets the rules in force in 2023).
         */
        public Builder retirementAsOf(java.time.LocalDate asOf) {
            this.retirementAsOf = asOf;
            return this;
        }

        public Builder threads(int threads) {
            if (threads < 1) {
                throw ShebaoException.invalid("threads", threads, "a number of threads ≥ 1");
            }
            this.threads = threads;
            return this;
        }

        /** Rows per unit of work (default 1024); changes speed, never the output. */
        public Builder chunkSize(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("chunk size must be ≥ 1");
            }
            this.chunkSize = rows;
            return this;
        }

        /** How rows become requests: defaults for period and region, carry-forward. */
        public Builder parser(ContributionRowParser parser) {
            this.parser = Objects.requireNonNull(parser);
            return this;
        }

        /**
         * True (default): evaluate the rules once per decision context ({@link ContributionPlanner});
         * false: evaluate the rules for every row. Same output either way.
         */
        public Builder planned(boolean planned) {
            this.planned = planned;
            return this;
        }

        public Builder progress(BatchProgress progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        /**
         * Also write the canonical audit record (docs/AUDIT.md) of every computed row, in input order: its
         * contribution record, then its retirement record when the row asked for one; rows in error have
         * none. Rows are then evaluated by the rules one by one (complete results, notes included), which is
         * slower. The writer is not closed.
         */
        public Builder audit(AuditWriter audit) {
            this.audit = audit;
            return this;
        }

        /**
         * Also write every computed row to a version-2 audit trail (docs/AUDIT.md): one header, then per row its
         * contribution record and, when the row asked for one, its retirement record, in input order; rows in
         * error have none. Contributions are complete results (notes included) from the per-context plans
         * ({@link ContributionPlanner#complete}), or from the rules per row when not {@link #planned}. Rows
         * are sealed and signed on the worker threads. The writer is not closed.
         */
        public Builder auditTrail(AuditTrailWriter trail) {
            this.trail = trail;
            return this;
        }

        /**
         * Replaces the rules by another calculator with the same contract (throws {@link ShebaoException} for a
         * row it cannot compute). For benchmarks: the hand-written baseline runs through the same reader,
         * threads and writer, so a comparison measures the calculation alone.
         */
        public Builder calculator(Function<ContributionRequest, PlannedContribution> calculator) {
            this.calculator = calculator;
            return this;
        }

        public BatchRunner build() {
            return new BatchRunner(this);
        }
    }
}
