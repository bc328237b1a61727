package io.shebao.bench;

import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.batch.BatchRunner;
import io.shebao.batch.BatchSummary;
import io.shebao.batch.ResultFormat;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.contribution.Insurance;
import io.shebao.population.ContributionRowParser;
import io.shebao.population.PopulationReader;
import io.shebao.population.PopulationRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 100,000 generated rows with about 1% bad ones, as issue 6 asks; no timing here (see run.sh). */
class ProvincePopulationTest {
    private static final int ROWS = 100_000;
    private static final ShebaoRules RULES = ShebaoRules.load();
    private static byte[] population;
    private static String out;
    private static String errors;
    private static BatchSummary summary;

    @BeforeAll
    static void generateAndRun() throws Exception {
        StringWriter w = new StringWriter();
        new SyntheticPopulation(42).write(ROWS, w);
        population = w.toString().getBytes(StandardCharsets.UTF_8);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        summary = BatchRunner.builder(RULES).threads(2).build().run(open(), ResultFormat.CSV, o, e);
        out = o.toString();
        errors = e.toString();
    }

    private static PopulationReader open() {
        return PopulationReader.open(new ByteArrayInputStream(population), PopulationReader.Format.CSV);
    }

    @Test
    void outputRowsPlusErrorRowsEqualInputRows() {
        long outRows = out.lines().count() - 1;
        long errRows = errors.lines().count() - 1; // reasons hold no line breaks
        assertEquals(ROWS, summary.rowsRead());
        assertEquals(ROWS, outRows + errRows);
        assertEquals(summary.rowsWritten(), outRows);
        assertEquals(summary.rowsInError(), errRows);
        assertTrue(errRows > ROWS / 200 && errRows < ROWS / 50, "about 1% bad: " + errRows);
        // every row number exactly once
        boolean[] seen = new boolean[ROWS + 1];
        out.lines().skip(1).forEach(l -> seen[Integer.parseInt(l.substring(0, l.indexOf(',')))] = true);
        errors.lines().skip(1).forEach(l -> {
            int row = Integer.parseInt(l.substring(0, l.indexOf(',')));
            assertTrue(!seen[row], "row " + row + " twice");
            seen[row] = true;
        });
        for (int i = 1; i <= ROWS; i++) {
            assertTrue(seen[i], "row " + i + " lost");
        }
    }

    @Test
    void spotValuesEqualTheSingleCaseApi() throws Exception {
        Map<Long, String[]> byRow = new HashMap<>();
        List<String> header = Arrays.asList(out.lines().findFirst().orElseThrow().split(",", -1));
        out.lines().skip(1).forEach(l -> {
            String[] f = l.split(",", -1);
            byRow.put(Long.parseLong(f[0]), f);
        });
        ContributionRowParser parser = ContributionRowParser.strict();
        int checked = 0;
        try (PopulationReader in = open()) {
            while (in.hasNext()) {
                PopulationRow row = in.next();
                if (row.rowNumber() % 997 != 0) {
                    continue;
                }
                String[] f = byRow.get(row.rowNumber());
                ContributionResult expected;
                try {
                    expected = RULES.contribution(parser.parse(row));
                } catch (ShebaoException e) {
                    assertEquals(null, f, "row " + row.rowNumber() + " is an error for the API but in the output");
                    continue;
                }
                assertEquals(row.id(), f[1]);
                assertEquals(expected.totals().total().toPlainString(), f[header.indexOf("total")]);
                assertEquals(expected.totals().employer().toPlainString(), f[header.indexOf("total_employer")]);
                for (Insurance i : Insurance.values()) {
                    String got = f[header.indexOf(i.code() + "_employee")];
                    assertEquals(expected.line(i).map(l -> l.employee().toPlainString()).orElse(""), got);
                    assertEquals(expected.line(i).map(l -> l.base().toPlainString()).orElse(""), f[header.indexOf(i.code() + "_base")]);
                }
                checked++;
            }
        }
        assertTrue(checked > 90, "checked " + checked);
    }

    @Test
    void sameBytesOnOneThreadAndForTheBaseline() {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        BatchRunner.builder(RULES).threads(1).build().run(open(), ResultFormat.CSV, o, e);
        assertEquals(out, o.toString());
        assertEquals(errors, e.toString());
        StringWriter bo = new StringWriter();
        StringWriter be = new StringWriter();
        BatchRunner.builder(RULES).threads(2).calculator(new BaselineCalculator(RULES.parameters())).build()
                .run(open(), ResultFormat.CSV, bo, be);
        assertEquals(out, bo.toString(), "the baseline computes the same amounts");
        assertEquals(errors.lines().map(l -> l.substring(0, l.indexOf(','))).toList(),
                be.toString().lines().map(l -> l.substring(0, l.indexOf(','))).toList(), "and rejects the same rows");
    }
}
