package io.shebao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the built CLI ({@code java -jar shebao.jar retirement …}) as a real process. */
class RetirementCliIT {
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("shebao.jar");
        assertTrue(jar != null && Files.exists(Path.of(jar)), "system property shebao.jar names the built jar: " + jar);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-jar", jar));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("shebao-out", ".txt");
        Path err = Files.createTempFile("shebao-err", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the CLI finished");
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            // Leave nothing behind in the system temp folder.
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void retirementAsJson() throws Exception {
        Run r = run("retirement", "--sex", "male", "--birth", "1965-05", "--category", "male", "--contribution-months", "192",
                "--as-of", "2026-11-01", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(60, j.get("statutoryAge").get("years").asInt());
        assertEquals(2, j.get("statutoryAge").get("months").asInt());
        assertEquals("2025-07", j.get("retirementMonth").asText());
        assertEquals(180, j.get("minimumContributionMonths").asInt());
        assertTrue(j.get("contributionMet").asBoolean());
        assertEquals(0, j.get("shortfallMonths").asInt());
        assertEquals("2025-05", j.get("flexibleWindow").get("earliest").asText());
        assertEquals("2028-07", j.get("flexibleWindow").get("latest").asText());
        assertTrue(j.get("options").isArray() && j.get("earlyRetirement").isArray() && j.get("reasons").size() > 0);
        assertTrue(j.get("trace").get("rules").size() > 0);
    }

    @Test
    void retirementTableNamesTheMonth() throws Exception {
        Run r = run("retirement", "--sex", "female", "--birth", "1971-04", "--category", "female-cadre",
                "--contribution-months", "240", "--as-of", "2026-01-01");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("55岁4个月") && r.out().contains("2026-08"), r.out());
    }

    /**
     * The whole table output reads at 100 columns (display width: a CJK character counts two), for an answer
     * with every section: a shortfall with its options, a requested month, special work, transfer grounds, and
     * the comparison with a scenario. Nothing is cut: the long Chinese item and every rule id are still there.
     */
    @Test
    void retirementTableReadsAt100Columns() throws Exception {
        List<String[]> questions = List.of(
                new String[]{"retirement", "--sex", "female", "--birth", "1971-04", "--category", "female-cadre",
                        "--contribution-months", "300", "--as-of", "2026-11-01"},
                new String[]{"retirement", "--sex", "female", "--birth", "1972-03", "--category", "female-worker",
                        "--contribution-months", "150", "--first-insured", "2015-01", "--as-of", "2026-11-01"},
                new String[]{"retirement", "--sex", "male", "--birth", "1965-05", "--contribution-months", "192",
                        "--requested", "2027-01", "--special-work", "heights:11", "--soe-identity",
                        "--transfer-ground", "hukou-return", "--as-of", "2026-11-01"},
                new String[]{"retirement", "--sex", "female", "--birth", "1971-04", "--category", "female-cadre",
                        "--contribution-months", "300", "--as-of", "2025-06-01",
                        "--compare", Path.of("..", "examples", "scenarios", "retirement-reform-off.yaml").toString()});
        for (String[] q : questions) {
            Run r = run(q);
            assertEquals(0, r.exit(), r.err());
            for (String line : r.out().split("\\R")) {
                assertTrue(Table.width(line) <= 100, () -> "wider than 100 columns (" + Table.width(line) + ") in "
                        + String.join(" ", q) + ":\n" + line);
            }
        }
        Run full = run(questions.get(0));
        // the longest item wraps within its column: English on the row, the Chinese name whole on the next line
        assertTrue(full.out().contains("early: illness") && full.out().contains("\n  因病或非因工完全丧失劳动能力提前退休"),
                full.out());
        for (String id : List.of("R-SW-01", "R-SW-03", "R-SW-04", "R-SW-05", "R-SW-06", "R-TRF-04", "R-AGE-05")) {
            assertTrue(full.out().contains(id), id + " in\n" + full.out());
        }
        assertTrue(full.out().contains("retirement.reform.target_age_years[55]"), full.out());
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        for (String[] args : List.of(
                new String[]{"retirement", "--sex", "male", "--birth", "2027-01", "--contribution-months", "0", "--as-of", "2026-01-01"},
                new String[]{"retirement", "--sex", "male", "--birth", "1970-01", "--contribution-months", "-3"},
                new String[]{"retirement", "--sex", "female", "--birth", "1970-01", "--category", "female-pilot", "--contribution-months", "3"},
                new String[]{"retirement", "--id-number", "420102197104150021", "--category", "female-cadre", "--contribution-months", "3"})) {
            Run r = run(args);
            assertEquals(2, r.exit(), () -> String.join(" ", args) + " → " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.out().isBlank(), r.out());
        }
        Run future = run("retirement", "--sex", "male", "--birth", "2027-01", "--contribution-months", "0", "--as-of", "2026-01-01");
        assertTrue(future.err().contains("--birth") && future.err().contains("2027-01"), future.err());
    }
}
