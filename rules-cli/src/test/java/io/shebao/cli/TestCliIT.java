package io.shebao.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `shebao test` through the built CLI: the golden cases pass, a wrong figure fails with its diff, a malformed file exits 2. */
class TestCliIT {
    private static final Path GOLDEN = Path.of("..", "rules-catalog", "src", "test", "resources", "cases");
    /** The example docs/TESTS.md shows (kept identical to it). */
    private static final Path EXAMPLE = Path.of("..", "examples", "cases", "wuhan-2025.yaml");

    @Test
    void theGoldenCasesPass() throws Exception {
        assertTrue(Files.isDirectory(GOLDEN), GOLDEN.toAbsolutePath().toString());
        CliProcess.Outcome o = CliProcess.run("test", GOLDEN.toString(), EXAMPLE.toString());
        assertEquals(0, o.exit(), o.out() + o.err());
        assertTrue(o.out().matches("(?s).*\\d+ files, \\d+ checks\\R\\d+ passed, 0 failed\\R"), o.out());
        assertFalse(o.out().contains("FAIL"), o.out());
    }

    @Test
    void aWrongFigureFailsNamingTheFieldTheRuleAndTheParameter(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("yichang.yaml"), """
                # 宜昌 2023-05, seed 004 FAQ 6
                kind: contribution
                cases:
                  - name: right figures, CLI option names
                    source: seed 004 FAQ 6
                    input: {--region: yichang, --period: 2023-05, --wage: 3450, --risk-class: 1}
                    expect:
                      totals.total: 869.40
                  - name: pension employer off by a fen
                    source: seed 004 FAQ 6
                    input:
                      region: yichang
                      period: 2023-05
                      wage: 3450
                      riskClass: 1
                    expect:
                      lines.pension.employer: 552.01
                      lines.pension.employee: 276.00
                      baseAdjustment: WITHIN_LIMITS
                  - name: within a tolerance
                    tolerance: 0.02
                    input: {region: yichang, period: 2023-05, wage: 3450, risk-class: 1}
                    expect:
                      lines.pension.employer: 552.01
                """);
        CliProcess.Outcome o = CliProcess.run("test", f.toString());
        assertEquals(1, o.exit(), o.out() + o.err());
        assertTrue(o.out().contains("FAIL " + f + ":9  pension employer off by a fen  [source: seed 004 FAQ 6]"), o.out());
        assertTrue(o.out().contains("lines.pension.employer: expected 552.01, got 552.00  (line 17)"), o.out());
        assertFalse(o.out().contains("lines.pension.employee"), "only differing fields: " + o.out());
        assertTrue(o.out().contains("rule C-PEN-"), o.out());
        assertTrue(o.out().contains("parameter pension.employer_rate = 0.16 (hubei"), o.out());
        assertTrue(o.out().contains("2 passed, 1 failed"), o.out());
    }

    /** --strict: an assumed value (2026's unemployment rate) is unknown, as for the computing commands. */
    @Test
    void strictTurnsAssumedValuesIntoUnknown(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("strict.yaml"), """
                cases:
                  - name: 武汉 2026-11 needs the assumed 2026 unemployment rate
                    input: {region: wuhan, period: 2026-11, wage: 9000, riskClass: 1}
                    expect:
                      error.code: PARAMETER_UNKNOWN
                """);
        CliProcess.Outcome strict = CliProcess.run("test", f.toString(), "--strict");
        assertEquals(0, strict.exit(), strict.out() + strict.err());
        assertTrue(strict.out().contains("1 passed, 0 failed"), strict.out());
        CliProcess.Outcome lenient = CliProcess.run("test", f.toString());
        assertEquals(1, lenient.exit(), lenient.out() + lenient.err());
        assertTrue(lenient.out().contains("0 passed, 1 failed"), lenient.out());
    }

    @Test
    void aMalformedFileExits2NamingFileAndLine(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("bad.yaml"), """
                cases:
                  - name: typo in a key
                    input: {region: yichang, period: 2023-05, wage: 3450, riskClass: 1}
                    expcet:
                      totals.total: 869.40
                """);
        CliProcess.Outcome o = CliProcess.run("test", f.toString());
        assertEquals(2, o.exit(), o.out() + o.err());
        assertTrue(o.err().startsWith("shebao: " + f + ":4: unknown key 'expcet' in a case"), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
    }
}
