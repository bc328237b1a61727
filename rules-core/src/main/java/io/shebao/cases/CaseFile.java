package io.shebao.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.parameter.StrictYaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a test file (测试文件, docs/TESTS.md). Strict like the parameter files: an unknown key, a duplicate
 * key, an input field the question does not have or a malformed expectation is an error naming
 * {@code file:line} (a {@link ShebaoException} with {@link ErrorCode#INVALID_INPUT}), never skipped.
 * Input keys may be the API's field names ({@code riskClass}) or the CLI's option names ({@code --risk-class},
 * {@code risk-class}).
 */
public final class CaseFile {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final Set<String> FILE_KEYS = Set.of("kind", "source", "tolerance", "cases");
    private static final Set<String> CASE_KEYS = Set.of("name", "source", "kind", "tolerance", "input", "expect");
    private static final Set<String> OPERATORS = Set.of("equals", "tolerance", "contains", "notEmpty");
    /** CLI option names whose API field is not their camel-case spelling. */
    private static final Map<String, String> OPTION_FIELDS = Map.of("birth", "birthMonth",
            "incapacity", "incapacityCertified", "specialWork", "specialWorkYears", "transferGround", "transferGrounds");

    private final StrictYaml yaml;

    private CaseFile(String file) {
        this.yaml = new StrictYaml(file, ErrorCode.INVALID_INPUT);
    }

    public static List<TestCase> read(Path file) {
        try {
            return read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ShebaoException(ErrorCode.INVALID_INPUT, file.toString(), null,
                    file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads the text of a test file named {@code file} (in messages). */
    public static List<TestCase> read(String file, String text) {
        return new CaseFile(file).cases(new StringReader(text));
    }

    private List<TestCase> cases(Reader text) {
        Node root = yaml.parse(text);
        Map<String, Node> top = yaml.mapping(root, "a test file", FILE_KEYS, Set.of("cases"));
        CaseKind fileKind = top.containsKey("kind") ? kind(top.get("kind")) : null;
        String fileSource = top.containsKey("source") ? yaml.scalar(top.get("source"), "source") : "";
        BigDecimal fileTolerance = top.containsKey("tolerance") ? tolerance(top.get("tolerance")) : BigDecimal.ZERO;
        List<TestCase> out = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (Node c : yaml.sequence(top.get("cases"), "cases")) {
            TestCase t = testCase(c, fileKind, fileSource, fileTolerance);
            if (!names.add(t.name())) {
                throw yaml.error(c, "two cases are named '" + t.name() + "'; give each case its own name");
            }
            out.add(t);
        }
        if (out.isEmpty()) {
            throw yaml.error(top.get("cases"), "cases is empty; a test file needs at least one case");
        }
        return out;
    }

    private TestCase testCase(Node c, CaseKind fileKind, String fileSource, BigDecimal fileTolerance) {
        Map<String, Node> m = yaml.mapping(c, "a case", CASE_KEYS, Set.of("name", "input", "expect"));
        String name = yaml.scalar(m.get("name"), "name").strip();
        if (name.isEmpty()) {
            throw yaml.error(m.get("name"), "name is empty; give the case a name");
        }
        String source = m.containsKey("source") ? yaml.scalar(m.get("source"), "source") : fileSource;
        BigDecimal tolerance = m.containsKey("tolerance") ? tolerance(m.get("tolerance")) : fileTolerance;
        ObjectNode input = input(m.get("input"), null);
        CaseKind kind = m.containsKey("kind") ? kind(m.get("kind")) : fileKind != null ? fileKind : inferKind(input, m.get("input"));
        input = input(m.get("input"), kind); // the names again, now that the kind is known (birth is a contribution field)
        for (Map.Entry<String, Node> e : yaml.entries(m.get("input"), "input").entrySet()) {
            String field = field(e.getKey(), kind);
            if (!kind.fields().contains(field)) {
                throw yaml.error(e.getValue(), "input '" + e.getKey() + "' is not a field of a " + kind.code()
                        + " question; allowed: " + String.join(", ", kind.fields()));
            }
        }
        List<Expectation> expectations = new ArrayList<>();
        flatten("", m.get("expect"), tolerance, expectations);
        if (expectations.isEmpty()) {
            throw yaml.error(m.get("expect"), "expect is empty; say at least one field the answer must have");
        }
        return new TestCase(yaml.file(), StrictYaml.line(c), name, source, kind, input, expectations);
    }

    private CaseKind kind(Node n) {
        String k = yaml.scalar(n, "kind");
        return CaseKind.fromCode(k).orElseThrow(() -> yaml.error(n, "kind '" + k + "' is not allowed; allowed: contribution, retirement"));
    }

    private CaseKind inferKind(ObjectNode input, Node at) {
        if (input.has("period")) {
            return CaseKind.CONTRIBUTION;
        }
        if (input.has("sex") || input.has("birthMonth") || input.has("idNumber") || input.has("contributionMonths")) {
            return CaseKind.RETIREMENT;
        }
        throw yaml.error(at, "cannot tell whether this is a contribution or a retirement case; give kind: contribution|retirement");
    }

    private BigDecimal tolerance(Node n) {
        String s = yaml.scalar(n, "tolerance");
        try {
            BigDecimal d = new BigDecimal(s);
            if (d.signum() >= 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // the message below says what is allowed
        }
        throw yaml.error(n, "tolerance '" + s + "' is not allowed; allowed: a number ≥ 0, e.g. 0.01 (yuan)");
    }

    /** The input with CLI option names turned into API field names. */
    private ObjectNode input(Node n, CaseKind kind) {
        ObjectNode o = NODES.objectNode();
        for (Map.Entry<String, Node> e : yaml.entries(n, "input").entrySet()) {
            String field = field(e.getKey(), kind);
            if (o.has(field)) {
                throw yaml.error(e.getValue(), "input '" + e.getKey() + "' repeats the field " + field);
            }
            JsonNode v = json(e.getValue());
            if (field.equals("specialWorkYears") && !v.isObject()) {
                v = specialWork(v, e.getValue());
            }
            o.set(field, v);
        }
        return o;
    }

    /** {@code --risk-class}, {@code risk-class} and {@code risk_class} are the field {@code riskClass}. */
    static String field(String key) {
        String k = key.startsWith("--") ? key.substring(2) : key;
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char ch : k.toCharArray()) {
            if (ch == '-' || ch == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return OPTION_FIELDS.getOrDefault(b.toString(), b.toString());
    }

    /** As {@link #field(String)}, except that a name the kind's question has as it is stays (contribution's birth). */
    static String field(String key, CaseKind kind) {
        String k = key.startsWith("--") ? key.substring(2) : key;
        return kind != null && kind.fields().contains(k) ? k : field(key);
    }

    /** The CLI's {@code --special-work heights:11,underground:3}, as an object of kind to years. */
    private JsonNode specialWork(JsonNode v, Node at) {
        ObjectNode o = NODES.objectNode();
        List<String> parts = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(x -> parts.add(x.asText()));
        } else {
            parts.addAll(List.of(v.asText().split(",")));
        }
        for (String p : parts) {
            String[] kv = p.strip().split(":", 2);
            if (kv.length != 2) {
                throw yaml.error(at, "special-work '" + p + "' is not allowed; allowed: KIND:YEARS, e.g. heights:11");
            }
            o.put(kv[0].strip(), kv[1].strip());
        }
        return o;
    }

    private void flatten(String prefix, Node n, BigDecimal tolerance, List<Expectation> out) {
        for (Map.Entry<String, Node> e : yaml.entries(n, prefix.isEmpty() ? "expect" : prefix).entrySet()) {
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            Node v = e.getValue();
            if (v instanceof MappingNode mv && isOperator(mv)) {
                out.add(operator(path, mv, tolerance));
            } else if (v instanceof MappingNode) {
                flatten(path, v, tolerance, out);
            } else if (v instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
                out.add(new Expectation(path, Expectation.Check.ABSENT, null, tolerance, StrictYaml.line(v)));
            } else {
                out.add(new Expectation(path, Expectation.Check.EQUALS, json(v), tolerance, StrictYaml.line(v)));
            }
        }
    }

    private boolean isOperator(MappingNode m) {
        List<String> keys = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            keys.add(yaml.scalar(t.getKeyNode(), "a key"));
        }
        return !keys.isEmpty() && OPERATORS.containsAll(keys);
    }

    private Expectation operator(String path, MappingNode m, BigDecimal caseTolerance) {
        Map<String, Node> ops = yaml.mapping(m, "the check of " + path, OPERATORS, Set.of());
        int line = StrictYaml.line(m);
        BigDecimal tol = ops.containsKey("tolerance") ? tolerance(ops.get("tolerance")) : caseTolerance;
        List<String> checks = new ArrayList<>(ops.keySet());
        checks.remove("tolerance");
        if (checks.size() != 1) {
            throw yaml.error(m, "the check of " + path + " needs exactly one of equals, contains, notEmpty");
        }
        Node v = ops.get(checks.get(0));
        return switch (checks.get(0)) {
            case "equals" -> new Expectation(path, Expectation.Check.EQUALS, json(v), tol, line);
            case "contains" -> new Expectation(path, Expectation.Check.CONTAINS, json(v), tol, line);
            default -> {
                if (!"true".equals(yaml.scalar(v, "notEmpty"))) {
                    throw yaml.error(v, "notEmpty can only be true");
                }
                yield new Expectation(path, Expectation.Check.NOT_EMPTY, null, tol, line);
            }
        };
    }

    /** A YAML value as JSON: numbers keep their digits (552.00 stays 552.00), dates stay text. */
    private JsonNode json(Node n) {
        if (n instanceof ScalarNode s) {
            Tag t = s.getTag();
            String v = s.getValue();
            if (t.equals(Tag.NULL)) {
                return NODES.nullNode();
            }
            if (t.equals(Tag.BOOL)) {
                return NODES.booleanNode(v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("on"));
            }
            if (t.equals(Tag.INT) || t.equals(Tag.FLOAT)) {
                try {
                    BigDecimal d = new BigDecimal(v.replace("_", ""));
                    return t.equals(Tag.INT) && d.scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
                            ? NODES.numberNode(d.intValueExact()) : NODES.numberNode(d);
                } catch (NumberFormatException | ArithmeticException e) {
                    return NODES.textNode(v);
                }
            }
            return NODES.textNode(v);
        }
        if (n instanceof SequenceNode s) {
            ArrayNode a = NODES.arrayNode();
            s.getValue().forEach(x -> a.add(json(x)));
            return a;
        }
        ObjectNode o = NODES.objectNode();
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        yaml.entries(n, "a value").forEach((k, v) -> fields.put(k, json(v)));
        fields.forEach(o::set);
        return o;
    }
}
