package io.shebao.internal.output;

import io.shebao.ShebaoException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outputs whole or not at all: fault injection with a stream that fails after N bytes. */
class AtomicOutputTest {

    /** Fails like a full disk once {@code limit} bytes have been written. */
    static final class FailingAfter extends FilterOutputStream {
        private long left;

        FailingAfter(OutputStream out, long limit) {
            super(out);
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (left-- <= 0) {
                throw new IOException("No space left on device");
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }
    }

    static UnaryOperator<OutputStream> failAfter(long n) {
        return s -> new FailingAfter(s, n);
    }

    @Test
    void aWriteFailureLeavesThePreviousFileUntouchedAndNamesTheOutput(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("results.csv");
        Files.writeString(target, "the previous results\n");
        byte[] before = Files.readAllBytes(target);
        for (long n : new long[]{0, 1, 100, 70_000}) {
            OutputFailure f = assertThrows(OutputFailure.class, () -> {
                try (AtomicOutput out = AtomicOutput.open("--out", target, failAfter(n))) {
                    Writer w = out.writer();
                    for (int i = 0; i < 10_000; i++) {
                        w.write("row " + i + ",half a row is never written\n");
                    }
                    out.commit();
                }
            });
            assertEquals("--out", f.option());
            assertTrue(f.getMessage().startsWith("--out '" + target + "': cannot be written"), f.getMessage());
            assertTrue(f.getMessage().contains("No space left on device"), f.getMessage());
            assertArrayEquals(before, Files.readAllBytes(target), "failing after " + n + " bytes");
            assertEquals(List.of(target), listing(dir), "no temporary file is left behind");
        }
    }

    @Test
    void notCommittedMeansNotWritten(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("errors.csv");
        try (AtomicOutput out = AtomicOutput.open("--errors", target)) {
            out.writer().write("row,id\n1,x\n");
            out.writer().flush();
            assertFalse(Files.exists(target), "invisible until committed");
        }
        assertFalse(Files.exists(target));
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void commitReplacesWholeAndKeepsASymlinkPointingAtTheNewContent(@TempDir Path dir) throws IOException {
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real.getFileName());
        try (AtomicOutput out = AtomicOutput.open("--out", link)) {
            out.writer().write("new\n");
            out.commit();
        }
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new\n", Files.readString(real, StandardCharsets.UTF_8));
    }

    @Test
    void aFolderOrADeviceIsNotAnOutput(@TempDir Path dir) {
        assertThrows(OutputFailure.class, () -> AtomicOutput.open("--out", dir));
        assertThrows(OutputFailure.class, () -> AtomicOutput.open("--out", dir.resolve("missing/x.csv")));
        if (Files.exists(Path.of("/dev/null"))) {
            assertThrows(OutputFailure.class, () -> AtomicOutput.open("--out", Path.of("/dev/null")));
        }
    }

    @Test
    void pathClashFollowsSymlinksHardLinksAndRelativeNames(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("people.csv");
        Files.writeString(in, "id\n");
        Path sym = Files.createSymbolicLink(dir.resolve("alias.csv"), in.getFileName());
        Path hard = Files.createLink(dir.resolve("hard.csv"), in);
        Path dotted = dir.resolve("sub/../people.csv");
        for (Path out : List.of(in, sym, hard, dotted)) {
            ShebaoException e = assertThrows(ShebaoException.class, () -> PathClash.check(
                    List.of(PathClash.of("--in", in)), List.of(PathClash.of("--out", out))));
            assertTrue(e.getMessage().contains("--out") && e.getMessage().contains("--in"), e.getMessage());
        }
        ShebaoException twice = assertThrows(ShebaoException.class, () -> PathClash.check(List.of(),
                List.of(PathClash.of("--out", dir.resolve("r.csv")), PathClash.of("--errors", dir.resolve("./r.csv")))));
        assertTrue(twice.getMessage().startsWith("--errors: "), twice.getMessage());
        PathClash.check(List.of(PathClash.of("--in", in)), List.of(PathClash.of("--out", dir.resolve("r.csv"))));
    }

    @Test
    void spreadsheetFormulasAreNeutralisedNumbersAreNot() {
        assertEquals("'=HYPERLINK(\"x\")", SpreadsheetSafe.cell("=HYPERLINK(\"x\")"));
        for (String s : new String[]{"+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "-", "+"}) {
            assertEquals("'" + s, SpreadsheetSafe.cell(s));
        }
        for (String s : new String[]{"-12.50", "+3", "P0001", "张三", "", "1=1"}) {
            assertEquals(s, SpreadsheetSafe.cell(s));
        }
        assertEquals("'=1+1", io.shebao.population.CsvText.quote("=1+1"));
        assertEquals("\"'=1,1\"", io.shebao.population.CsvText.quote("=1,1"));
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
