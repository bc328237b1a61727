package io.shebao.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.internal.number.DecimalBounds;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.UnitKind;
import io.shebao.contribution.Insurance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contribution side of audit records: reads a recorded request back, and knows which rule produces
 * which part of a result. Rule ids follow the catalogue's convention: the line of an insurance is
 * produced by the rule whose id starts with its prefix ({@code C-PEN-}, {@code C-UNE-}, …), the base by
 * {@code C-BASE-}, rounding by {@code C-ROUND-}, the totals by {@code C-TOT-}.
 */
final class ContributionAudit {
    static final Map<String, String> LINE_RULE_PREFIX = Map.of(
            "pension", "C-PEN-", "unemployment", "C-UNE-", "work_injury", "C-WI-", "medical", "C-MED-",
            "maternity", "C-MAT-");
    static final String BASE_RULES = "C-BASE-";
    static final String ROUNDING_RULES = "C-ROUND-";
    static final String TOTAL_RULES = "C-TOT-";
    private static final Set<String> REQUEST_KEYS = Set.of("region", "period", "wage", "base", "riskClass",
            "floatGrade", "insurances", "allowCarryForward", "unitKind", "contributor", "birth", "sex");

    private ContributionAudit() {
    }

    /** The request of a record, as {@code ContributionJson.request} wrote it. */
    static ContributionRequest readRequest(JsonNode r) {
        for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!REQUEST_KEYS.contains(k)) {
                throw bad("request." + k, "unknown field");
            }
        }
        YearMonth period;
        try {
            period = period(text(r, "period"));
        } catch (DateTimeParseException e) {
            throw bad("request.period", "'" + r.path("period").asText() + "' is not YYYY-MM");
        }
        ContributionRequest.Builder b = ContributionRequest.builder(text(r, "region"), period);
        if (r.has("wage")) {
            b.wage(decimal(r, "wage"));
        }
        if (r.has("base")) {
            b.base(decimal(r, "base"));
        }
        if (r.has("riskClass")) {
            if (!r.get("riskClass").isInt()) {
                throw bad("request.riskClass", "not a whole number");
            }
            b.riskClass(r.get("riskClass").intValue());
        }
        b.floatGrade(decimal(r, "floatGrade"));
        List<Insurance> ins = new ArrayList<>();
        for (JsonNode i : r.path("insurances")) {
            ins.add(Insurance.fromCode(i.asText()).orElseThrow(() -> bad("request.insurances",
                    "'" + i.asText() + "' is not one of " + Insurance.allowedCodes())));
        }
        b.insurances(ins);
        b.allowCarryForward(r.path("allowCarryForward").asBoolean(false));
        if (r.has("unitKind")) {
            String k = text(r, "unitKind");
            b.unitKind(UnitKind.fromCode(k).orElseThrow(() -> bad("request.unitKind",
                    "'" + k + "' is not one of " + UnitKind.allowedCodes())));
        }
        if (r.has("contributor")) {
            String c = text(r, "contributor");
            b.contributor(io.shebao.contribution.Contributor.fromCode(c).orElseThrow(() -> bad("request.contributor",
                    "'" + c + "' is not one of " + io.shebao.contribution.Contributor.allowedCodes())));
        }
        if (r.has("birth") || r.has("sex")) {
            try {
                b.person(YearMonth.parse(text(r, "birth")), io.shebao.retirement.Sex.fromCode(text(r, "sex"))
                        .orElseThrow(() -> bad("request.sex", "not one of " + io.shebao.retirement.Sex.allowedCodes())));
            } catch (DateTimeParseException e) {
                throw bad("request.birth", "'" + r.path("birth").asText() + "' is not YYYY-MM");
            }
        }
        try {
            return b.build();
        } catch (ShebaoException e) {
            throw bad("request", e.getMessage());
        }
    }

    /** {@code YearMonth.parse}, without its formatter for the usual {@code YYYY-MM} (a replay reads one per record). */
    static YearMonth period(String s) {
        if (s.length() == 7 && s.charAt(4) == '-' && digits(s, 0, 4) && digits(s, 5, 7)) {
            int month = (s.charAt(5) - '0') * 10 + (s.charAt(6) - '0');
            if (month >= 1 && month <= 12) {
                return YearMonth.of(Integer.parseInt(s, 0, 4, 10), month);
            }
        }
        return YearMonth.parse(s);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode r, String k) {
        JsonNode v = r.get(k);
        if (v == null || !v.isTextual()) {
            throw bad("request." + k, "missing or not a string");
        }
        return v.textValue();
    }

    private static BigDecimal decimal(JsonNode r, String k) {
        String s = text(r, k);
        try {
            // bounded before any arithmetic: a crafted record cannot cost more than a real one
            return (k.equals("floatGrade") ? DecimalBounds.PERCENT : DecimalBounds.AMOUNT).parse("request." + k, s);
        } catch (ShebaoException e) {
            throw bad("request." + k, e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
        }
    }

    private static ShebaoException bad(String field, String why) {
        return new ShebaoException(ErrorCode.AUDIT_RECORD_INVALID, field, null, "audit record: " + field + ": " + why);
    }

    /** e.g. {@code contribution yichang 2023-05}. */
    static String subject(JsonNode request) {
        return "contribution " + request.path("region").asText() + " " + request.path("period").asText();
    }

    /** Rule-id prefixes of the rules that produce the field at a path of the result. */
    static List<String> rulePrefixes(FieldDifference d, JsonNode before, JsonNode after) {
        List<String> seg = d.segments();
        List<String> out = new ArrayList<>();
        if (seg.size() < 2 || !seg.get(0).equals("result")) {
            return out;
        }
        switch (seg.get(1)) {
            case "baseAdjustment" -> out.add(BASE_RULES);
            case "totals" -> out.add(TOTAL_RULES);
            case "lines" -> {
                if (seg.size() >= 3) {
                    lineInsurance(before, seg.get(2)).or(() -> lineInsurance(after, seg.get(2)))
                            .map(LINE_RULE_PREFIX::get).ifPresent(out::add);
                    if (seg.size() >= 4 && seg.get(3).equals("base")) {
                        out.add(BASE_RULES);
                    }
                    if (seg.size() >= 4 && (seg.get(3).equals("employer") || seg.get(3).equals("employee"))) {
                        out.add(ROUNDING_RULES);
                    }
                } else {
                    out.addAll(LINE_RULE_PREFIX.values());
                }
            }
            default -> {
            }
        }
        return out;
    }

    private static Optional<String> lineInsurance(JsonNode result, String index) {
        try {
            JsonNode l = result.path("lines").path(Integer.parseInt(index));
            return l.has("insurance") ? Optional.of(l.get("insurance").asText()) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
