package io.shebao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code shebao services list|show|check|site} as a real process through the packaged jar. */
class ServicesCliIT {
    static final ObjectMapper M = new ObjectMapper();

    @Test
    void checkUnemploymentBenefitAsJson() throws Exception {
        CliProcess.Outcome r = CliProcess.run("services", "check", "SYB00002", "--fact", "contribution_months=60",
                "--fact", "involuntary=yes", "--fact", "registered_unemployed=yes", "--fact", "seeking_work=yes",
                "--applied-on", "2026-03-02", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = M.readTree(r.out());
        assertEquals("SYB00002", j.get("code").asText());
        assertEquals("ELIGIBLE", j.get("outcome").asText());
        assertEquals(18, j.get("benefitMonths").asInt(), "5 years of contributions: 18 months (失业保险条例 第十七条)");
        assertEquals(4, j.get("conditions").size());
        for (JsonNode c : j.get("conditions")) {
            assertEquals("MET", c.get("status").asText());
            assertFalse(c.get("text").asText().isBlank());
        }
        assertEquals(3, j.get("materials").size());
        assertFalse(j.get("statutoryDeadline").has("date"), "无: no statutory limit");
        assertEquals("2026-03-02", j.get("promisedDeadline").get("date").asText(), "即时办结");
        assertTrue(j.get("trace").get("rules").findValuesAsText("legalBasis").contains("失业保险条例 第十七条"));
    }

    @Test
    void fourYearsElevenMonthsGiveTwelveMonths() throws Exception {
        CliProcess.Outcome r = CliProcess.run("services", "check", "SYB00002", "--fact", "contribution_months=59",
                "--fact", "involuntary=yes", "--fact", "registered_unemployed=yes", "--fact", "seeking_work=yes",
                "--applied-on", "2026-03-02", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(12, M.readTree(r.out()).get("benefitMonths").asInt());
    }

    @Test
    void missingFactsAreNamedWithExitTwo() throws Exception {
        CliProcess.Outcome r = CliProcess.run("services", "check", "SYB00002", "--fact", "contribution_months=60");
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("involuntary") && r.err().contains("registered_unemployed") && r.err().contains("seeking_work"), r.err());
    }

    @Test
    void layoffFromAFactsFileWithDeadlineAcrossHolidays() throws Exception {
        Path facts = Files.createTempFile("facts", ".yaml");
        Files.writeString(facts, "laid_off: 19\nstaff: 180\nfiled_with_labour_bureau: yes\n", StandardCharsets.UTF_8);
        CliProcess.Outcome r = CliProcess.run("services", "check", "SBZX00015", "--facts", facts.toString(),
                "--applied-on", "2026-09-24", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = M.readTree(r.out());
        assertEquals("ELIGIBLE", j.get("outcome").asText());
        assertEquals("2026-10-29", j.get("statutoryDeadline").get("date").asText());
        CliProcess.Outcome no = CliProcess.run("services", "check", "SBZX00015", "--fact", "laid_off=19", "--fact", "staff=200",
                "--fact", "filed_with_labour_bureau=yes", "--applied-on", "2026-03-02");
        assertEquals(0, no.exit(), no.err());
        assertTrue(no.out().contains("outcome: NOT_ELIGIBLE"), no.out());
        assertTrue(no.out().contains("9.5%"), no.out());
    }

    @Test
    void badFactValueIsOneLine() throws Exception {
        CliProcess.Outcome r = CliProcess.run("services", "check", "SBZX00029", "--fact", "sex=x", "--fact", "birth=1990-01",
                "--fact", "insured_by_employer=no", "--fact", "has_employees=no");
        assertEquals(2, r.exit());
        assertEquals("shebao: fact sex: 'x' is not allowed; allowed: one of male, female", r.err().strip());
    }

    @Test
    void listShowAndDocumentsItems() throws Exception {
        CliProcess.Outcome all = CliProcess.run("services", "list", "--format", "json");
        assertEquals(0, all.exit(), all.err());
        assertEquals(123, M.readTree(all.out()).size());
        CliProcess.Outcome table = CliProcess.run("services", "list", "--search", "失业");
        assertEquals(0, table.exit(), table.err());
        assertTrue(table.out().lines().allMatch(l -> io.shebao.cli.Table.width(l) <= 100), "fits 100 columns");
        CliProcess.Outcome show = CliProcess.run("services", "show", "SBZX000062", "--format", "json");
        assertEquals(0, show.exit(), show.err());
        JsonNode s = M.readTree(show.out());
        assertEquals("SBZX00062", s.get("code").asText());
        assertEquals("SBZX000062", s.get("listedCode").asText());
        CliProcess.Outcome doc = CliProcess.run("services", "check", "SBZX00001", "--applied-on", "2026-03-02", "--format", "json");
        assertEquals(0, doc.exit(), doc.err());
        JsonNode d = M.readTree(doc.out());
        assertEquals("TO_VERIFY", d.get("outcome").asText());
        assertTrue(d.get("conditions").get(0).get("text").asText().contains("三十日内"));
        assertEquals("2026-03-09", d.get("statutoryDeadline").get("date").asText(), "5 working days after Monday 03-02");
    }

    @Test
    void auditedCheckReplays() throws Exception {
        Path audit = Files.createTempDirectory("audit").resolve("services.jsonl");
        CliProcess.Outcome r = CliProcess.run("services", "check", "GSC00001", "--fact", "situation=work-accident",
                "--fact", "applicant=employer", "--fact", "injury_date=2026-03-01", "--applied-on", "2026-03-31",
                "--audit-out", audit.toString(), "--explain");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("工伤保险条例 第十七条"), r.out());
        CliProcess.Outcome replay = CliProcess.run("replay", audit.toString());
        assertEquals(0, replay.exit(), replay.out() + replay.err());
        assertTrue(replay.out().contains("1 replayed, 1 identical"), replay.out());
    }

    @Test
    void siteIsWrittenWholeAndNeverOverAFullDirectory() throws Exception {
        Path dir = Files.createTempDirectory("site").resolve("catalogue");
        CliProcess.Outcome r = CliProcess.run("services", "site", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.exists(dir.resolve("index.html")));
        try (var s = Files.list(dir.resolve("items"))) {
            assertEquals(123, s.count());
        }
        String page = Files.readString(dir.resolve("items/SBZX00015.html"));
        assertTrue(page.contains("单位职工批量裁减社会保险停保") && page.contains("laid_off"));
        assertFalse(page.contains("<link") || page.contains("<script src") || page.contains("<img"), "self-contained: nothing fetched");
        CliProcess.Outcome again = CliProcess.run("services", "site", "--out", dir.toString());
        assertEquals(2, again.exit());
        assertTrue(again.err().startsWith("shebao: --out:"), again.err());
    }
}
