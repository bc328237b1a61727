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
        assertTrue(cli("explain", audit.toString(), "--lang", "en").contains(text.strip()), text);
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
