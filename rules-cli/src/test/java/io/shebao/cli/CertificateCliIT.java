package io.shebao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.shebao.internal.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code shebao certificate} run as a real process on the bundled example (the seed's Suizhou certificate). */
class CertificateCliIT {
    private static final Path UNIT = Path.of("..", "examples", "certificate", "unit.yaml");
    private static final Path STAFF = Path.of("..", "examples", "certificate", "staff.csv");

    @Test
    void bundledExampleIsTheSeedsCertificate(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("certificate.html");
        Path details = dir.resolve("details.csv");
        Path errors = dir.resolve("errors.csv");
        Path audit = dir.resolve("audit.jsonl");
        CliProcess.Outcome o = CliProcess.run("certificate", "--unit", UNIT.toString(), "--roster", STAFF.toString(),
                "--period", "2021-11", "--issued-on", "2021-11-13", "--format", "json", "--out", html.toString(),
                "--details", details.toString(), "--errors", errors.toString(), "--audit-out", audit.toString());
        assertEquals(0, o.exit(), o.err());
        assertFalse(o.err().contains("\r") || o.out().contains("\r"), "no progress bar when not on a terminal: " + o.err());
        JsonNode j = Json.MAPPER.readTree(o.out());
        assertEquals("2021-11", j.path("period").asText());
        assertEquals("2021-11-13", j.path("issuedOn").asText());
        assertEquals("2021-11-29", j.path("deadline").asText());
        assertEquals("204.93", j.path("total").asText());
        assertEquals("贰佰零肆元玖角叁分", j.path("totalInWords").asText());
        JsonNode une = j.path("lines").get(0);
        assertEquals("unemployment", une.path("insurance").asText());
        assertEquals("130.41", une.path("employer").asText());
        assertEquals("55.89", une.path("employee").asText());
        assertEquals("0.00", une.path("interest").asText());
        assertEquals("0.00", une.path("lateFee").asText());
        assertEquals("186.30", une.path("total").asText());
        assertEquals(2, j.path("persons").size());
        for (String f : List.of("excluded", "needsApproval", "refunds", "warnings")) {
            assertTrue(j.path(f).isArray(), f);
        }
        String page = Files.readString(html);
        assertTrue(page.contains("社会保险费应缴认定单") && page.contains("贰佰零肆元玖角叁分") && page.contains("2021年11月29日"));
        assertFalse(page.contains("http://") || page.contains("https://"), "self-contained: nothing loaded");
        assertEquals(5, Files.readAllLines(details).size(), "header + 2 persons × 2 insurances");
        assertEquals(List.of("row,id,field,value,reason"), Files.readAllLines(errors));

        CliProcess.Outcome r = CliProcess.run("replay", audit.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("1 identical"), r.out());
    }

    @Test
    void rowsInErrorIssueNoCertificateUnlessSkipped(@TempDir Path dir) throws Exception {
        Path roster = Files.writeString(dir.resolve("staff.csv"), "id,name,base,start,paid_through\n"
                + "P1,甲,9000,2015-03-01,2021-10\n"
                + "P2,乙,12a3,2015-03-01,2021-10\n"
                + "=2+3,丙,9630,2021-13-01,2021-10\n");
        Path html = dir.resolve("c.html");
        Path errors = dir.resolve("errors.csv");
        CliProcess.Outcome o = CliProcess.run("certificate", "--unit", UNIT.toString(), "--roster", roster.toString(),
                "--period", "2021-11", "--issued-on", "2021-11-13", "--out", html.toString(), "--errors", errors.toString());
        assertEquals(1, o.exit(), o.err());
        assertFalse(Files.exists(html), "no certificate when rows are in error");
        List<String> e = Files.readAllLines(errors);
        assertEquals(3, e.size(), String.join("\n", e));
        assertTrue(e.get(1).startsWith("2,P2,base,12a3,"), e.get(1));
        assertTrue(e.get(2).startsWith("3,'=2+3,start,2021-13-01,"), "neutralised against formula injection: " + e.get(2));

        CliProcess.Outcome p = CliProcess.run("certificate", "--unit", UNIT.toString(), "--roster", roster.toString(),
                "--period", "2021-11", "--issued-on", "2021-11-13", "--out", html.toString(), "--errors", errors.toString(),
                "--skip-invalid", "--format", "json");
        assertEquals(1, p.exit(), p.err());
        JsonNode j = Json.MAPPER.readTree(p.out());
        assertTrue(j.path("partial").asBoolean());
        assertEquals("99.00", j.path("total").asText());
        assertTrue(Files.readString(html).contains("部分认定单"));
        assertTrue(p.err().contains("PARTIAL"), p.err());
    }

    @Test
    void badInputIsOneLineAndExit2(@TempDir Path dir) throws Exception {
        Path badUnit = Files.writeString(dir.resolve("unit.yaml"), "code: \"1\"\nname: x\nregion: suizhou\nunit_kind: big\n");
        String[][] cases = {
                {"--unit", badUnit.toString(), "--roster", STAFF.toString(), "--period", "2021-11", "--issued-on", "2021-11-13"},
                {"--unit", UNIT.toString(), "--roster", STAFF.toString(), "--period", "2021-11", "--issued-on", "2021-10-31"},
                {"--unit", UNIT.toString(), "--roster", STAFF.toString(), "--period", "2021-11", "--issued-on", "13/11/2021"},
                {"--unit", UNIT.toString(), "--roster", dir.resolve("none.csv").toString(), "--period", "2021-11", "--issued-on", "2021-11-13"},
                {"--unit", UNIT.toString(), "--roster", STAFF.toString(), "--period", "2021-11", "--issued-on", "2021-12-06"},
                {"--unit", UNIT.toString(), "--roster", STAFF.toString(), "--period", "2021-11", "--issued-on", "2021-11-13",
                        "--errors", STAFF.toString()},
        };
        String[] expect = {"unit_kind: 'big'", "--issued-on", "13/11/2021", "does not exist", "interest", "is an input file"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 1];
            args[0] = "certificate";
            System.arraycopy(cases[i], 0, args, 1, cases[i].length);
            CliProcess.Outcome o = CliProcess.run(args);
            assertEquals(2, o.exit(), o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
            assertTrue(o.err().contains(expect[i]), o.err());
            assertFalse(o.err().contains("Exception"), o.err());
        }
        assertTrue(Files.readString(STAFF).startsWith("id,name,base,start"), "the roster is untouched");
    }
}
