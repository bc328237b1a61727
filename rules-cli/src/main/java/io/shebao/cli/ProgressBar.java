package io.shebao.cli;

import io.shebao.batch.BatchProgress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** A one-line progress bar on stderr (only used when it is a terminal): rows done, rate and ETA. */
final class ProgressBar implements BatchProgress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final long totalBytes;

    ProgressBar(PrintWriter err, long totalBytes) {
        this.err = err;
        this.totalBytes = totalBytes;
    }

    @Override
    public void update(long rowsDone, long bytesRead, Duration elapsed) {
        double fraction = totalBytes <= 0 ? 1 : Math.min(1, (double) bytesRead / totalBytes);
        double seconds = elapsed.toNanos() / 1e9;
        double rate = seconds <= 0 ? 0 : rowsDone / seconds;
        long eta = fraction <= 0 ? 0 : Math.round(seconds / fraction - seconds);
        int filled = (int) Math.round(fraction * WIDTH);
        err.printf(Locale.ROOT, "\r[%s%s] %3.0f%% %,d rows  %,.0f rows/s  ETA %d s ", "#".repeat(filled),
                " ".repeat(WIDTH - filled), fraction * 100, rowsDone, rate, eta);
        err.flush();
    }

    @Override
    public void finished() {
        err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
        err.flush();
    }
}
