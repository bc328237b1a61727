package io.shebao.internal.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.audit.ParameterChange;
import io.shebao.audit.ReplayOutcome;
import io.shebao.trace.ParameterUse;

/** JSON of one replayed audit record (重放结果): {@code shebao replay --format json} and {@code POST /replay}. */
public final class ReplayJson {
    private ReplayJson() {
    }

    public static ObjectNode outcome(ReplayOutcome o) {
        ObjectNode j = Json.object().put("line", o.line()).put("status", o.status().code()).put("subject", o.subject());
        ArrayNode problems = j.putArray("problems");
        o.problems().forEach(problems::add);
        ArrayNode diffs = j.putArray("differences");
        o.differences().forEach(d -> diffs.addObject().put("path", d.path()).put("recorded", d.before())
                .put("recomputed", d.after()));
        ArrayNode rules = j.putArray("rules");
        o.rules().forEach(f -> rules.addObject().put("id", f.id()).put("name", f.name()).put("legalBasis", f.legalBasis())
                .put("source", f.source()));
        ArrayNode params = j.putArray("parameterChanges");
        for (ParameterChange c : o.parameterChanges()) {
            ObjectNode p = params.addObject().put("id", c.qualifiedId());
            c.before().ifPresent(u -> p.set("recorded", param(u)));
            c.after().ifPresent(u -> p.set("recomputed", param(u)));
        }
        ArrayNode notes = j.putArray("notes");
        o.notes().forEach(notes::add);
        return j;
    }

    private static ObjectNode param(ParameterUse u) {
        ObjectNode p = Json.object().put("value", u.value()).put("region", u.region()).put("from", u.from().toString());
        u.until().ifPresent(d -> p.put("until", d.toString()));
        return p.put("reference", u.reference()).put("provenance", u.provenance()).put("pack", u.pack());
    }
}
