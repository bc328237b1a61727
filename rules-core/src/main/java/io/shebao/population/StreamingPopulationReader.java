package io.shebao.population;

import java.util.NoSuchElementException;

/** The iterator and byte count common to the CSV and JSONL readers: each only says how to read the next row. */
abstract class StreamingPopulationReader implements PopulationReader {
    private final PopulationReader.ByteCount bytes;
    private PopulationRow next;
    private boolean done;

    StreamingPopulationReader(PopulationReader.ByteCount bytes) {
        this.bytes = bytes;
    }

    /** The next row, or null at the end of the file. */
    abstract PopulationRow advance();

    @Override
    public long bytesRead() {
        return bytes.count();
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = advance();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public PopulationRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        PopulationRow r = next;
        next = null;
        return r;
    }

    /** The row {@link #next()} will return, read now (JSONL takes its columns from the first row). */
    PopulationRow peekRow() {
        return hasNext() ? next : null;
    }
}
