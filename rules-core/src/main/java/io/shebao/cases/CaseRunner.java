package io.shebao.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.internal.json.Json;
import io.shebao.trace.ParameterUse;
import io.shebao.trace.RuleFiring;
import io.shebao.trace.Trace;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs test cases against the rules: evaluates the question, finds each expected field in the answer's JSON
 * (the CLI's {@code --format json}) and reports every field that differs with the rules and parameters
 * behind it.
 *
 * <p>Paths are dotted: {@code totals.total}; inside a list an element is named by its code
 * ({@code lines.pension.employer}, {@code options.extend-contributions.month}, {@code warnings.CARRIED_FORWARD})
 * or its index ({@code lines.0.base}). A list is compared by the codes of its elements, in any order.
 *
 * @param today the date a retirement question without {@code asOf} is asked on
 */
public record CaseRunner(ShebaoRules rules, LocalDate today) {
    /** Fields that name an element of a list, in the order they are tried. */
    private static final List<String> IDENTITY = List.of("insurance", "kind", "code", "id");
    /** 缴费核定: the rule-id prefix of each insurance's line (the catalogue's convention, docs/AUDIT.md). */
    private static final Map<String, String> LINE_RULES = Map.of("pension", "C-PEN-", "unemployment", "C-UNE-",
            "work_injury", "C-WI-", "medical", "C-MED-", "maternity", "C-MAT-");
    private static final Set<String> AGE_FIELDS = Set.of("originalAge", "originalMonth", "statutoryAge",
            "retirementMonth", "reformApplied", "delayMonths");
    private static final Set<String> CONTRIBUTION_FIELDS = Set.of("minimumContributionMonths",
            "contributionMonthsAtRetirement", "contributionMet", "shortfallMonths");

    /** 退休: the parameter family behind each part of the answer (the catalogue's parameter naming). */
    private static final Map<String, String> RETIREMENT_PARAMETERS = Map.of("flexibleWindow", "retirement.flexible.",
            "requested", "retirement.flexible.", "earlyRetirement", "retirement.early.", "transferIn", "retirement.transfer_in.");

    public CaseRunner {
        Objects.requireNonNull(rules);
        Objects.requireNonNull(today);
    }

    public CaseOutcome run(TestCase c) {
        ObjectNode answer;
        Trace trace;
        try {
            CaseKind.Answer a = c.kind().evaluate(rules, c.input(), today);
            answer = a.json();
            trace = a.trace();
        } catch (ShebaoException e) {
            answer = Json.object();
            ObjectNode err = answer.putObject("error").put("code", e.code().name());
            e.field().ifPresent(f -> err.put("field", f));
            e.value().ifPresent(v -> err.put("value", v));
            err.put("message", e.getMessage());
            trace = new Trace(List.of(), List.of());
        }
        List<Mismatch> out = new ArrayList<>();
        for (Expectation x : c.expectations()) {
            JsonNode actual = find(answer, x.path());
            if (!holds(x, actual)) {
                out.add(new Mismatch(x, actual == null ? "(absent)" : show(actual), rulesBehind(c.kind(), x.path(), answer, trace),
                        parametersBehind(c.kind(), x.path(), trace)));
            }
        }
        return new CaseOutcome(c, out, c.expectations().size());
    }

    /** The node at a dotted path, or null. */
    static JsonNode find(JsonNode root, String path) {
        String[] seg = path.split("\\.");
        JsonNode cur = root;
        for (int i = 0; i < seg.length && cur != null; i++) {
            if (cur.isObject()) {
                cur = cur.get(seg[i]);
            } else if (cur.isArray()) {
                JsonNode found = null;
                // codes may contain dots (parameter ids): try the longest run of segments first
                for (int k = seg.length; k > i && found == null; k--) {
                    String code = String.join(".", java.util.Arrays.copyOfRange(seg, i, k));
                    found = element(cur, code);
                    if (found != null) {
                        i = k - 1;
                    }
                }
                if (found == null && seg[i].chars().allMatch(Character::isDigit)) {
                    found = cur.get(Integer.parseInt(seg[i]));
                }
                cur = found;
            } else {
                return null;
            }
        }
        return cur == null || cur.isNull() ? null : cur;
    }

    private static JsonNode element(JsonNode array, String code) {
        for (JsonNode e : array) {
            if (code.equals(identity(e))) {
                return e;
            }
        }
        return null;
    }

    /** The code that names a list element: its insurance, kind, code or id; a plain value is its own code. */
    static String identity(JsonNode e) {
        if (e.isObject()) {
            for (String f : IDENTITY) {
                if (e.hasNonNull(f)) {
                    return e.get(f).asText();
                }
            }
            return null;
        }
        return e.asText();
    }

    static boolean holds(Expectation x, JsonNode actual) {
        return switch (x.check()) {
            case ABSENT -> actual == null;
            case NOT_EMPTY -> actual != null && !(actual.isContainerNode() ? actual.isEmpty() : actual.asText().isBlank());
            case CONTAINS -> actual != null && contains(actual, x.expected());
            case EQUALS -> actual != null && equal(x.expected(), actual, x.tolerance());
        };
    }

    private static boolean contains(JsonNode actual, JsonNode expected) {
        if (actual.isArray()) {
            Set<String> have = codes(actual);
            return expected.isArray() ? codes(expected).stream().allMatch(have::contains) : have.contains(expected.asText());
        }
        return actual.asText().contains(expected.asText());
    }

    private static boolean equal(JsonNode expected, JsonNode actual, BigDecimal tolerance) {
        if (expected.isArray()) {
            return actual.isArray() && new TreeSet<>(codes(expected)).equals(new TreeSet<>(codes(actual)));
        }
        if (expected.isContainerNode() || actual.isContainerNode()) {
            return expected.equals(actual);
        }
        if (expected.isBoolean() || actual.isBoolean()) {
            return expected.asText().equals(actual.asText());
        }
        BigDecimal e = number(expected);
        BigDecimal a = number(actual);
        if (e != null && a != null) {
            return e.subtract(a).abs().compareTo(tolerance) <= 0;
        }
        return expected.asText().equals(actual.asText());
    }

    private static BigDecimal number(JsonNode n) {
        if (n.isNumber()) {
            return n.decimalValue();
        }
        String s = n.asText();
        if (!s.matches("-?\\d+(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(s);
    }

    private static Set<String> codes(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(e -> out.add(String.valueOf(identity(e))));
        return out;
    }

    /** A value as a report shows it: text without quotes, a list by its codes. */
    static String show(JsonNode n) {
        if (n == null) {
            return "(absent)";
        }
        if (n.isArray()) {
            List<String> cs = new ArrayList<>();
            n.forEach(e -> cs.add(String.valueOf(identity(e))));
            return "[" + String.join(", ", cs) + "]";
        }
        return n.isValueNode() ? n.asText() : n.toString();
    }

    /**
     * The rules that produce the field: a contribution line's by its insurance's rule prefix, the base's
     * ({@code C-BASE-}) and totals' ({@code C-TOT-}); for retirement the {@code rules} listed beside the field
     * (or {@code ageRules}/{@code contributionRules}). Every rule fired when the field has no narrower owner.
     */
    static List<RuleFiring> rulesBehind(CaseKind kind, String path, JsonNode answer, Trace trace) {
        String[] seg = path.split("\\.");
        List<String> prefixes = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        if (kind == CaseKind.CONTRIBUTION) {
            if (seg[0].equals("lines") && seg.length > 1 && LINE_RULES.containsKey(seg[1])) {
                prefixes.add(LINE_RULES.get(seg[1]));
                prefixes.add("C-ROUND-");
                if (seg.length > 2 && seg[2].equals("base")) {
                    prefixes.add("C-BASE-");
                }
            } else if (seg[0].equals("baseAdjustment")) {
                prefixes.add("C-BASE-");
            } else if (seg[0].equals("totals")) {
                prefixes.add("C-TOT-");
            }
        } else {
            if (AGE_FIELDS.contains(seg[0])) {
                answer.path("ageRules").forEach(r -> ids.add(r.asText()));
            } else if (CONTRIBUTION_FIELDS.contains(seg[0])) {
                answer.path("contributionRules").forEach(r -> ids.add(r.asText()));
            } else {
                // the nearest object on the path that lists its rules
                for (int k = seg.length; k > 0 && ids.isEmpty(); k--) {
                    JsonNode owner = find(answer, String.join(".", java.util.Arrays.copyOf(seg, k)));
                    if (owner != null && owner.isObject() && owner.has("rules")) {
                        owner.get("rules").forEach(r -> ids.add(r.asText()));
                    }
                }
            }
        }
        List<RuleFiring> out = new ArrayList<>();
        for (RuleFiring f : trace.rules()) {
            boolean narrowed = !prefixes.isEmpty() || !ids.isEmpty();
            if (!narrowed || ids.contains(f.id()) || prefixes.stream().anyMatch(f.id()::startsWith)) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * The parameter values used for the field: a contribution line's insurance's and the base's; a retirement
     * field's family (age, minimum contribution, flexible window, early retirement, transfer-in); else all used.
     */
    static List<ParameterUse> parametersBehind(CaseKind kind, String path, Trace trace) {
        String[] seg = path.split("\\.");
        if (kind == CaseKind.CONTRIBUTION && seg[0].equals("lines") && seg.length > 1 && LINE_RULES.containsKey(seg[1])) {
            return trace.parameters().stream().filter(u -> u.id().startsWith(seg[1] + ".")
                    || u.id().startsWith("contribution_base.") || u.id().startsWith("contribution.")).toList();
        }
        if (kind == CaseKind.CONTRIBUTION && seg[0].equals("baseAdjustment")) {
            return trace.parameters().stream().filter(u -> u.id().startsWith("contribution_base.")).toList();
        }
        if (kind == CaseKind.RETIREMENT) {
            List<String> prefixes = AGE_FIELDS.contains(seg[0]) ? List.of("retirement.original_age", "retirement.reform.")
                    : CONTRIBUTION_FIELDS.contains(seg[0]) ? List.of("retirement.minimum_contribution.")
                    : RETIREMENT_PARAMETERS.containsKey(seg[0]) ? List.of(RETIREMENT_PARAMETERS.get(seg[0])) : List.of();
            List<ParameterUse> narrowed = trace.parameters().stream()
                    .filter(u -> prefixes.stream().anyMatch(u.id()::startsWith)).toList();
            if (!narrowed.isEmpty()) {
                return narrowed;
            }
        }
        return trace.parameters();
    }
}
