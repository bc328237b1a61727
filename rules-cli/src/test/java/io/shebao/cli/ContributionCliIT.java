package io.shebao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built CLI run as a real process. */
class ContributionCliIT {

    @Test
    void yichangWorkedTableAsJson() throws Exception {
        CliProcess.Outcome o = CliProcess.run("contribution", "--region", "yichang", "--period", "2023-05",
                "--wage", "3450", "--risk-class", "1", "--format", "json");
        assertEquals(0, o.exit(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals("583.05", j.at("/totals/employer").asText());
        assertEquals("286.35", j.at("/totals/employee").asText());
        assertEquals("869.40", j.at("/totals/total").asText());
        assertEquals("pension", j.at("/lines/0/insurance").asText());
        assertEquals("552.00", j.at("/lines/0/employer").asText());
        assertEquals("24.15", j.at("/lines/1/employer").asText());
        assertEquals("6.90", j.at("/lines/2/employer").asText());
        assertTrue(j.at("/trace/rules").size() >= 5);
        assertTrue(j.at("/warnings").isArray());
    }

    @Test
    void tableShowsChineseNames() throws Exception {
        CliProcess.Outcome o = CliProcess.run("contribution", "--region", "yichang", "--period", "2023-05",
                "--wage", "3450", "--risk-class", "1");
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().contains("基本养老保险"));
        assertTrue(o.out().contains("869.40"));
    }

    @Test
    void badInputsGiveOneLineAndExit2() throws Exception {
        String[][] cases = {
                {"--region", "atlantis", "--period", "2023-05", "--wage", "3450", "--risk-class", "1"},
                {"--region", "yichang", "--period", "2023-13", "--wage", "3450", "--risk-class", "1"},
                {"--region", "yichang", "--period", "2023-05", "--wage", "-5", "--risk-class", "1"},
                {"--region", "yichang", "--period", "2023-05", "--wage", "abc", "--risk-class", "1"},
                {"--region", "yichang", "--period", "2023-05", "--wage", "3450", "--risk-class", "9"},
                {"--region", "yichang", "--period", "2023-05", "--wage", "3450", "--risk-class", "1", "--insurances", "pension,dental"},
        };
        String[] expect = {"--region", "--period", "--wage", "--wage", "--risk-class", "--insurances"};
        String[] value = {"atlantis", "2023-13", "-5", "abc", "9", "dental"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 1];
            args[0] = "contribution";
            System.arraycopy(cases[i], 0, args, 1, cases[i].length);
            CliProcess.Outcome o = CliProcess.run(args);
            assertEquals(2, o.exit(), () -> String.join(" ", args) + " → " + o.err());
            String err = o.err().strip();
            assertFalse(err.contains("\n"), () -> "more than one line: " + err);
            assertFalse(err.contains("Exception"), err);
            assertTrue(err.contains(expect[i]) && err.contains(value[i]), err);
        }
    }

    @Test
    void unknownPeriodNamesParameterRegionAndPeriod() throws Exception {
        CliProcess.Outcome o = CliProcess.run("contribution", "--region", "shiyan", "--period", "2023-05",
                "--wage", "5000", "--risk-class", "1");
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("no base limits known for shiyan in 2023-05"), o.err());
    }

    @Test
    void parameterPackAddsValuesAndIsNamedInTheTrace(@TempDir Path dir) throws Exception {
        Path pack = Files.createDirectories(dir.resolve("wuhan-2026"));
        Files.writeString(pack.resolve("unemployment.yaml"), """
                region: hubei
                parameters:
                  unemployment.employer_rate:
                    unit: rate
                    values:
                      - {from: 2026-01-01, until: 2026-12-31, value: 0.007, reference: "test notice", provenance: secondary}
                  unemployment.employee_rate:
                    unit: rate
                    values:
                      - {from: 2026-01-01, until: 2026-12-31, value: 0.003, reference: "test notice", provenance: secondary}
                """);
        CliProcess.Outcome o = CliProcess.run("contribution", "--region", "hubei", "--period", "2026-03",
                "--base", "10000", "--insurances", "unemployment", "--parameters", pack.toString(), "--format", "json");
        assertEquals(0, o.exit(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals("70.00", j.at("/lines/0/employer").asText());
        assertEquals("wuhan-2026", j.at("/trace/parameters/2/pack").asText(), o.out());
        assertEquals("wuhan-2026/unemployment.yaml", j.at("/trace/parameters/2/file").asText());
    }

    @Test
    void paramsShowPrintsTheTimeline() throws Exception {
        CliProcess.Outcome o = CliProcess.run("params", "show", "unemployment.employer_rate");
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().contains("2015-03-01") && o.out().contains("2016-05-01") && o.out().contains("0.015"));
        CliProcess.Outcome at = CliProcess.run("params", "show", "unemployment.employer_rate", "--region", "yichang",
                "--at", "2026-02");
        assertEquals(0, at.exit(), at.err());
        assertTrue(at.out().contains("UNKNOWN"), at.out());
    }
}
