package io.shebao.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.router.ParsedEndpoint;
import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.internal.json.Json;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The JSON service (接口服务) on Javalin/Jetty: routes from {@link Endpoints}, errors as the API's one-line error
 * object {@code {code, field, value, message}}, loopback by default, bounded request size, idle timeout and worker
 * pool ({@link ServerConfig}).
 */
public final class ShebaoServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShebaoServer.class);
    private static final ObjectMapper BODY = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final String JSON = "application/json; charset=utf-8";

    private final Javalin app;
    private final List<Endpoint> endpoints;

    private ShebaoServer(Javalin app, List<Endpoint> endpoints) {
        this.app = app;
        this.endpoints = endpoints;
    }

    /** Starts serving the rules; returns once the port is bound. */
    public static ShebaoServer start(ShebaoRules rules, ServerConfig config) {
        return start(Endpoints.all(rules, Clock.systemDefaultZone()), config);
    }

    /** Starts serving the given endpoints and {@code /openapi.json} describing them. */
    public static ShebaoServer start(List<Endpoint> served, ServerConfig config) {
        Objects.requireNonNull(config);
        List<Endpoint> all = new ArrayList<>(served);
        String[] openapi = new String[1];
        all.add(Endpoint.get(OpenApi.PATH, "This description (OpenAPI 3).", c -> openapi[0]));
        openapi[0] = Endpoints.pretty(OpenApi.document(all));
        List<Endpoint> endpoints = List.copyOf(all);
        QueuedThreadPool pool = new QueuedThreadPool(config.workers() + 4, Math.min(4, config.workers()),
                (int) config.idleTimeout().toMillis(), new BlockingArrayQueue<>(config.queue(), 0, config.queue()));
        pool.setName("shebao-http");
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = config.maxRequestBytes();
            cfg.http.prefer405over404 = true;
            cfg.http.defaultContentType = JSON;
            cfg.jetty.threadPool = pool;
            cfg.jetty.addConnector((server, http) -> {
                http.setSendServerVersion(false);
                ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
                c.setHost(config.host());
                c.setPort(config.port());
                c.setIdleTimeout(config.idleTimeout().toMillis());
                return c;
            });
            for (Endpoint e : endpoints) {
                HandlerType type = e.method() == Endpoint.Method.GET ? HandlerType.GET : HandlerType.POST;
                cfg.routes.addEndpoint(new io.javalin.router.Endpoint(type, e.path(), ctx -> handle(e, ctx)));
            }
            cfg.routes.exception(ShebaoException.class, (ex, ctx) -> error(ctx, status(ex.code()), ex.code().name(),
                    ex.field().orElse(null), ex.value().orElse(null), ex.getMessage()));
            cfg.routes.exception(Exception.class, (ex, ctx) -> {
                LOG.error("internal error on {} {}", ctx.method(), ctx.path(), ex);
                error(ctx, 500, "INTERNAL_ERROR", null, null, "internal error: " + ex);
            });
            cfg.routes.error(404, ctx -> error(ctx, 404, "NOT_FOUND", "path", ctx.path(),
                    "path: '" + ctx.path() + "' is not an endpoint; see GET " + OpenApi.PATH));
            cfg.routes.error(405, ctx -> error(ctx, 405, "METHOD_NOT_ALLOWED", "method", ctx.method().name(),
                    "method: " + ctx.method().name() + " is not allowed on " + ctx.path() + "; see GET " + OpenApi.PATH));
            cfg.routes.error(413, ctx -> error(ctx, 413, "REQUEST_TOO_LARGE", "body", null,
                    "body: larger than " + config.maxRequestBytes() + " bytes"));
        });
        app.start();
        if (!config.loopbackOnly()) {
            LOG.warn("serving on {}: reachable from other machines, with no authentication", config.host());
        }
        return new ShebaoServer(app, endpoints);
    }

    private static void handle(Endpoint e, Context ctx) {
        String text = null;
        JsonNode body = null;
        if (e.method() == Endpoint.Method.POST) {
            text = ctx.body();
            try {
                body = BODY.readTree(text);
            } catch (JsonProcessingException ex) {
                throw new ShebaoException(ErrorCode.INVALID_INPUT, "body", null,
                        "body: not JSON (" + ex.getOriginalMessage().lines().findFirst().orElse("") + "); send a JSON object");
            }
            if (body == null || body.isMissingNode()) {
                throw new ShebaoException(ErrorCode.INVALID_INPUT, "body", "", "body: empty; send a JSON object");
            }
        }
        String answer = e.action().answer(new Endpoint.Call(text, body, ctx.pathParamMap(), ctx.queryParamMap().entrySet()
                .stream().collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, x -> x.getValue().get(0)))));
        ctx.status(200).contentType(JSON).result(answer);
    }

    /** Bad input 400; a question the rules cannot answer (no value for the period) 422; rules missing 500. */
    static int status(ErrorCode code) {
        return switch (code) {
            case PARAMETER_UNKNOWN -> 422;
            case RULES_UNAVAILABLE, PARAMETER_FILE_INVALID -> 500;
            default -> 400;
        };
    }

    private static void error(Context ctx, int status, String code, String field, String value, String message) {
        ObjectNode o = Json.object().put("code", code);
        if (field != null) {
            o.put("field", field);
        }
        if (value != null) {
            o.put("value", value);
        }
        o.put("message", message);
        ctx.status(HttpStatus.forStatus(status)).contentType(JSON).result(Json.write(o, false) + "\n");
    }

    /** The port bound (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** The endpoints served, {@code /openapi.json} included. */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** The routes the HTTP router actually holds, as "METHOD path". */
    public List<String> routes() {
        List<String> out = new ArrayList<>();
        for (ParsedEndpoint p : app.unsafe.internalRouter.allHttpHandlers()) {
            out.add(p.endpoint.method.name() + " " + p.endpoint.path);
        }
        return out;
    }

    @Override
    public void close() {
        app.stop();
    }
}
