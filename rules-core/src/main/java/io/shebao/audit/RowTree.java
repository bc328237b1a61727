package io.shebao.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * 行树: the JSON tree of an audit line as the writer writes it — no white space, no escape, no control
 * character, whole numbers of up to nine digits without a sign or a leading zero — read without Jackson's
 * parser, which was ~14% of a replay's CPU and a fifth of its allocations (docs/PERFORMANCE.md, "Issue 13,
 * stop 14"). Any other text, and a key given twice, gives null: the caller then parses the line with Jackson as
 * before (strict duplicate detection, no trailing tokens), which also reports what is wrong with it. For a text it
 * reads, the tree is the one {@code ObjectMapper.readTree} gives ({@code RowTreeTest}: equal on rows and on
 * edits of every kind, null or Jackson's tree and never another).
 */
final class RowTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Deeper than any row (four levels); Jackson's own limit is far above it. */
    private static final int MAX_DEPTH = 32;
    /** Jackson refuses longer keys (StreamReadConstraints: 50,000); no row has a key of more than 20 characters. */
    private static final int MAX_KEY = 1_000;

    private final String s;
    private int i;

    private RowTree(String s) {
        this.s = s;
    }

    /** The object the line is, or null when it is not written as above (or is not an object). */
    static ObjectNode read(String line) {
        if (line.isEmpty() || line.charAt(0) != '{') {
            return null;
        }
        RowTree r = new RowTree(line);
        JsonNode n = r.value(0);
        return n instanceof ObjectNode o && r.i == line.length() ? o : null;
    }

    /** The value at {@link #i}, leaving {@link #i} after it; null when it is not written as above. */
    private JsonNode value(int depth) {
        if (i >= s.length() || depth > MAX_DEPTH) {
            return null;
        }
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"': {
                String t = string();
                return t == null ? null : TextNode.valueOf(t);
            }
            case 't':
                return literal("true") ? BooleanNode.TRUE : null;
            case 'f':
                return literal("false") ? BooleanNode.FALSE : null;
            case 'n':
                return literal("null") ? NullNode.getInstance() : null;
            default:
                return c >= '0' && c <= '9' ? number() : null;
        }
    }

    private ObjectNode object(int depth) {
        ObjectNode o = NODES.objectNode();
        i++; // '{'
        if (i < s.length() && s.charAt(i) == '}') {
            i++;
            return o;
        }
        while (true) {
            if (i >= s.length() || s.charAt(i) != '"') {
                return null;
            }
            int start = i;
            String key = string();
            if (key == null || i - start - 2 > MAX_KEY || i >= s.length() || s.charAt(i) != ':') {
                return null;
            }
            i++;
            JsonNode v = value(depth + 1);
            if (v == null || o.replace(key, v) != null) {
                return null; // not as written, or a key given twice (Jackson refuses it)
            }
            if (i >= s.length()) {
                return null;
            }
            char c = s.charAt(i++);
            if (c == '}') {
                return o;
            }
            if (c != ',') {
                return null;
            }
        }
    }

    private ArrayNode array(int depth) {
        ArrayNode a = NODES.arrayNode();
        i++; // '['
        if (i < s.length() && s.charAt(i) == ']') {
            i++;
            return a;
        }
        while (true) {
            JsonNode v = value(depth + 1);
            if (v == null || i >= s.length()) {
                return null;
            }
            a.add(v);
            char c = s.charAt(i++);
            if (c == ']') {
                return a;
            }
            if (c != ',') {
                return null;
            }
        }
    }

    /** The string at {@link #i} (its opening quote), without escapes or control characters; else null. */
    private String string() {
        int start = i + 1;
        int end = s.indexOf('"', start);
        if (end < 0) {
            return null;
        }
        for (int j = start; j < end; j++) {
            char c = s.charAt(j);
            if (c == '\\' || c < 0x20) {
                return null; // an escape (Jackson's to read) or a control character (which it refuses)
            }
        }
        i = end + 1;
        return s.substring(start, end);
    }

    /** A whole number of one to nine digits, no leading zero, followed by the end of a value; else null. */
    private JsonNode number() {
        int start = i;
        int v = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            v = v * 10 + (s.charAt(i) - '0');
            i++;
        }
        int digits = i - start;
        if (digits > 9 || (digits > 1 && s.charAt(start) == '0') || i >= s.length()) {
            return null;
        }
        char next = s.charAt(i);
        return next == ',' || next == '}' || next == ']' ? IntNode.valueOf(v) : null;
    }

    private boolean literal(String word) {
        if (!s.startsWith(word, i)) {
            return false;
        }
        i += word.length();
        return i < s.length() && (s.charAt(i) == ',' || s.charAt(i) == '}' || s.charAt(i) == ']');
    }
}
