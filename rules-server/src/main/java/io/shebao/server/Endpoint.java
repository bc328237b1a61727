package io.shebao.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One route of the service: its method and path, what it does (for the OpenAPI document), the schema of its
 * JSON body (POST) and the action that answers it. Adding an endpoint is adding one of these to
 * {@link Endpoints#all}.
 *
 * @param path        Javalin path syntax, {@code {name}} for a path parameter (the same in OpenAPI)
 * @param requestBody the JSON schema of the body, empty for GET
 * @param query       query parameters: name → description
 */
public record Endpoint(Method method, String path, String summary, Optional<ObjectNode> requestBody,
                       Map<String, String> query, Action action) {
    public enum Method { GET, POST }

    /** Answers one call with the response body (JSON text, ending in a newline as the CLI prints it). */
    @FunctionalInterface
    public interface Action {
        String answer(Call call);
    }

    /** What the action sees of a request: the body as sent and parsed (null for GET), path and query parameters. */
    public record Call(String text, JsonNode body, Map<String, String> pathParams, Map<String, String> queryParams) {
    }

    public Endpoint {
        Objects.requireNonNull(method);
        Objects.requireNonNull(path);
        Objects.requireNonNull(summary);
        Objects.requireNonNull(requestBody);
        query = Map.copyOf(query);
        Objects.requireNonNull(action);
    }

    public static Endpoint get(String path, String summary, Action action) {
        return new Endpoint(Method.GET, path, summary, Optional.empty(), Map.of(), action);
    }

    public static Endpoint post(String path, String summary, ObjectNode bodySchema, Action action) {
        return new Endpoint(Method.POST, path, summary, Optional.of(bodySchema), Map.of(), action);
    }

    public Endpoint withQuery(String name, String description) {
        Map<String, String> q = new java.util.LinkedHashMap<>(query);
        q.put(name, description);
        return new Endpoint(method, path, summary, requestBody, q, action);
    }
}
