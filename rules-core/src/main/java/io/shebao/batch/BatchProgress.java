package io.shebao.batch;

import java.time.Duration;

/** Told about a running batch from time to time (the CLI draws a progress bar with it). */
@FunctionalInterface
public interface BatchProgress {
    BatchProgress NONE = (rows, bytes, elapsed) -> { };

    /**
     * @param rowsDone rows written or in error so far
     * @param bytesRead bytes of the input read so far (with the file size, gives the ETA)
     */
    void update(long rowsDone, long bytesRead, Duration elapsed);

    /** Called once after the last row. */
    default void finished() {
    }
}
