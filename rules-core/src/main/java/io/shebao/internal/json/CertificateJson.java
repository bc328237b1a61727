package io.shebao.internal.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.certificate.ApprovalItem;
import io.shebao.certificate.Certificate;
import io.shebao.certificate.CertificateLine;
import io.shebao.certificate.CertificateRequest;
import io.shebao.certificate.CertificateUnit;
import io.shebao.certificate.CollectionItem;
import io.shebao.certificate.Exclusion;
import io.shebao.certificate.PersonBill;
import io.shebao.certificate.PersonMonth;
import io.shebao.certificate.Refund;
import io.shebao.certificate.RosterEntry;
import io.shebao.contribution.ContributionLine;
import io.shebao.contribution.Insurance;

import static io.shebao.internal.json.Json.decimal;

/** JSON of certificate requests and certificates (the CLI's {@code --format json} and the audit record). */
public final class CertificateJson {
    private CertificateJson() {
    }

    public static ObjectNode unit(CertificateUnit u) {
        ObjectNode o = Json.object();
        o.put("code", u.code()).put("name", u.name()).put("region", u.region());
        u.riskClass().ifPresent(c -> o.put("riskClass", c));
        o.put("floatGrade", decimal(u.floatGrade())).put("unitKind", u.kind().code());
        ArrayNode ins = o.putArray("insurances");
        u.insurances().stream().sorted().map(Insurance::code).forEach(ins::add);
        return o;
    }

    /** The request with its whole roster (what an audit record needs to recompute the certificate). */
    public static ObjectNode request(CertificateRequest r) {
        ObjectNode o = Json.object();
        o.set("unit", unit(r.unit()));
        o.put("period", r.period().toString()).put("issuedOn", r.issuedOn().toString());
        r.payOn().ifPresent(d -> o.put("payOn", d.toString()));
        r.interestRate().ifPresent(d -> o.put("interestRate", decimal(d)));
        o.put("allowCarryForward", r.allowCarryForward()).put("skipInvalid", r.skipInvalid());
        ArrayNode roster = o.putArray("roster");
        for (RosterEntry e : r.roster()) {
            ObjectNode p = roster.addObject();
            p.put("row", small(e.row())).put("id", e.id());
            if (!e.name().isEmpty()) {
                p.put("name", e.name());
            }
            e.wage().ifPresent(w -> p.put("wage", decimal(w)));
            e.base().ifPresent(b -> p.put("base", decimal(b)));
            p.put("start", e.start().toString());
            e.stop().ifPresent(s -> p.put("stop", s.toString()));
            e.paidThrough().ifPresent(m -> p.put("paidThrough", m.toString()));
            if (e.paidElsewhere()) {
                p.put("paidElsewhere", true);
            }
            if (!e.notBillable().isEmpty()) {
                p.put("notBillable", e.notBillable());
            }
        }
        return o;
    }

    /** The certificate without its trace. */
    public static ObjectNode result(Certificate c) {
        ObjectNode o = Json.object();
        o.put("unitCode", c.unit().code()).put("unitName", c.unit().name()).put("region", c.unit().region());
        o.put("number", c.number());
        o.put("period", c.period().toString()).put("issuedOn", c.issuedOn().toString())
                .put("payOn", c.payOn().toString()).put("deadline", c.deadline().toString());
        o.put("partial", c.partial()).put("rowsInError", small(c.rowsInError()));
        ArrayNode lines = o.putArray("lines");
        for (CertificateLine l : c.lines()) {
            lines.addObject().put("insurance", l.insurance().code()).put("nameZh", l.insurance().nameZh())
                    .put("employer", decimal(l.employer())).put("employee", decimal(l.employee()))
                    .put("interest", decimal(l.interest())).put("lateFee", decimal(l.lateFee()))
                    .put("total", decimal(l.total()));
        }
        o.put("total", decimal(c.total())).put("totalInWords", c.totalInWords());
        ArrayNode col = o.putArray("collection");
        for (CollectionItem i : c.collection()) {
            col.addObject().put("kind", i.kind().name()).put("label", i.label()).put("month", i.month().toString())
                    .put("employer", decimal(i.employer())).put("employee", decimal(i.employee()))
                    .put("lateFee", decimal(i.lateFee())).put("interest", decimal(i.interest()))
                    .put("total", decimal(i.total()));
        }
        o.put("personCount", small(c.personCount()));
        ArrayNode persons = o.putArray("persons");
        for (PersonBill b : c.persons()) {
            persons.add(person(b));
        }
        ArrayNode ex = o.putArray("excluded");
        for (Exclusion e : c.excluded()) {
            ex.addObject().put("row", small(e.row())).put("id", e.id()).put("name", e.name()).put("code", e.reason().code())
                    .put("zh", e.reason().zh()).put("en", e.reason().en()).put("rule", e.ruleId());
        }
        ArrayNode ap = o.putArray("needsApproval");
        for (ApprovalItem a : c.needsApproval()) {
            ap.addObject().put("row", small(a.row())).put("id", a.id()).put("name", a.name()).put("from", a.from().toString())
                    .put("to", a.to().toString()).put("code", a.reason().code()).put("zh", a.reason().zh())
                    .put("en", a.reason().en()).put("rule", a.ruleId());
        }
        ArrayNode rf = o.putArray("refunds");
        for (Refund r : c.refunds()) {
            rf.addObject().put("row", small(r.row())).put("id", r.id()).put("name", r.name()).put("month", r.month().toString())
                    .put("employer", decimal(r.employer())).put("employee", decimal(r.employee()))
                    .put("total", decimal(r.total()));
        }
        o.put("refundTotal", decimal(c.refundTotal()));
        o.set("warnings", Json.messages(c.warnings()));
        o.set("notes", Json.messages(c.notes()));
        return o;
    }

    public static ObjectNode person(PersonBill b) {
        ObjectNode p = Json.object();
        p.put("row", small(b.row())).put("id", b.id()).put("name", b.name());
        ArrayNode ms = p.putArray("months");
        for (PersonMonth m : b.months()) {
            ObjectNode n = ms.addObject();
            n.put("month", m.month().toString()).put("kind", m.kind().name()).put("scope", m.scope().name())
                    .put("rule", m.ruleId()).put("employer", decimal(m.employer())).put("employee", decimal(m.employee()))
                    .put("total", decimal(m.total()));
            ArrayNode ls = n.putArray("lines");
            for (ContributionLine l : m.lines()) {
                ls.addObject().put("insurance", l.insurance().code()).put("base", decimal(l.base()))
                        .put("employerRate", decimal(l.employerRate())).put("employeeRate", decimal(l.employeeRate()))
                        .put("employer", decimal(l.employer())).put("employee", decimal(l.employee()));
            }
        }
        return p;
    }

    /** A count or row number as JSON reads it back (an int when it fits), so a record replays to equal nodes. */
    private static int small(long v) {
        return Math.toIntExact(v);
    }

    /** The certificate with its trace, as the CLI prints it. */
    public static ObjectNode resultWithTrace(Certificate c) {
        ObjectNode o = result(c);
        o.set("trace", Json.trace(c.trace()));
        return o;
    }
}
