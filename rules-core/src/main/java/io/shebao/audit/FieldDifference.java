package io.shebao.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.shebao.internal.json.Json;

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

    /**
     * Every leaf that differs between two JSON trees, in document order. Arrays are aligned on their equal
     * elements first (longest common subsequence), so one note inserted at the top shows as one added element,
     * not as every later element shifted; unaligned elements are compared pairwise in order.
     */
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
            walkArrays(a, b, path, out);
        } else {
            out.add(new FieldDifference(path, show(a), show(b)));
        }
    }

    private static void walkArrays(JsonNode a, JsonNode b, String path, List<FieldDifference> out) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        List<Integer> gapA = new ArrayList<>();
        List<Integer> gapB = new ArrayList<>();
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                flushGap(a, b, gapA, gapB, path, out);
                i++;
                j++;
            } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
                gapA.add(i++);
            } else {
                gapB.add(j++);
            }
        }
        flushGap(a, b, gapA, gapB, path, out);
    }

    /** Unaligned elements between two aligned ones: compared pairwise, the rest removed (old index) or added (new index). */
    private static void flushGap(JsonNode a, JsonNode b, List<Integer> gapA, List<Integer> gapB, String path,
                                 List<FieldDifference> out) {
        for (int k = 0; k < Math.max(gapA.size(), gapB.size()); k++) {
            if (k < gapA.size() && k < gapB.size()) {
                walk(a.get(gapA.get(k)), b.get(gapB.get(k)), path + "/" + gapA.get(k), out);
            } else if (k < gapA.size()) {
                walk(a.get(gapA.get(k)), null, path + "/" + gapA.get(k), out);
            } else {
                walk(null, b.get(gapB.get(k)), path + "/" + gapB.get(k), out);
            }
        }
        gapA.clear();
        gapB.clear();
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
