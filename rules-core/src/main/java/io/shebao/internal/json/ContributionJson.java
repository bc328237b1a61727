package io.shebao.internal.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.contribution.ContributionLine;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.contribution.Insurance;

import static io.shebao.internal.json.Json.decimal;

/** JSON of contribution requests and results (the CLI's {@code --format json} and the audit record). */
public final class ContributionJson {
    private ContributionJson() {
    }

    public static ObjectNode request(ContributionRequest r) {
        ObjectNode o = Json.object();
        o.put("region", r.region()).put("period", r.period().toString());
        r.wage().ifPresent(w -> o.put("wage", decimal(w)));
        r.base().ifPresent(b -> o.put("base", decimal(b)));
        r.riskClass().ifPresent(c -> o.put("riskClass", c));
        o.put("floatGrade", decimal(r.floatGrade()));
        ArrayNode ins = o.putArray("insurances");
        r.insurances().stream().sorted().map(Insurance::code).forEach(ins::add);
        o.put("allowCarryForward", r.allowCarryForward());
        r.unitKind().ifPresent(k -> o.put("unitKind", k.code()));
        if (r.contributor() != io.shebao.contribution.Contributor.EMPLOYEE) {
            o.put("contributor", r.contributor().code());
        }
        r.birthMonth().ifPresent(b -> o.put("birth", b.toString()));
        r.sex().ifPresent(s -> o.put("sex", s.code()));
        return o;
    }

    /** The result without the trace. */
    public static ObjectNode result(ContributionResult r) {
        ObjectNode o = Json.object();
        o.put("region", r.request().region()).put("period", r.request().period().toString());
        o.put("baseAdjustment", r.baseAdjustment().name());
        ArrayNode lines = o.putArray("lines");
        for (ContributionLine l : r.lines()) {
            ObjectNode n = lines.addObject();
            n.put("insurance", l.insurance().code()).put("nameZh", l.insurance().nameZh())
                    .put("base", decimal(l.base())).put("employerRate", decimal(l.employerRate()))
                    .put("employeeRate", decimal(l.employeeRate())).put("employer", decimal(l.employer()))
                    .put("employee", decimal(l.employee()));
            if (l.employeeFixed().signum() != 0) {
                n.put("employeeFixed", decimal(l.employeeFixed()));
            }
        }
        o.putObject("totals").put("employer", decimal(r.totals().employer()))
                .put("employee", decimal(r.totals().employee())).put("total", decimal(r.totals().total()));
        o.set("notes", Json.messages(r.notes()));
        o.set("warnings", Json.messages(r.warnings()));
        return o;
    }

    /** The result with its trace, as the CLI prints it. */
    public static ObjectNode resultWithTrace(ContributionResult r) {
        ObjectNode o = result(r);
        o.set("trace", Json.trace(r.trace()));
        return o;
    }
}
