package io.shebao.internal.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.retirement.AgeYm;
import io.shebao.retirement.Condition;
import io.shebao.retirement.EarlyRetirement;
import io.shebao.retirement.RetirementOption;
import io.shebao.retirement.RetirementQuery;
import io.shebao.retirement.RetirementResult;
import io.shebao.retirement.SpecialWork;
import io.shebao.retirement.TransferGround;

import java.util.List;

/** JSON of retirement queries and results (the CLI's {@code --format json} and the audit record). */
public final class RetirementJson {
    private RetirementJson() {
    }

    public static ObjectNode query(RetirementQuery q) {
        ObjectNode o = Json.object();
        o.put("region", q.region()).put("sex", q.sex().code()).put("birthMonth", q.birthMonth().toString())
                .put("category", q.category().code()).put("contributionMonths", q.contributionMonths());
        q.firstInsured().ifPresent(m -> o.put("firstInsured", m.toString()));
        ObjectNode sw = o.putObject("specialWorkYears");
        for (SpecialWork k : SpecialWork.values()) {
            Integer y = q.specialWorkYears().get(k);
            if (y != null) {
                sw.put(k.code(), y);
            }
        }
        o.put("incapacityCertified", q.incapacityCertified()).put("soeIdentity", q.soeIdentity());
        q.requested().ifPresent(m -> o.put("requested", m.toString()));
        ArrayNode g = o.putArray("transferGrounds");
        q.transferGrounds().stream().sorted().map(TransferGround::code).forEach(g::add);
        o.put("asOf", q.asOf().toString());
        q.idNumber().ifPresent(id -> o.put("idNumber", id));
        return o;
    }

    /** The result without the trace. */
    public static ObjectNode result(RetirementResult r) {
        ObjectNode o = Json.object();
        o.put("region", r.query().region()).put("category", r.query().category().code())
                .put("birthMonth", r.query().birthMonth().toString()).put("asOf", r.query().asOf().toString());
        o.set("originalAge", age(r.originalAge()));
        o.put("originalMonth", r.originalMonth().toString());
        o.set("statutoryAge", age(r.statutoryAge()));
        o.put("retirementMonth", r.retirementMonth().toString());
        o.put("reformApplied", r.reformApplied()).put("delayMonths", r.delayMonths());
        o.set("ageRules", strings(r.ageRules()));
        o.put("minimumContributionMonths", r.minimumContributionMonths())
                .put("contributionMonthsAtRetirement", r.contributionMonthsAtRetirement())
                .put("contributionMet", r.contributionMet()).put("shortfallMonths", r.shortfallMonths());
        o.set("contributionRules", strings(r.contributionRules()));
        ArrayNode opts = o.putArray("options");
        for (RetirementOption op : r.options()) {
            ObjectNode n = opts.addObject().put("kind", op.kind().code()).put("nameZh", op.kind().nameZh())
                    .put("available", op.available());
            op.month().ifPresent(m -> n.put("month", m.toString()));
            if (op.months() != 0) {
                n.put("months", op.months());
            }
            n.set("reasons", Json.messages(op.reasons()));
            n.set("rules", strings(op.rules()));
        }
        r.flexibleWindow().ifPresent(w -> {
            ObjectNode n = o.putObject("flexibleWindow");
            w.earliest().ifPresent(m -> n.put("earliest", m.toString()));
            n.put("latest", w.latest().toString());
            n.set("reasons", Json.messages(w.reasons()));
            n.set("rules", strings(w.rules()));
        });
        r.requested().ifPresent(d -> {
            ObjectNode n = o.putObject("requested");
            n.put("month", d.month().toString()).put("allowed", d.allowed());
            n.set("reasons", Json.messages(d.reasons()));
            n.set("rules", strings(d.rules()));
        });
        ArrayNode early = o.putArray("earlyRetirement");
        for (EarlyRetirement e : r.earlyRetirement()) {
            ObjectNode n = early.addObject().put("kind", e.kind().code()).put("nameZh", e.kind().nameZh())
                    .put("item", e.kind().item()).put("eligible", e.eligible().name());
            e.ageReached().ifPresent(m -> n.put("ageReached", m.toString()));
            n.set("conditions", conditions(e.conditions()));
            n.set("rules", strings(e.rules()));
        }
        ObjectNode t = o.putObject("transferIn");
        t.put("allowed", r.transferIn().allowed().name());
        t.set("grounds", conditions(r.transferIn().grounds()));
        t.set("rules", strings(r.transferIn().rules()));
        o.set("reasons", Json.messages(r.reasons()));
        o.set("notes", Json.messages(r.notes()));
        o.set("warnings", Json.messages(r.warnings()));
        return o;
    }

    /** The result with its trace, as the CLI prints it. */
    public static ObjectNode resultWithTrace(RetirementResult r) {
        ObjectNode o = result(r);
        o.set("trace", Json.trace(r.trace()));
        return o;
    }

    private static ObjectNode age(AgeYm a) {
        return Json.object().put("years", a.years()).put("months", a.months());
    }

    private static ArrayNode strings(List<String> xs) {
        ArrayNode a = Json.array();
        xs.forEach(a::add);
        return a;
    }

    private static ArrayNode conditions(List<Condition> cs) {
        ArrayNode a = Json.array();
        for (Condition c : cs) {
            a.addObject().put("code", c.code()).put("status", c.status().name()).put("zh", c.text().zh())
                    .put("en", c.text().en()).set("rules", strings(c.rules()));
        }
        return a;
    }
}
