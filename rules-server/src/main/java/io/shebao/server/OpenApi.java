package io.shebao.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.ShebaoRules;
import io.shebao.internal.json.Json;

import java.util.List;
import java.util.Map;

/** The OpenAPI 3 description of the service, generated from the endpoint list the router serves. */
final class OpenApi {
    static final String PATH = "/openapi.json";

    private OpenApi() {
    }

    static ObjectNode document(List<Endpoint> endpoints) {
        ObjectNode d = Json.object().put("openapi", "3.0.3");
        d.putObject("info").put("title", "shebao").put("version", ShebaoRules.version())
                .put("description", "Hubei social-insurance rules as a JSON service (docs/SERVE.md). Answers are the "
                        + "CLI's --format json, byte for byte.");
        ObjectNode paths = d.putObject("paths");
        for (Endpoint e : endpoints) {
            ObjectNode item = paths.has(e.path()) ? (ObjectNode) paths.get(e.path()) : paths.putObject(e.path());
            ObjectNode op = item.putObject(e.method().name().toLowerCase(java.util.Locale.ROOT));
            op.put("summary", e.summary()).put("operationId", operationId(e));
            java.util.regex.Matcher pathParam = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(e.path());
            ArrayNode ps = op.putArray("parameters");
            while (pathParam.find()) {
                ps.addObject().put("name", pathParam.group(1)).put("in", "path").put("required", true)
                        .putObject("schema").put("type", "string");
            }
            if (!e.query().isEmpty()) {
                for (Map.Entry<String, String> q : e.query().entrySet()) {
                    ps.addObject().put("name", q.getKey()).put("in", "query").put("required", false)
                            .put("description", q.getValue()).putObject("schema").put("type", "string");
                }
            }
            if (ps.isEmpty()) {
                op.remove("parameters");
            }
            e.requestBody().ifPresent(s -> op.putObject("requestBody").put("required", true).putObject("content")
                    .putObject("application/json").set("schema", s));
            ObjectNode rs = op.putObject("responses");
            rs.putObject("200").put("description", "The answer.").putObject("content").putObject("application/json")
                    .putObject("schema").put("type", "object");
            if (e.method() == Endpoint.Method.POST || !e.query().isEmpty() || ps.size() > 0) {
                error(rs, "400", "Bad JSON or a bad field (INVALID_INPUT, UNKNOWN_REGION, SCENARIO_INVALID, AUDIT_RECORD_INVALID).");
                if (e.method() == Endpoint.Method.POST) {
                    error(rs, "413", "The body is larger than the limit.");
                }
                error(rs, "422", "A well-formed question the rules cannot answer (PARAMETER_UNKNOWN: no value for the period).");
            }
        }
        d.putObject("components").putObject("schemas").set("Error", Schemas.error());
        return d;
    }

    private static void error(ObjectNode responses, String status, String description) {
        responses.putObject(status).put("description", description).putObject("content").putObject("application/json")
                .putObject("schema").put("$ref", "#/components/schemas/Error");
    }

    private static String operationId(Endpoint e) {
        StringBuilder b = new StringBuilder(e.method().name().toLowerCase(java.util.Locale.ROOT));
        for (String part : e.path().split("[/{}.-]+")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return b.toString();
    }
}
