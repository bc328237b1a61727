package io.shebao.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.shebao.json.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * 差异字段: one field whose recorded and recomputed values differ.
 *
 * @param path   JSON Pointer into the record, e.g. {@code /result/lines/1/employer}
 * @param before the recorded value ({@value #ABSENT} when the field was not there)
 * @param after  the recomputed value ({@value #ABSENT} when the field is not there)
 */
public record FieldDifference(String path, String before, String after) {
    public static final String ABSENT = "(absent)";

    /** Every leaf that differs between two JSON trees, in document order; arrays compare element by element. */
    public static List<FieldDifference> between(JsonNode before, JsonNode after, String path) {
        List<FieldDifference> out = new ArrayList<>();
        walk(before, after, path, out);
        return List.copyOf(out);
    }

    private static void walk(JsonNode a, JsonNode b, String path, List<FieldDifference> out) {
        if (a != null && b != null && a.equals(b)) {
            return;
        }
        if (a != null && b != null && a.isObject() && b.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                walk(a.get(k), b.get(k), path + "/" + k.replace("~", "~0").replace("/", "~1"), out);
            }
        } else if (a != null && b != null && a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                walk(a.get(i), b.get(i), path + "/" + i, out);
            }
        } else {
            out.add(new FieldDifference(path, show(a), show(b)));
        }
    }

    private static String show(JsonNode n) {
        if (n == null) {
            return ABSENT;
        }
        return n.isValueNode() ? n.asText() : Json.write(n, false);
    }

    /** The path's elements, e.g. [result, lines, 1, employer]. */
    List<String> segments() {
        List<String> s = new ArrayList<>();
        for (Iterator<String> it = List.of(path.substring(1).split("/")).iterator(); it.hasNext(); ) {
            s.add(it.next().replace("~1", "/").replace("~0", "~"));
        }
        return s;
    }
}
