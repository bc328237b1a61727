package io.shebao.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.certificate.Certificate;
import io.shebao.certificate.CertificateRequest;
import io.shebao.certificate.CertificateUnit;
import io.shebao.certificate.RosterEntry;
import io.shebao.contribution.Insurance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The certificate side of audit records: the request holds the unit, the dates and the whole roster as read, so
 * the certificate can be recomputed; {@code rosterRowsInError} counts the rows the roster file had in error
 * (not in the request), which a partial certificate was issued without.
 */
final class CertificateAudit {
    private CertificateAudit() {
    }

    static String subject(JsonNode r) {
        return "certificate " + r.path("unit").path("code").asText() + " " + r.path("unit").path("region").asText() + " "
                + r.path("period").asText() + " issued " + r.path("issuedOn").asText() + " (" + r.path("roster").size() + " persons)";
    }

    static AuditRecord recompute(ShebaoRules view, Audit audit, JsonNode r) {
        CertificateRequest req = readRequest(r);
        Certificate c = view.certificate(req);
        long readErrors = r.path("rosterRowsInError").asLong(0);
        if (readErrors > 0) {
            c = new Certificate(c.unit(), c.period(), c.issuedOn(), c.payOn(), c.deadline(), c.number(), c.lines(), c.total(),
                    c.totalInWords(), c.collection(), c.persons(), c.personCount(), c.rowsInError() + readErrors,
                    c.excluded(), c.needsApproval(), c.refunds(), c.refundTotal(), c.warnings(), c.notes(), c.trace());
        }
        return audit.record(req, c, readErrors);
    }

    static CertificateRequest readRequest(JsonNode r) {
        try {
            JsonNode u = r.path("unit");
            Set<Insurance> ins = new java.util.TreeSet<Insurance>();
            for (JsonNode i : u.path("insurances")) {
                ins.add(Insurance.fromCode(i.asText()).orElseThrow(() -> bad("request.unit.insurances", i.asText())));
            }
            CertificateUnit unit = new CertificateUnit(text(u, "code"), text(u, "name"), text(u, "region"),
                    u.has("riskClass") ? Optional.of(u.get("riskClass").asInt()) : Optional.empty(),
                    new BigDecimal(text(u, "floatGrade")), io.shebao.contribution.UnitKind.fromCode(text(u, "unitKind"))
                            .orElseThrow(() -> bad("request.unit.unitKind", u.path("unitKind").asText())), ins);
            List<RosterEntry> roster = new ArrayList<>();
            for (JsonNode p : r.path("roster")) {
                roster.add(new RosterEntry(p.path("row").asLong(), text(p, "id"), p.path("name").asText(""),
                        p.has("wage") ? Optional.of(new BigDecimal(p.get("wage").asText())) : Optional.empty(),
                        p.has("base") ? Optional.of(new BigDecimal(p.get("base").asText())) : Optional.empty(),
                        LocalDate.parse(text(p, "start")),
                        p.has("stop") ? Optional.of(LocalDate.parse(p.get("stop").asText())) : Optional.empty(),
                        p.has("paidThrough") ? Optional.of(YearMonth.parse(p.get("paidThrough").asText())) : Optional.empty(),
                        p.path("paidElsewhere").asBoolean(false), p.path("notBillable").asText("")));
            }
            return new CertificateRequest(unit, YearMonth.parse(text(r, "period")), LocalDate.parse(text(r, "issuedOn")),
                    r.has("payOn") ? Optional.of(LocalDate.parse(r.get("payOn").asText())) : Optional.empty(),
                    r.has("interestRate") ? Optional.of(new BigDecimal(r.get("interestRate").asText())) : Optional.empty(),
                    r.path("allowCarryForward").asBoolean(false), r.path("skipInvalid").asBoolean(false), roster);
        } catch (ShebaoException e) {
            if (e.code() == ErrorCode.AUDIT_RECORD_INVALID) {
                throw e;
            }
            throw bad("request", e.getMessage());
        } catch (RuntimeException e) {
            throw bad("request", e.toString());
        }
    }

    private static String text(JsonNode n, String key) {
        if (!n.path(key).isValueNode()) {
            throw bad("request." + key, "missing");
        }
        return n.get(key).asText();
    }

    private static ShebaoException bad(String field, String why) {
        return new ShebaoException(ErrorCode.AUDIT_RECORD_INVALID, field, why, "audit record: " + field + ": " + why);
    }
}
