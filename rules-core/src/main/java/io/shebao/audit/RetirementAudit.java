package io.shebao.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.retirement.Category;
import io.shebao.retirement.RetirementQuery;
import io.shebao.retirement.Sex;
import io.shebao.retirement.SpecialWork;
import io.shebao.retirement.TransferGround;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The retirement side of audit records: reads a recorded query back ({@code RetirementJson.query}), and finds
 * the rules behind a differing field. A retirement result names its rules next to each answer (a
 * {@code rules} list in the same object, or {@code ageRules}/{@code contributionRules} at the top).
 */
final class RetirementAudit {
    private static final Set<String> QUERY_KEYS = Set.of("region", "sex", "birthMonth", "category", "contributionMonths",
            "firstInsured", "specialWorkYears", "incapacityCertified", "soeIdentity", "requested", "transferGrounds",
            "asOf", "idNumber");

    private RetirementAudit() {
    }

    static RetirementQuery readQuery(JsonNode q) {
        for (Iterator<String> it = q.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!QUERY_KEYS.contains(k)) {
                throw bad("request." + k, "unknown field");
            }
        }
        RetirementQuery.Builder b = RetirementQuery.builder().region(text(q, "region"))
                .sex(Sex.fromCode(text(q, "sex")).orElseThrow(() -> bad("request.sex", "not one of " + Sex.allowedCodes())))
                .birthMonth(month(q, "birthMonth"))
                .category(Category.fromCode(text(q, "category")).orElseThrow(() -> bad("request.category",
                        "not one of " + Category.allowedCodes())))
                .incapacityCertified(q.path("incapacityCertified").asBoolean(false))
                .soeIdentity(q.path("soeIdentity").asBoolean(false));
        if (!q.path("contributionMonths").isInt()) {
            throw bad("request.contributionMonths", "missing or not a whole number");
        }
        b.contributionMonths(q.get("contributionMonths").intValue());
        if (q.has("firstInsured")) {
            b.firstInsured(month(q, "firstInsured"));
        }
        if (q.has("requested")) {
            b.requested(month(q, "requested"));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = q.path("specialWorkYears").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            b.specialWork(SpecialWork.fromCode(e.getKey()).orElseThrow(() -> bad("request.specialWorkYears",
                    "'" + e.getKey() + "' is not one of " + SpecialWork.allowedCodes())), e.getValue().asInt());
        }
        List<TransferGround> gs = new ArrayList<>();
        for (JsonNode g : q.path("transferGrounds")) {
            gs.add(TransferGround.fromCode(g.asText()).orElseThrow(() -> bad("request.transferGrounds",
                    "'" + g.asText() + "' is not one of " + TransferGround.allowedCodes())));
        }
        b.transferGrounds(gs);
        try {
            b.asOf(LocalDate.parse(text(q, "asOf")));
        } catch (DateTimeParseException e) {
            throw bad("request.asOf", "'" + q.path("asOf").asText() + "' is not YYYY-MM-DD");
        }
        if (q.has("idNumber")) {
            b.idNumber(text(q, "idNumber"));
        }
        try {
            return b.build();
        } catch (ShebaoException e) {
            throw bad("request", e.getMessage());
        }
    }

    private static YearMonth month(JsonNode q, String k) {
        try {
            return YearMonth.parse(text(q, k));
        } catch (DateTimeParseException e) {
            throw bad("request." + k, "'" + q.path(k).asText() + "' is not YYYY-MM");
        }
    }

    private static String text(JsonNode r, String k) {
        JsonNode v = r.get(k);
        if (v == null || !v.isTextual()) {
            throw bad("request." + k, "missing or not a string");
        }
        return v.textValue();
    }

    private static ShebaoException bad(String field, String why) {
        return new ShebaoException(ErrorCode.AUDIT_RECORD_INVALID, field, null, "audit record: " + field + ": " + why);
    }

    /** e.g. {@code retirement wuhan male born 1965-05 as of 2026-11-01}. */
    static String subject(JsonNode q) {
        return "retirement " + q.path("region").asText() + " " + q.path("category").asText() + " born "
                + q.path("birthMonth").asText() + " as of " + q.path("asOf").asText();
    }

    /** The ids of the rules the result lists beside the differing field (nearest {@code rules} list). */
    static List<String> ruleIds(FieldDifference d, JsonNode before, JsonNode after) {
        List<String> seg = d.segments();
        List<String> out = new ArrayList<>();
        if (seg.size() < 2 || !seg.get(0).equals("result")) {
            return out;
        }
        for (JsonNode result : List.of(before, after)) {
            for (int n = seg.size(); n >= 2; n--) {
                JsonNode node = result;
                for (String s : seg.subList(1, n)) {
                    node = node.isArray() ? node.path(parse(s)) : node.path(s);
                }
                if (node.isObject() && node.path("rules").isArray()) {
                    node.get("rules").forEach(r -> out.add(r.asText()));
                    break;
                }
            }
            String top = seg.get(1).toLowerCase(java.util.Locale.ROOT);
            String list = top.contains("contribution") || top.contains("shortfall") ? "contributionRules"
                    : top.contains("age") || top.contains("month") || top.contains("reform") || top.contains("delay")
                    ? "ageRules" : null;
            if (list != null) {
                result.path(list).forEach(r -> out.add(r.asText()));
            }
        }
        return out;
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
