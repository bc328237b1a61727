package io.shebao.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.trace.Message;
import io.shebao.trace.ParameterUse;
import io.shebao.trace.RuleFiring;
import io.shebao.trace.Trace;

import java.math.BigDecimal;
import java.util.List;

/**
 * The library's JSON conventions, shared by the CLI and audit records: decimals as plain strings
 * ("552.00"), months as {@code YYYY-MM}, keys in a fixed order, no nulls (absent values are left out).
 */
public final class Json {
    /** Mapper that writes object keys in the order they were put and never reorders. */
    public static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
    public static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    public static String decimal(BigDecimal d) {
        return d.toPlainString();
    }

    public static ArrayNode messages(List<Message> ms) {
        ArrayNode a = array();
        for (Message m : ms) {
            a.addObject().put("code", m.code()).put("zh", m.zh()).put("en", m.en());
        }
        return a;
    }

    public static ObjectNode trace(Trace t) {
        ObjectNode o = object();
        ArrayNode rules = o.putArray("rules");
        for (RuleFiring f : t.rules()) {
            rules.addObject().put("id", f.id()).put("name", f.name()).put("legalBasis", f.legalBasis())
                    .put("source", f.source());
        }
        ArrayNode params = o.putArray("parameters");
        for (ParameterUse u : t.parameters()) {
            ObjectNode p = params.addObject().put("id", u.id());
            if (!u.key().isEmpty()) {
                p.put("key", u.key());
            }
            p.put("region", u.region()).put("value", u.value()).put("unit", u.unit())
                    .put("from", u.from().toString());
            u.until().ifPresent(d -> p.put("until", d.toString()));
            p.put("reference", u.reference()).put("provenance", u.provenance()).put("pack", u.pack())
                    .put("file", u.file()).put("line", u.line());
            if (u.carriedForward()) {
                p.put("carriedForward", true);
            }
        }
        return o;
    }

    public static String write(JsonNode n, boolean pretty) {
        try {
            return (pretty ? PRETTY : MAPPER).writeValueAsString(n);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
