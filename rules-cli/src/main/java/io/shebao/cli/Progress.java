package io.shebao.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * 进度: how far a long command is, from what it has really done: rows done (written, replayed, compared) and
 * the bytes of the input those rows consumed, against the input's size. The ETA extrapolates from the bytes
 * consumed (rows differ in length, bytes are what the size is known in). Any command reading a file uses it
 * through {@link ProgressBar}.
 *
 * @param totalBytes the input's size; 0 or less when unknown (then no percentage and no ETA)
 */
record Progress(long rowsDone, long bytesConsumed, long totalBytes, Duration elapsed) {

    /** Fraction of the input consumed (0–1), when the size is known. */
    Optional<Double> fraction() {
        if (totalBytes <= 0) {
            return Optional.empty();
        }
        return Optional.of(Math.max(0, Math.min(1, (double) bytesConsumed / totalBytes)));
    }

    /** Rows per second so far. */
    double rate() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : rowsDone / s;
    }

    /** Time left at the pace so far, when something has been consumed and the size is known. */
    Optional<Duration> eta() {
        return fraction().filter(f -> f > 0).map(f -> Duration.ofNanos(Math.round(elapsed.toNanos() * (1 - f) / f)));
    }

    /** e.g. {@code [#########       ]  31% 12,288 rows  4,100 rows/s  ETA 6 s}. */
    String line(int barWidth) {
        StringBuilder b = new StringBuilder();
        Optional<Double> f = fraction();
        if (f.isPresent()) {
            int filled = (int) Math.floor(f.get() * barWidth);
            b.append('[').append("#".repeat(filled)).append(" ".repeat(barWidth - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%% ", (int) Math.floor(f.get() * 100)));
        }
        b.append(String.format(Locale.ROOT, "%,d rows  %,.0f rows/s", rowsDone, rate()));
        eta().ifPresent(e -> b.append("  ETA ").append(e.toSeconds()).append(" s"));
        return b.toString();
    }
}
