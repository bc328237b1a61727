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
    void employerShareExemptIn2020ByUnitKind() throws Exception {
        CliProcess.Outcome sme = CliProcess.run("contribution", "--region", "wuhan", "--period", "2020-11",
                "--base", "10000", "--risk-class", "1", "--insurances", "pension,unemployment,work_injury",
                "--unit-kind", "sme", "--format", "json");
        assertEquals(0, sme.exit(), sme.err());
        JsonNode j = new ObjectMapper().readTree(sme.out());
        assertEquals("pension", j.at("/lines/0/insurance").asText());
        assertEquals("0.00", j.at("/lines/0/employer").asText());
        assertEquals("800.00", j.at("/lines/0/employee").asText());
        assertTrue(sme.out().contains("EMPLOYER_SHARE_EXEMPT"), sme.out());

        CliProcess.Outcome large = CliProcess.run("contribution", "--region", "wuhan", "--period", "2020-07",
                "--base", "10000", "--insurances", "pension", "--unit-kind", "large");
        assertEquals(0, large.exit(), large.err());
        assertTrue(large.out().contains("1600.00"), large.out());

        CliProcess.Outcome none = CliProcess.run("contribution", "--region", "wuhan", "--period", "2020-05",
                "--base", "10000", "--insurances", "pension");
        assertEquals(2, none.exit(), none.out());
        String err = none.err().strip();
        assertFalse(err.contains("\n"), err);
        assertTrue(err.startsWith("shebao: --unit-kind: missing") && err.contains("sme|large|individual-business|public-institution"), err);

        CliProcess.Outcome bad = CliProcess.run("contribution", "--region", "wuhan", "--period", "2020-05",
                "--base", "10000", "--insurances", "pension", "--unit-kind", "ngo");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--unit-kind") && bad.err().contains("ngo"), bad.err());
    }

    @Test
    void currentMonthIsAnsweredWithAssumedValueWarningsAndStrictModeRefuses() throws Exception {
        CliProcess.Outcome o = CliProcess.run("contribution", "--region", "wuhan", "--period", "2026-11",
                "--wage", "9000", "--risk-class", "1");
        assertEquals(0, o.exit(), o.err());
        // the table wraps at 100 columns: read the warning with its line breaks joined
        assertTrue(o.out().replaceAll(" *\n +", " ").contains("WARNING ASSUMED_VALUE: assumed value: unemployment.employer_rate = 0.007 (hubei, 2026-01-01 … 2026-12-31)"), o.out());
        for (String line : o.out().split("\n")) {
            assertTrue(Table.width(line) <= 100, "wider than 100 columns: " + line);
        }
        assertTrue(o.out().contains("推定值：contribution_base.floor = 4498"), o.out());
        assertTrue(o.out().contains("[assumed] shebao/parameters/tiers/tier-1.yaml"), o.out());
        CliProcess.Outcome strict = CliProcess.run("contribution", "--region", "wuhan", "--period", "2026-11",
                "--wage", "9000", "--risk-class", "1", "--strict");
        assertEquals(2, strict.exit(), strict.out());
        String err = strict.err().strip();
        assertFalse(err.contains("\n"), err);
        assertTrue(err.contains("unemployment.employer_rate") && err.contains("contribution_base.floor"), err);
    }

    @Test
    void flexibleWorkerPaysPensionAloneWithinTheLimits() throws Exception {
        CliProcess.Outcome o = CliProcess.run("contribution", "--contributor", "flexible", "--region", "wuhan",
                "--period", "2025-09", "--base", "6000", "--format", "json");
        assertEquals(0, o.exit(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals("1200.00", j.at("/lines/0/employee").asText());
        assertEquals("0.00", j.at("/lines/0/employer").asText());
        assertTrue(o.out().contains("480.00 (8%) goes to the personal account"), o.out());
        assertTrue(o.out().contains("ENROLMENT_AGE_NOT_CHECKED"), o.out());
        // medical on the 2025 standard, not the chosen base: 7496 × 4.8% = 359.81, + 7.00 large-medical
        assertEquals("medical", j.at("/lines/1/insurance").asText(), o.out());
        assertEquals("7496", j.at("/lines/1/base").asText().replaceAll("\\.0+$", ""), o.out());
        assertEquals("366.81", j.at("/lines/1/employee").asText(), o.out());
        assertEquals("0.00", j.at("/lines/1/employer").asText(), o.out());
        assertEquals("1566.81", j.at("/totals/total").asText(), o.out());
        assertTrue(o.out().contains("FLEXIBLE_MEDICAL_ON_STANDARD"), o.out());
        CliProcess.Outcome gap = CliProcess.run("contribution", "--contributor", "flexible", "--region", "wuhan",
                "--period", "2023-05", "--base", "6000");
        assertEquals(2, gap.exit(), gap.out());
        assertEquals(1, gap.err().strip().lines().count(), gap.err());
        assertTrue(gap.err().contains("medical.flexible_rate") && gap.err().contains("wuhan in 2023-05"), gap.err());
        CliProcess.Outcome elsewhere = CliProcess.run("contribution", "--contributor", "flexible", "--region",
                "xiangyang", "--period", "2025-09", "--base", "6000", "--format", "json");
        assertEquals(0, elsewhere.exit(), elsewhere.err());
        JsonNode e = new ObjectMapper().readTree(elsewhere.out());
        assertEquals(1, e.at("/lines").size(), elsewhere.out());
        assertEquals("FLEXIBLE_RATE_UNKNOWN", e.at("/warnings/0/code").asText(), elsewhere.out());
        CliProcess.Outcome low = CliProcess.run("contribution", "--contributor", "flexible", "--region", "wuhan",
                "--period", "2025-09", "--base", "3000");
        assertEquals(2, low.exit());
        assertTrue(low.err().strip().startsWith("shebao: --base: '3000' is not allowed")
                && low.err().contains("floor 4498 and the ceiling 22488"), low.err());
        CliProcess.Outcome old = CliProcess.run("contribution", "--contributor", "flexible", "--region", "wuhan",
                "--period", "2025-09", "--base", "6000", "--birth", "1965-01", "--sex", "male");
        assertEquals(2, old.exit());
        assertTrue(old.err().contains("--birth: '1965-01'") && old.err().contains("under 60"), old.err());
    }

    @Test
    void unknownPeriodNamesParameterRegionAndPeriod() throws Exception {
        CliProcess.Outcome o = CliProcess.run("contribution", "--region", "shiyan", "--period", "2021-06",
                "--wage", "5000", "--risk-class", "1");
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("no base limits known for shiyan in 2021-06"), o.err());
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
                "--at", "2027-02");
        assertEquals(0, at.exit(), at.err());
        assertTrue(at.out().contains("UNKNOWN"), at.out());
        CliProcess.Outcome assumed = CliProcess.run("params", "show", "unemployment.employer_rate", "--region", "yichang",
                "--at", "2026-02");
        assertEquals(0, assumed.exit(), assumed.err());
        assertTrue(assumed.out().contains("assumed"), assumed.out());
    }
}
