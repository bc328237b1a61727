package io.shebao.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shebao.ShebaoRules;
import io.shebao.contribution.ContributionRequest;
import io.shebao.internal.json.ContributionJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service on an ephemeral loopback port, called with java.net.http. */
class ShebaoServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static ShebaoRules rules;
    static ShebaoServer server;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        rules = ShebaoRules.load();
        server = ShebaoServer.start(rules, ServerConfig.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void contributionIsTheLibrarysJson() throws Exception {
        HttpResponse<String> r = call("POST", "/contribution",
                "{\"region\":\"yichang\",\"period\":\"2023-05\",\"wage\":3450,\"riskClass\":1}");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        ContributionRequest q = ContributionRequest.builder("yichang", YearMonth.of(2023, 5)).wage("3450").riskClass(1).build();
        assertEquals(Endpoints.pretty(ContributionJson.resultWithTrace(rules.contribution(q))), r.body());
        assertEquals("869.40", JSON.readTree(r.body()).at("/totals/total").asText());
    }

    @Test
    void retirementAnswersWithTheReformMonth() throws Exception {
        HttpResponse<String> r = call("POST", "/retirement", "{\"sex\":\"male\",\"birthMonth\":\"1965-05\",\"category\":\"male\","
                + "\"contributionMonths\":192,\"asOf\":\"2026-11-01\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("2025-07", JSON.readTree(r.body()).get("retirementMonth").asText());
    }

    @Test
    void badInputIsOneLineErrorObjectWith400() throws Exception {
        assertError(call("POST", "/contribution", "{\"region\":\"yichang\",\"period\":\"2023-05\",\"wage\":\"lots\"}"),
                400, "INVALID_INPUT", "wage", "lots");
        assertError(call("POST", "/contribution", "{\"region\":\"yichang\",\"period\":\"2023-5x\",\"wage\":1}"),
                400, "INVALID_INPUT", "period", "2023-5x");
        assertError(call("POST", "/contribution", "{\"region\":\"yichang\",\"period\":\"2023-05\",\"wage\":1,\"extra\":2}"),
                400, "INVALID_INPUT", "extra", "2");
        assertError(call("POST", "/contribution", "{\"region\":\"atlantis\",\"period\":\"2023-05\",\"wage\":1}"),
                400, "UNKNOWN_REGION", "region", "atlantis");
        assertError(call("POST", "/contribution", "{not json"), 400, "INVALID_INPUT", "body", null);
        assertError(call("POST", "/contribution", "{} {}"), 400, "INVALID_INPUT", "body", null);
        assertError(call("POST", "/contribution", ""), 400, "INVALID_INPUT", "body", "");
        assertError(call("POST", "/retirement", "[1]"), 400, "INVALID_INPUT", "request", "[1]");
    }

    @Test
    void theNewEndpointsRefuseBadInputWithTheErrorObject() throws Exception {
        assertError(call("GET", "/parameters/no.such.parameter", null), 400, "INVALID_INPUT", "id", "no.such.parameter");
        assertError(call("GET", "/parameters/unemployment.employer_rate?at=2023-05", null), 400, "INVALID_INPUT", "at", "2023-05");
        assertError(call("GET", "/parameters/unemployment.employer_rate?region=atlantis", null), 400, "UNKNOWN_REGION", "region", "atlantis");
        assertError(call("GET", "/coverage?from=2023-13", null), 400, "INVALID_INPUT", "from", "2023-13");
        assertError(call("GET", "/coverage?from=2024-01&to=2023-01", null), 400, "INVALID_INPUT", "to", "2023-01");
        assertError(call("POST", "/services/SYB00002/check", "{\"facts\":{\"contribution_months\":[1]}}"), 400,
                "INVALID_INPUT", "facts.contribution_months", "[1]");
        assertError(call("POST", "/services/SYB00002/check", "{\"fact\":{}}"), 400, "INVALID_INPUT", "fact", null);
        assertError(call("POST", "/services/SYB00002/check", "{\"appliedOn\":\"2024-02-30\"}"), 400, "INVALID_INPUT",
                "appliedOn", "2024-02-30");
        String unit = "{\"code\":\"U1\",\"name\":\"n\",\"region\":\"suizhou\",\"unit_kind\":\"large\",\"risk_class\":1,"
                + "\"insurances\":[\"unemployment\",\"work_injury\"]}";
        assertError(call("POST", "/certificate", "{\"unit\":" + unit + ",\"period\":\"2021-11\",\"issuedOn\":\"2021-11-13\"}"),
                400, "INVALID_INPUT", "roster", "");
        assertError(call("POST", "/certificate", "{\"unit\":{\"code\":\"U1\"},\"roster\":\"id,name,wage\\n1,a,5000\\n\","
                + "\"period\":\"2021-11\",\"issuedOn\":\"2021-11-13\"}"), 400, "INVALID_INPUT", "unit", null);
        // a roster row in error refuses the certificate, naming the row
        HttpResponse<String> r = call("POST", "/certificate", "{\"unit\":" + unit + ",\"roster\":\"id,name,wage,start\\n"
                + "1,a,5000,2021-11-01\\n2,b,lots,2021-11-01\\n\",\"period\":\"2021-11\",\"issuedOn\":\"2021-11-13\"}");
        assertError(r, 400, "INVALID_INPUT", "roster", "2");
        assertTrue(JSON.readTree(r.body()).get("message").asText().contains("row 2"), r.body());
    }

    @Test
    void anUnanswerablePeriodIs422() throws Exception {
        HttpResponse<String> r = call("POST", "/contribution", "{\"region\":\"yichang\",\"period\":\"1999-05\",\"wage\":3000,\"riskClass\":1}");
        assertEquals(422, r.statusCode(), r.body());
        assertEquals("PARAMETER_UNKNOWN", JSON.readTree(r.body()).get("code").asText());
    }

    @Test
    void unknownPathIs404AndWrongMethod405AndHugeBody413() throws Exception {
        assertError(call("GET", "/nothing-here", null), 404, "NOT_FOUND", "path", "/nothing-here");
        assertError(call("GET", "/contribution", null), 405, "METHOD_NOT_ALLOWED", "method", "GET");
        assertError(call("DELETE", "/health", null), 405, "METHOD_NOT_ALLOWED", "method", "DELETE");
        String big = "{\"region\":\"" + "x".repeat(70_000) + "\"}";
        HttpResponse<String> r = call("POST", "/contribution", big);
        assertEquals(413, r.statusCode(), r.body());
    }

    @Test
    void listensOnLoopbackByDefault() {
        assertEquals("127.0.0.1", ServerConfig.defaults().host());
        assertTrue(ServerConfig.defaults().loopbackOnly());
        assertFalse(ServerConfig.defaults().withHost("0.0.0.0").loopbackOnly());
    }

    /** The document lists exactly the routes the router serves, and every one of them answers. */
    @Test
    void openApiMatchesTheServedRoutes() throws Exception {
        HttpResponse<String> r = call("GET", "/openapi.json", null);
        assertEquals(200, r.statusCode());
        JsonNode doc = JSON.readTree(r.body());
        assertEquals("3.0.3", doc.get("openapi").asText());
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey()));
        }
        assertEquals(new TreeSet<>(server.routes()), documented);
        assertTrue(documented.containsAll(Set.of("POST /contribution", "POST /retirement", "GET /health",
                "GET /openapi.json", "GET /parameters", "GET /regions", "POST /replay", "POST /explain",
                "POST /whatif/contribution", "POST /whatif/retirement", "POST /certificate", "POST /services/{code}/check",
                "GET /parameters/{id}", "GET /coverage")), documented.toString());
        for (String route : documented) {
            String[] mp = route.split(" ", 2);
            // a path parameter gets a real value, so that a 400 is the body's, not the path's
            String path = mp[1].replace("{code}", "SYB00002").replace("{id}", "unemployment.employer_rate");
            HttpResponse<String> x = call(mp[0], path, mp[0].equals("POST") ? "{}" : null);
            assertNotEquals(404, x.statusCode(), route);
            assertNotEquals(405, x.statusCode(), route);
            assertTrue(x.statusCode() == 200 || x.statusCode() == 400, route + " " + x.statusCode() + " " + x.body());
        }
        // each POST documents its body, and a schema's properties are the fields the reader accepts
        assertEquals(Set.copyOf(io.shebao.internal.json.RequestJson.CONTRIBUTION_FIELDS), fields(doc.at(
                "/paths/~1contribution/post/requestBody/content/application~1json/schema/properties")));
        assertEquals(Set.copyOf(io.shebao.internal.json.RequestJson.RETIREMENT_FIELDS), fields(doc.at(
                "/paths/~1retirement/post/requestBody/content/application~1json/schema/properties")));
        assertEquals(Set.copyOf(io.shebao.internal.json.RequestJson.CERTIFICATE_FIELDS), fields(doc.at(
                "/paths/~1certificate/post/requestBody/content/application~1json/schema/properties")));
        assertEquals(Set.copyOf(io.shebao.internal.json.RequestJson.SERVICE_CHECK_FIELDS), fields(doc.at(
                "/paths/~1services~1{code}~1check/post/requestBody/content/application~1json/schema/properties")));
        // a path parameter is declared in the path
        JsonNode code = doc.at("/paths/~1services~1{code}~1check/post/parameters/0");
        assertEquals("code", code.get("name").asText());
        assertEquals("path", code.get("in").asText());
        assertEquals("id", doc.at("/paths/~1parameters~1{id}/get/parameters/0/name").asText());
    }

    private static Set<String> fields(JsonNode o) {
        Set<String> s = new TreeSet<>();
        o.fieldNames().forEachRemaining(s::add);
        return s;
    }

    static void assertError(HttpResponse<String> r, int status, String code, String field, String value) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().endsWith("\n") && r.body().indexOf('\n') == r.body().length() - 1, "one line: " + r.body());
        JsonNode e = JSON.readTree(r.body());
        assertEquals(code, e.get("code").asText(), r.body());
        assertEquals(field, e.path("field").isMissingNode() ? null : e.get("field").asText(), r.body());
        if (value != null) {
            assertEquals(value, e.get("value").asText(), r.body());
        }
        assertFalse(e.get("message").asText().isBlank());
    }
}
