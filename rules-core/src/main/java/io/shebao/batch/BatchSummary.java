package io.shebao.batch;

import java.time.Duration;
import java.util.Locale;

/**
 * What a batch run did: every row read is either written or in error.
 *
 * @param contexts distinct decision contexts the planner evaluated with the rules (0 when per-row)
 */
public record BatchSummary(long rowsRead, long rowsWritten, long rowsInError, Duration elapsed, int contexts) {

    public double rowsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : rowsRead / s;
    }

    /** "rows read 1000, written 990, in error 10, elapsed 1.234 s, 810 rows/s". */
    public String line() {
        return String.format(Locale.ROOT, "rows read %d, written %d, in error %d, elapsed %.3f s, %.0f rows/s",
                rowsRead, rowsWritten, rowsInError, elapsed.toNanos() / 1e9, rowsPerSecond());
    }
}
