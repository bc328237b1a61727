package io.shebao.population;

/**
 * 运行中止: a batch or what-if run that could not account for every row (the input could not be read to its end, an output
 * could not be written, the JVM ran out of memory, a worker failed). Says how many rows were read and where
 * reading stopped, so that a run never ends as "rows read 0" with a success code. The outputs of such a run
 * are incomplete: the caller discards them (see {@link io.shebao.internal.output.AtomicOutput}).
 */
public final class RunStopped extends RuntimeException {
    private final long rowsRead;
    private final long lastRow;

    public RunStopped(long rowsRead, long lastRow, Throwable cause) {
        super("stopped after " + rowsRead + " rows read" + (lastRow > 0 ? " (last row read: " + lastRow + ")" : "")
                + ": " + describe(cause), cause);
        this.rowsRead = rowsRead;
        this.lastRow = lastRow;
    }

    /** Rows the reader had read when the run stopped. */
    public long rowsRead() {
        return rowsRead;
    }

    /** The row number of the last row read, 0 when none was. */
    public long lastRow() {
        return lastRow;
    }

    private static String describe(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "out of memory (give the JVM more heap, e.g. SHEBAO_JAVA_OPTS=-Xmx2g, or lower --max-record-size)";
        }
        Throwable c = t;
        while ((c instanceof java.util.concurrent.ExecutionException || c instanceof java.io.UncheckedIOException)
                && c.getCause() != null && c.getMessage() == null) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return m == null || m.isBlank() ? c.getClass().getSimpleName() : m;
    }
}
