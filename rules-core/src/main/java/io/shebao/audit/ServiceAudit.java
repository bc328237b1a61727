package io.shebao.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.trace.RuleFiring;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The service-check side of audit records: reads a recorded request back and explains a recorded answer. */
final class ServiceAudit {
    private static final Set<String> REQUEST_KEYS = Set.of("code", "appliedOn", "facts");

    private ServiceAudit() {
    }

    /** A recorded request: the item, the application date and the facts as given. */
    record Request(String code, LocalDate appliedOn, Map<String, String> facts) {
    }

    static Request readRequest(JsonNode q) {
        for (Iterator<String> it = q.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!REQUEST_KEYS.contains(k)) {
                throw bad("request." + k, "unknown field");
            }
        }
        if (!q.path("code").isTextual()) {
            throw bad("request.code", "missing");
        }
        LocalDate on;
        try {
            on = LocalDate.parse(q.path("appliedOn").asText());
        } catch (DateTimeParseException e) {
            throw bad("request.appliedOn", "not a date YYYY-MM-DD");
        }
        Map<String, String> facts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = q.path("facts").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw bad("request.facts." + e.getKey(), "not text");
            }
            facts.put(e.getKey(), e.getValue().asText());
        }
        return new Request(q.get("code").asText(), on, facts);
    }

    /** e.g. {@code service SBZX00015 applied 2026-03-02}. */
    static String subject(JsonNode q) {
        return "service " + q.path("code").asText() + " applied " + q.path("appliedOn").asText();
    }

    static List<String> explain(AuditRecord record, Language lang) {
        boolean zh = lang.chinese();
        JsonNode q = record.request();
        JsonNode r = record.result();
        List<String> out = new ArrayList<>();
        List<String> facts = new ArrayList<>();
        q.path("facts").fields().forEachRemaining(e -> facts.add(e.getKey() + "=" + e.getValue().asText()));
        out.add((zh ? "事项核验：" : "Service check: ") + r.path("code").asText() + " " + r.path("name").asText()
                + (zh ? "，申请日 " : ", applied on ") + q.path("appliedOn").asText()
                + (facts.isEmpty() ? "" : (zh ? "（" : " (") + String.join(", ", facts) + (zh ? "）" : ")")));
        out.add((zh ? "结论：" : "Outcome: ") + r.path("outcome").asText());
        for (JsonNode c : r.path("conditions")) {
            List<String> ids = new ArrayList<>();
            c.path("rules").forEach(x -> ids.add(x.asText()));
            out.add("  [" + c.path("status").asText() + "] " + (zh ? c.path("text").asText() : c.path("textEn").asText())
                    + (ids.isEmpty() ? "" : " — " + String.join(", ", ids)));
        }
        for (String k : List.of("statutoryDeadline", "promisedDeadline")) {
            JsonNode d = r.path(k);
            String label = k.equals("statutoryDeadline") ? (zh ? "法定时限" : "statutory limit") : (zh ? "承诺时限" : "promised limit");
            out.add(label + " " + d.path("text").asText() + (zh ? "：" : ": ")
                    + (d.has("date") ? d.get("date").asText() + " — " : "") + (zh ? d.path("note").asText() : d.path("noteEn").asText()));
        }
        if (r.has("benefitMonths")) {
            out.add((zh ? "失业保险金领取期限 " : "benefit period ") + r.get("benefitMonths").asText() + (zh ? " 个月" : " months"));
        }
        List<RuleFiring> rules = TraceJson.rules(record.trace());
        if (!rules.isEmpty()) {
            out.add(zh ? "适用规则：" : "Rules applied:");
            for (RuleFiring f : rules) {
                out.add("  " + f.id() + " " + f.name() + (zh ? "（依据：" : " (basis: ") + f.legalBasis() + (zh ? "）" : ")"));
            }
        }
        for (var p : TraceJson.parameters(record.trace())) {
            out.add("  " + (zh ? "参数 " : "parameter ") + p.qualifiedId() + " = " + p.value() + " — " + p.reference());
        }
        return out;
    }

    private static ShebaoException bad(String field, String why) {
        return new ShebaoException(ErrorCode.AUDIT_RECORD_INVALID, field, null, "audit record: " + field + ": " + why);
    }
}
