package io.shebao.hostile;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.audit.AuditRecord;
import io.shebao.audit.AuditWriter;
import io.shebao.audit.ReplayOutcome;
import io.shebao.audit.ReplayStatus;
import io.shebao.audit.ReplayTally;
import io.shebao.batch.BatchRunner;
import io.shebao.batch.BatchSummary;
import io.shebao.batch.ResultFormat;
import io.shebao.contribution.ContributionRequest;
import io.shebao.internal.output.OutputFailure;
import io.shebao.population.Columns;
import io.shebao.population.PopulationReader;
import io.shebao.population.PopulationRow;
import io.shebao.population.RunStopped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hostile-input classes of issue 10 through the API (the CLI side: HostileInputCliIT in rules-cli). */
class HostileApiTest {
    private static final ShebaoRules RULES = ShebaoRules.load();
    private static final String HEADER = "id,region,period,wage,risk_class\n";

    private static String population(int rows) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 1; i <= rows; i++) {
            sb.append(i).append(",wuhan,2025-09,").append(3000 + i).append(",1\n");
        }
        return sb.toString();
    }

    private static PopulationReader csv(String text) {
        return PopulationReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), PopulationReader.Format.CSV);
    }

    /** A reader that runs out of memory at a given row, as a 100 MB line once did. */
    private static PopulationReader failingAt(PopulationReader in, int row, Error error) {
        return new PopulationReader() {
            int n;

            @Override
            public Columns columns() {
                return in.columns();
            }

            @Override
            public long bytesRead() {
                return in.bytesRead();
            }

            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public PopulationRow next() {
                if (++n == row) {
                    throw error;
                }
                return in.next();
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    @Test
    void anOutOfMemoryErrorInTheReaderIsNeverASuccessWithZeroRows() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        RunStopped e = assertThrows(RunStopped.class, () -> BatchRunner.builder(RULES).threads(2).chunkSize(10).build()
                .run(failingAt(csv(population(100)), 57, new OutOfMemoryError("Java heap space")), ResultFormat.CSV, out, err));
        assertEquals(56, e.rowsRead());
        assertEquals(56, e.lastRow());
        assertTrue(e.getMessage().startsWith("stopped after 56 rows read (last row read: 56): out of memory"), e.getMessage());
    }

    @Test
    void aWriterFailingAfterNBytesStopsTheRunNamingTheOutput() {
        for (int n : new int[]{0, 10, 5_000}) {
            Writer failing = new Writer() {
                int left = n;

                @Override
                public void write(char[] cbuf, int off, int len) throws IOException {
                    if ((left -= len) < 0) {
                        throw new OutputFailure("--out", Path.of("r.csv"), "cannot be written",
                                new IOException("No space left on device"));
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            RunStopped e = assertThrows(RunStopped.class, () -> BatchRunner.builder(RULES).threads(2).chunkSize(7).build()
                    .run(csv(population(200)), ResultFormat.CSV, failing, new StringWriter()));
            assertTrue(OutputFailure.in(e).isPresent(), "the failure names the output: " + e.getMessage());
            assertTrue(e.getMessage().contains("--out 'r.csv': cannot be written (No space left on device)"), e.getMessage());
        }
    }

    @Test
    void everyRowIsAccountedForWhenRowsAreOversizedOrCrafted() {
        String text = HEADER + "1,wuhan,2025-09,3450,1\n2,wuhan,2025-09,1e999999999,1\n3,wuhan,2025-09,\"" + "x".repeat(5000)
                + "\n4,wuhan,2025-09,３４５０,1\n5,wuhan,2025-09,3450,9\n6,wuhan,2025-09,3450,1\n";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PopulationReader in = PopulationReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                PopulationReader.Format.CSV, 1000);
        BatchSummary s = BatchRunner.builder(RULES).threads(2).build().run(in, ResultFormat.CSV, out, err);
        assertEquals(s.rowsRead(), s.rowsWritten() + s.rowsInError());
        assertEquals(out.toString().lines().count() - 1, s.rowsWritten());
        assertEquals(err.toString().lines().count() - 1, s.rowsInError());
        assertEquals(2, s.rowsWritten(), out.toString());
    }

    @Test
    void craftedNumbersFromTheApiAreBoundedBeforeAnyArithmetic() {
        ShebaoException e = assertThrows(ShebaoException.class, () -> RULES.contribution(
                ContributionRequest.builder("wuhan", YearMonth.of(2025, 9)).base(new BigDecimal("1e999999999")).riskClass(1).build()));
        assertEquals("base", e.field().orElseThrow());
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "rounding mode SIDEWAYS|hubei|contribution.rounding.mode|text|false|SIDEWAYS|contribution.rounding.mode: value 'SIDEWAYS' is not one of",
            "scale 999999999|hubei|contribution.rounding.scale|count|false|999999999|is not a valid count",
            "scale 9|hubei|contribution.rounding.scale|count|false|9|value 9 is above the largest allowed, 4",
            "risk class 9|hubei|work_injury.base_rate|rate|true|0.01|work_injury.base_rate[9]: key '9' is not one of",
            "floor above ceiling|wuhan|contribution_base.floor|yuan|false|30000|contribution_base.floor 30000 for wuhan in 2025-07 is above contribution_base.ceiling 22488",
            "crafted factor|hubei|work_injury.reduction_factor|factor|false|1e999999999|is not a valid factor",
    })
    void packValuesAreValidatedForMeaning(String name, String region, String id, String unit, boolean keyed, String value,
                                          String expected, @TempDir Path dir) throws IOException {
        Path pack = Files.createDirectories(dir.resolve("pack"));
        Files.writeString(pack.resolve("p.yaml"), "region: " + region + "\nparameters:\n  " + id + ":\n    unit: " + unit
                + (keyed ? "\n    keyed: true" : "") + "\n    values:\n      - {" + (keyed ? "key: \"9\", " : "")
                + "from: 2025-07-01, until: 2026-06-30, value: \"" + value + "\", reference: r, provenance: secondary}\n");
        ShebaoException e = assertThrows(ShebaoException.class, () -> ShebaoRules.builder().parameterPack(pack).build());
        assertEquals(ErrorCode.PARAMETER_FILE_INVALID, e.code());
        assertTrue(e.getMessage().startsWith("pack/p.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aCutAuditLineIsRepairedOnOpenAndAFailedRunIsRolledBack(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("audit.jsonl");
        AuditRecord rec = RULES.audit().record(RULES.contribution(
                ContributionRequest.builder("wuhan", YearMonth.of(2025, 9)).wage(new BigDecimal("3450")).riskClass(1).build()));
        Files.writeString(file, rec.line() + "\n" + rec.line().substring(0, 40)); // a crash mid-line
        try (AuditWriter w = AuditWriter.append(file, Optional.empty(), Optional.empty())) {
            w.write(rec);
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        assertEquals(rec.line(), lines.get(2), "the new record is not glued to the cut line");
        List<ReplayOutcome> outcomes = new ArrayList<>();
        ReplayTally t = RULES.audit().replayAll(Files.newBufferedReader(file), Optional.empty(), outcomes::add);
        assertEquals(1, t.count(ReplayStatus.INVALID));
        assertEquals(2, outcomes.stream().filter(o -> o.status() == ReplayStatus.INVALID).findFirst().orElseThrow().line(),
                "replay says which line was cut");
        byte[] before = Files.readAllBytes(file);
        try (AuditWriter w = AuditWriter.append(file, Optional.empty(), Optional.empty())) {
            w.write(rec);
            w.flush();
            w.rollback();
        }
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(file));
    }

    @Test
    void replayOfAnOversizedOrCraftedLineIsAnInvalidRecordNotTheEnd() {
        AuditRecord rec = RULES.audit().record(RULES.contribution(
                ContributionRequest.builder("wuhan", YearMonth.of(2025, 9)).wage(new BigDecimal("3450")).riskClass(1).build()));
        String crafted = rec.line().replace("\"wage\":\"3450\"", "\"wage\":\"1e999999999\"");
        assertFalse(crafted.equals(rec.line()), "the fixture must change the wage: " + rec.line());
        String huge = "{\"x\":\"" + "y".repeat(200_000) + "\"}";
        List<ReplayOutcome> outcomes = new ArrayList<>();
        io.shebao.audit.AuditLines lines = new io.shebao.audit.AuditLines(
                new StringReader(rec.line() + "\n" + huge + "\n" + crafted + "\n" + rec.line() + "\n"), 100_000);
        ReplayTally t = RULES.audit().replayAll(lines, Optional.empty(), outcomes::add);
        assertTrue(rec.line().length() < 100_000, "a real record is far below the limit: " + rec.line().length());
        assertEquals(4, t.replayed(), outcomes.toString());
        assertEquals(List.of(ReplayStatus.IDENTICAL, ReplayStatus.INVALID, ReplayStatus.INVALID, ReplayStatus.IDENTICAL),
                outcomes.stream().map(ReplayOutcome::status).toList());
        assertTrue(outcomes.get(1).problems().get(0).contains("longer than 100000 characters"), outcomes.get(1).problems().toString());
        assertTrue(String.join(" ", outcomes.get(2).problems()).contains("request.wage"), outcomes.get(2).problems().toString());
    }
}
