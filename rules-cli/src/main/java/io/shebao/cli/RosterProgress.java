package io.shebao.cli;

import io.shebao.batch.BatchProgress;
import io.shebao.certificate.RosterRow;

import java.time.Duration;
import java.util.Iterator;
import java.util.function.LongSupplier;

/**
 * 名册进度: the certificate's roster, told to a progress bar as it is billed. The evaluator takes one row, bills it,
 * then asks for the next: when it asks, every row handed out so far is done, and the bytes the reader has consumed
 * are what those rows took (at most its buffer ahead). Rows done, not rows read, as for batch, whatif and replay.
 */
final class RosterProgress implements Iterator<RosterRow> {
    private final Iterator<RosterRow> rows;
    private final LongSupplier bytesRead;
    private final BatchProgress progress;
    private final LongSupplier nanoTime;
    private final long start;
    private long handedOut;

    RosterProgress(Iterator<RosterRow> rows, LongSupplier bytesRead, BatchProgress progress, LongSupplier nanoTime) {
        this.rows = rows;
        this.bytesRead = bytesRead;
        this.progress = progress;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    /** The roster's rows, reported to the progress as they are done; the rows themselves when there is no bar. */
    static Iterator<RosterRow> of(Iterator<RosterRow> rows, LongSupplier bytesRead, BatchProgress progress) {
        return progress == BatchProgress.NONE ? rows : new RosterProgress(rows, bytesRead, progress, System::nanoTime);
    }

    @Override
    public boolean hasNext() {
        // asked for another row: the ones handed out are billed (the bar redraws at most five times a second)
        progress.update(handedOut, bytesRead.getAsLong(), Duration.ofNanos(nanoTime.getAsLong() - start));
        return rows.hasNext();
    }

    @Override
    public RosterRow next() {
        RosterRow r = rows.next();
        handedOut++;
        return r;
    }
}
