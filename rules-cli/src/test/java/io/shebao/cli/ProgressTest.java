package io.shebao.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The progress tells what was done: rows done, rate, and an ETA from the bytes those rows consumed. */
class ProgressTest {
    @Test
    void etaFromBytesConsumedNotFromRows() {
        Progress p = new Progress(1024, 250_000, 1_000_000, Duration.ofSeconds(10));
        assertEquals(Optional.of(0.25), p.fraction());
        assertEquals(Optional.of(Duration.ofSeconds(30)), p.eta());
        assertEquals(102.4, p.rate(), 1e-9);
        assertEquals("[#######                       ]  25% 1,024 rows  102 rows/s  ETA 30 s", p.line(30));
    }

    @Test
    void unknownSizeGivesRowsAndRateOnly() {
        Progress p = new Progress(10, 500, 0, Duration.ofSeconds(2));
        assertEquals(Optional.empty(), p.eta());
        assertEquals("10 rows  5 rows/s", p.line(30));
        assertEquals(Optional.empty(), new Progress(0, 0, 100, Duration.ZERO).eta(), "nothing consumed: no ETA yet");
    }

    @Test
    void theBarIsRedrawnAtMostFiveTimesASecondAndClearedAtTheEnd() {
        StringWriter s = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(s), 100);
        bar.update(1, 10, Duration.ofMillis(0));
        bar.update(2, 20, Duration.ofMillis(100)); // too soon
        bar.update(3, 30, Duration.ofMillis(250));
        String drawn = s.toString();
        assertTrue(drawn.contains("% 1 rows") && drawn.contains("% 3 rows") && !drawn.contains("% 2 rows"), drawn);
        bar.finished();
        assertTrue(s.toString().endsWith("\r"), "the line is blanked");
        assertFalse(ProgressBar.onTerminal(new PrintWriter(new StringWriter()), 100) instanceof ProgressBar,
                "no bar when stderr is not a terminal (tests run without one)");
    }

    @Test
    void theLaunchersWordOnStderrWinsOverTheConsole() {
        assertTrue(ProgressBar.stderrIsTerminal("true", false), "stdout redirected, stderr on the terminal: a bar");
        assertFalse(ProgressBar.stderrIsTerminal("false", true), "2>log from a terminal: no bar in the log");
        assertTrue(ProgressBar.stderrIsTerminal(null, true), "java -jar on a terminal: the console decides");
        assertFalse(ProgressBar.stderrIsTerminal(null, false));
    }
}
