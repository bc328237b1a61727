package io.shebao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `shebao serve` as a real process on an ephemeral loopback port: every answer is byte for byte what the CLI
 * prints with --format json for the same question.
 */
class ServeCliIT {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Process server;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                CliProcess.jar().toString(), "serve", "--port", "0").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        assertTrue(first != null, "the server printed where it listens");
        Matcher m = Pattern.compile("serving on http://127\\.0\\.0\\.1:(\\d+) \\(this machine only\\)").matcher(first);
        assertTrue(m.find(), first);
        port = Integer.parseInt(m.group(1));
    }

    @AfterAll
    static void stop() throws Exception {
        server.destroy();
        assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server stopped on SIGTERM");
    }

    static HttpResponse<String> call(String method, String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static String cli(String... args) throws Exception {
        CliProcess.Outcome o = CliProcess.run(args);
        assertEquals(0, o.exit(), o.err());
        return o.out();
    }

    @Test
    void contributionIsTheClisJsonByteForByte() throws Exception {
        HttpResponse<String> r = call("POST", "/contribution",
                "{\"region\":\"yichang\",\"period\":\"2023-05\",\"wage\":\"3456.5\",\"riskClass\":3,\"floatGrade\":120}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(cli("contribution", "--region", "yichang", "--period", "2023-05", "--wage", "3456.5", "--risk-class", "3",
                "--float-grade", "120", "--format", "json"), r.body());
    }

    @Test
    void retirementIsTheClisJsonByteForByte() throws Exception {
        HttpResponse<String> r = call("POST", "/retirement", "{\"sex\":\"female\",\"birthMonth\":\"1972-03\",\"category\":"
                + "\"female-worker\",\"contributionMonths\":150,\"asOf\":\"2026-11-01\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(cli("retirement", "--sex", "female", "--birth", "1972-03", "--category", "female-worker",
                "--contribution-months", "150", "--as-of", "2026-11-01", "--format", "json"), r.body());
    }

    @Test
    void parametersAndRegionsAreTheClisJson() throws Exception {
        assertEquals(cli("params", "list", "--format", "json"), call("GET", "/parameters", null).body());
        assertEquals(cli("params", "regions", "--format", "json"), call("GET", "/regions", null).body());
    }

    @Test
    void whatifReplayAndExplainOfOneCase(@TempDir Path dir) throws Exception {
        String yaml = """
                name: statutory-unemployment
                description: statutory 2% / 1% for all Hubei from 2015-03 on
                overrides:
                  - parameter: unemployment.employer_rate
                    region: hubei
                    from: 2015-03
                    value: 0.02
                """;
        Path scenario = Files.writeString(dir.resolve("s.yaml"), yaml);
        // the scenario as the text of its file: the trace names the same lines, in request.scenario instead of the file
        String body = "{\"request\":{\"region\":\"yichang\",\"period\":\"2023-05\",\"wage\":5000,\"riskClass\":1},"
                + "\"scenario\":" + new ObjectMapper().writeValueAsString(yaml) + "}";
        HttpResponse<String> w = call("POST", "/whatif/contribution", body);
        assertEquals(200, w.statusCode(), w.body());
        assertEquals(cli("contribution", "--region", "yichang", "--period", "2023-05", "--wage", "5000", "--risk-class", "1",
                "--compare", scenario.toString(), "--format", "json").replace(scenario.toString(), "request.scenario"), w.body());
        // and as a JSON object
        HttpResponse<String> wj = call("POST", "/whatif/contribution", "{\"request\":{\"region\":\"yichang\",\"period\":"
                + "\"2023-05\",\"wage\":5000,\"riskClass\":1},\"scenario\":{\"name\":\"statutory-unemployment\",\"description\":"
                + "\"d\",\"overrides\":[{\"parameter\":\"unemployment.employer_rate\",\"region\":\"hubei\",\"from\":\"2015-03\","
                + "\"value\":0.02}]}}");
        assertEquals(200, wj.statusCode(), wj.body());
        assertEquals(new ObjectMapper().readTree(w.body()).get("difference"), new ObjectMapper().readTree(wj.body()).get("difference"));

        Path audit = dir.resolve("audit.jsonl");
        cli("contribution", "--region", "yichang", "--period", "2023-05", "--wage", "5000", "--risk-class", "1",
                "--audit-out", audit.toString(), "--format", "json");
        String record = Files.readAllLines(audit, StandardCharsets.UTF_8).get(0);
        HttpResponse<String> r = call("POST", "/replay", record);
        assertEquals(200, r.statusCode(), r.body());
        List<String> replayed = cli("replay", audit.toString(), "--format", "json").lines().toList();
        assertEquals(replayed.get(0) + "\n", r.body());
        assertEquals("identical", new ObjectMapper().readTree(r.body()).get("status").asText());

        HttpResponse<String> e = call("POST", "/explain?lang=en", record);
        assertEquals(200, e.statusCode(), e.body());
        JsonNode ex = new ObjectMapper().readTree(e.body());
        assertTrue(ex.get("digestMatches").asBoolean());
        String text = String.join("\n", new ObjectMapper().convertValue(ex.get("lines"), List.class));
        // the CLI prints the same lines, wrapped at 100 columns
        java.io.StringWriter wrapped = new java.io.StringWriter();
        TerminalText.printWrapped(new java.io.PrintWriter(wrapped), text);
        assertTrue(cli("explain", audit.toString(), "--lang", "en").contains(wrapped.toString().strip()), wrapped.toString());
    }

    @Test
    void certificateIsTheClisJsonByteForByte(@TempDir Path dir) throws Exception {
        Path unit = Path.of("..", "examples", "certificate", "unit.yaml");
        Path staff = Path.of("..", "examples", "certificate", "staff.csv");
        ObjectMapper m = new ObjectMapper();
        // the unit file's keys as a JSON object, the roster file's text as a string
        String unitJson = m.writeValueAsString(new org.yaml.snakeyaml.Yaml().load(Files.readString(unit)));
        String body = "{\"unit\":" + unitJson + ",\"roster\":" + m.writeValueAsString(Files.readString(staff))
                + ",\"period\":\"2021-11\",\"issuedOn\":\"2021-11-13\"}";
        HttpResponse<String> r = call("POST", "/certificate", body);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(cli("certificate", "--unit", unit.toString(), "--roster", staff.toString(), "--period", "2021-11",
                "--issued-on", "2021-11-13", "--errors", dir.resolve("errors.csv").toString(), "--format", "json"), r.body());
    }

    @Test
    void serviceCheckIsTheClisJsonByteForByte() throws Exception {
        HttpResponse<String> r = call("POST", "/services/SYB00002/check", "{\"facts\":{\"contribution_months\":60,"
                + "\"involuntary\":true,\"registered_unemployed\":\"yes\",\"seeking_work\":\"yes\"},\"appliedOn\":\"2024-03-04\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(cli("services", "check", "SYB00002", "--fact", "contribution_months=60", "--fact", "involuntary=true",
                "--fact", "registered_unemployed=yes", "--fact", "seeking_work=yes", "--applied-on", "2024-03-04",
                "--format", "json"), r.body());
        HttpResponse<String> missing = call("POST", "/services/SYB00002/check", "{\"facts\":{},\"appliedOn\":\"2024-03-04\"}");
        assertEquals(400, missing.statusCode(), missing.body());
        assertEquals(404, call("POST", "/services/SYB00002/nope", "{}").statusCode());
    }

    @Test
    void oneParameterAndCoverageAreTheClisJson() throws Exception {
        assertEquals(cli("params", "show", "unemployment.employer_rate", "--format", "json"),
                call("GET", "/parameters/unemployment.employer_rate", null).body());
        assertEquals(cli("params", "show", "unemployment.employer_rate", "--region", "yichang", "--format", "json"),
                call("GET", "/parameters/unemployment.employer_rate?region=yichang", null).body());
        assertEquals(cli("params", "show", "work_injury.base_rate", "--region", "wuhan", "--at", "2023-05", "--key", "3",
                "--format", "json"), call("GET", "/parameters/work_injury.base_rate?region=wuhan&at=2023-05&key=3", null).body());
        assertEquals(cli("params", "show", "unemployment.employer_rate", "--region", "wuhan", "--at", "1990-01",
                "--format", "json"), call("GET", "/parameters/unemployment.employer_rate?region=wuhan&at=1990-01", null).body());
        assertEquals(cli("params", "coverage", "--from", "2024-01", "--to", "2024-06", "--region", "wuhan", "--format", "json"),
                call("GET", "/coverage?from=2024-01&to=2024-06&region=wuhan", null).body());
        assertEquals(cli("params", "coverage", "--format", "json"), call("GET", "/coverage", null).body());
    }

    /** --strict: a value of provenance 'assumed' is unknown, for the service as for the CLI. */
    @Test
    void strictServeRefusesAssumedValuesAsTheStrictCliDoes() throws Exception {
        Process strict = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                CliProcess.jar().toString(), "serve", "--port", "0", "--strict").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String first = new BufferedReader(new InputStreamReader(strict.getInputStream(), StandardCharsets.UTF_8)).readLine();
            Matcher m = Pattern.compile(":(\\d+) \\(this machine only\\)").matcher(String.valueOf(first));
            assertTrue(m.find(), first);
            String body = "{\"region\":\"wuhan\",\"period\":\"2026-11\",\"wage\":9000,\"riskClass\":1}";
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(1) + "/contribution"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(422, r.statusCode(), r.body());
            JsonNode e = new ObjectMapper().readTree(r.body());
            assertEquals("PARAMETER_UNKNOWN", e.get("code").asText());
            CliProcess.Outcome cli = CliProcess.run("contribution", "--region", "wuhan", "--period", "2026-11", "--wage", "9000",
                    "--risk-class", "1", "--strict", "--format", "json");
            assertEquals(2, cli.exit(), cli.out());
            assertTrue(cli.err().contains(e.get("message").asText()), cli.err() + " / " + e);
            // the same question without --strict is answered, with a warning about the assumed value
            assertEquals(200, call("POST", "/contribution", body).statusCode());
        } finally {
            strict.destroy();
            assertTrue(strict.waitFor(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void badFieldIs400WithTheErrorObject() throws Exception {
        HttpResponse<String> r = call("POST", "/contribution", "{\"region\":\"yichang\",\"period\":\"2023-05\",\"wage\":3450,\"riskClass\":9}");
        assertEquals(400, r.statusCode());
        assertEquals("{\"code\":\"INVALID_INPUT\",\"field\":\"riskClass\",\"value\":\"9\",\"message\":"
                + "\"riskClass: '9' is not allowed; a risk class 1 to 8 (一类…八类)\"}\n", r.body());
        assertEquals(404, call("GET", "/nope", null).statusCode());
    }
}
