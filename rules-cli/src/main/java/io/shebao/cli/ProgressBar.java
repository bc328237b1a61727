package io.shebao.cli;

import io.shebao.batch.BatchProgress;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * A one-line progress bar on stderr, redrawn at most five times a second, only when stderr is a terminal
 * ({@link #onTerminal}): redirected output gets no control characters. Told rows done and the input bytes
 * those rows consumed ({@link Progress}); commands call {@link #update} as work completes, not as it is read.
 */
final class ProgressBar implements BatchProgress {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;
    private final PrintWriter err;
    private final long totalBytes;
    private long lastDrawn = Long.MIN_VALUE;
    private int drawnLength;

    ProgressBar(PrintWriter err, long totalBytes) {
        this.err = err;
        this.totalBytes = totalBytes;
    }

    /**
     * A bar on the terminal, or nothing when stderr is not one (a pipe, a file, a test). The launcher tells whether
     * stderr is a terminal ({@value #STDERR_TERMINAL}: the JVM's {@code System.console()} says whether stdin and
     * stdout are, so {@code 2>log} on a terminal would get the bar's frames and {@code >out} none); run otherwise
     * ({@code java -jar}), the console decides.
     */
    static BatchProgress onTerminal(PrintWriter err, long totalBytes) {
        return stderrIsTerminal(System.getProperty(STDERR_TERMINAL), System.console() != null)
                ? new ProgressBar(err, totalBytes) : BatchProgress.NONE;
    }

    /** The system property the launcher sets to {@code true} or {@code false}. */
    static final String STDERR_TERMINAL = "shebao.stderr.terminal";

    static boolean stderrIsTerminal(String told, boolean console) {
        return told != null ? Boolean.parseBoolean(told) : console;
    }

    @Override
    public synchronized void update(long rowsDone, long bytesConsumed, Duration elapsed) {
        long now = elapsed.toNanos();
        if (lastDrawn != Long.MIN_VALUE && now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        String line = new Progress(rowsDone, bytesConsumed, totalBytes, elapsed).line(WIDTH);
        err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        drawnLength = line.length();
        err.flush();
    }

    @Override
    public synchronized void finished() {
        if (drawnLength > 0) {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            err.flush();
        }
    }
}
