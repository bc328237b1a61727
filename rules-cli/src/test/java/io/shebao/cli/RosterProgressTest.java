package io.shebao.cli;

import io.shebao.batch.BatchProgress;
import io.shebao.certificate.RosterRow;
import io.shebao.population.RowError;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The certificate's roster reports rows billed, not rows read, with the bytes the reader had consumed by then. */
class RosterProgressTest {

    /** What the bar was told: rows done, bytes, elapsed. */
    private record Told(long rows, long bytes, Duration elapsed) {
    }

    @Test
    void rowsAreDoneWhenTheNextIsAskedFor() {
        List<RosterRow> roster = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            roster.add(RosterRow.of(new RowError(i, "P" + i, "", "", "a row"))); // billed or refused alike
        }
        long[] bytes = {0};
        long[] clock = {1_000};
        Iterator<RosterRow> in = roster.iterator();
        // the reader reads ahead: by the time row k is handed out, it has consumed 100 bytes a row plus a buffer
        Iterator<RosterRow> counted = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public RosterRow next() {
                RosterRow r = in.next();
                bytes[0] = 100 * r.error().row() + 50;
                return r;
            }
        };
        List<Told> told = new ArrayList<>();
        BatchProgress bar = (rows, b, elapsed) -> told.add(new Told(rows, b, elapsed));
        RosterProgress p = new RosterProgress(counted, () -> bytes[0], bar, () -> clock[0]);

        List<Long> billed = new ArrayList<>();
        while (p.hasNext()) { // as CertificateEvaluator.stream walks the roster
            RosterRow r = p.next();
            clock[0] += 2_000_000_000L; // billing a row takes two seconds here
            billed.add(r.error().row());
        }
        assertEquals(List.of(1L, 2L, 3L), billed, "every row passes through, in order");
        assertEquals(List.of(
                new Told(0, 0, Duration.ZERO),
                new Told(1, 150, Duration.ofSeconds(2)),
                new Told(2, 250, Duration.ofSeconds(4)),
                new Told(3, 350, Duration.ofSeconds(6))), told,
                "rows done when the next is asked for, never the row in work or the reader's read-ahead beyond its bytes");
    }

    @Test
    void noBarNoWrapper() {
        Iterator<RosterRow> rows = List.<RosterRow>of().iterator();
        assertSame(rows, RosterProgress.of(rows, () -> 0, BatchProgress.NONE), "stderr not a terminal: the rows as they are");
    }
}
