package io.shebao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code shebao params coverage} run as a real process. */
class CoverageCliIT {

    private static JsonNode cell(JsonNode j, String month, String insurance) {
        for (JsonNode c : j.get("cells")) {
            if (c.get("month").asText().equals(month) && c.get("insurance").asText().equals(insurance)) {
                return c;
            }
        }
        throw new AssertionError("no cell " + month + " " + insurance);
    }

    @Test
    void wuhanKnownAssumedAndUnknownMonthsAsJson() throws Exception {
        CliProcess.Outcome o = CliProcess.run("params", "coverage", "--region", "wuhan", "--from", "2021-06",
                "--to", "2027-01", "--format", "json");
        assertEquals(0, o.exit(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        // every insurance of the catalogue (shebao/insurances.yaml: 6 with long-term care) × 68 months
        assertEquals(6 * 68, j.get("cells").size(), "6 insurances × 68 months");
        assertEquals("unknown", cell(j, "2021-06", "pension").get("status").asText());
        assertEquals("contribution_base.ceiling", cell(j, "2021-06", "pension").at("/parameters/0").asText());
        assertEquals("known", cell(j, "2023-09", "pension").get("status").asText());
        assertEquals("assumed", cell(j, "2026-03", "unemployment").get("status").asText());
        assertEquals("unemployment.employee_rate", cell(j, "2026-03", "unemployment").at("/parameters/0").asText());
        assertEquals("known", cell(j, "2021-11", "work_injury").get("status").asText());
        assertEquals("assumed", cell(j, "2021-12", "work_injury").get("status").asText());
        assertEquals("unknown", cell(j, "2027-01", "unemployment").get("status").asText());
        assertEquals("unknown", cell(j, "2021-12", "medical").get("status").asText());
        assertEquals("unknown", cell(j, "2026-03", "long_term_care").get("status").asText()); // 荆门 only
    }

    @Test
    void tableFitsAHundredColumnsAndHtmlIsSelfContained() throws Exception {
        CliProcess.Outcome t = CliProcess.run("params", "coverage", "--region", "jingmen");
        assertEquals(0, t.exit(), t.err());
        assertTrue(t.out().lines().allMatch(l -> l.length() <= 100), t.out());
        assertTrue(t.out().contains("assumed  unemployment.employee_rate,"), t.out());
        CliProcess.Outcome h = CliProcess.run("params", "coverage", "--from", "2025-01", "--to", "2026-12", "--format", "html");
        assertEquals(0, h.exit(), h.err());
        assertTrue(h.out().startsWith("<!DOCTYPE html>") && h.out().contains("class=\"c assumed\""), h.out());
        assertFalse(h.out().contains("<script") || h.out().contains("src=") || h.out().contains("href="), "self-contained");
        assertTrue(h.out().contains("神农架林区 shennongjia"));
    }

    @Test
    void badRangeIsOneLineExit2() throws Exception {
        CliProcess.Outcome o = CliProcess.run("params", "coverage", "--from", "2026-12", "--to", "2026-01");
        assertEquals(2, o.exit());
        assertTrue(o.err().strip().startsWith("shebao: --to: '2026-01'"), o.err());
        assertFalse(o.err().strip().contains("\n"));
    }
}
