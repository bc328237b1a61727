package io.shebao.internal.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.services.CheckSpec;
import io.shebao.services.Deadline;
import io.shebao.services.FactSpec;
import io.shebao.services.ServiceCheck;
import io.shebao.services.ServiceCondition;
import io.shebao.services.ServiceItem;
import io.shebao.services.TimeLimit;
import io.shebao.trace.Message;

import java.util.Map;
import java.util.TreeMap;

/**
 * JSON of the service items and checks (CLI and audit records): field names {@code code}, {@code outcome},
 * {@code conditions} (each {@code code}, {@code status}, {@code text} in Chinese, {@code textEn}, {@code rules}),
 * {@code materials}, {@code statutoryDeadline}, {@code promisedDeadline}, {@code benefitMonths}.
 */
public final class ServiceJson {
    private ServiceJson() {
    }

    /** The row of a list: code, name, category, marks and the two limits. */
    public static ObjectNode summary(ServiceItem i, CheckSpec spec) {
        ObjectNode o = Json.object().put("code", i.code()).put("name", i.name()).put("category", i.category())
                .put("group", i.group()).put("checkedBy", spec.engine().name().toLowerCase(java.util.Locale.ROOT));
        o.putObject("marks").put("immediate", i.marks().immediate()).put("online", i.marks().online())
                .put("oneVisit", i.marks().oneVisit());
        o.set("statutoryLimit", limit(i.statutoryLimit()));
        o.set("promisedLimit", limit(i.promisedLimit()));
        return o;
    }

    /** Everything the guide table says, and the facts a check reads. */
    public static ObjectNode item(ServiceItem i, CheckSpec spec) {
        ObjectNode o = Json.PRETTY.valueToTree(i);
        o.put("checkedBy", spec.engine().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode facts = o.putArray("facts");
        for (FactSpec f : spec.facts()) {
            ObjectNode x = facts.addObject().put("name", f.name()).put("type", f.type().name().toLowerCase(java.util.Locale.ROOT))
                    .put("required", f.required()).put("allowed", f.allowed()).put("zh", f.zh()).put("en", f.en());
            if (!f.choices().isEmpty()) {
                f.choices().forEach(x.putArray("choices")::add);
            }
        }
        spec.parameters().forEach(o.putArray("parameters")::add);
        return o;
    }

    public static ObjectNode limit(TimeLimit t) {
        ObjectNode o = Json.object().put("kind", t.kind().name());
        if (t.number() > 0) {
            o.put("number", t.number());
        }
        return o.put("fromApplication", t.fromApplication()).put("text", t.text());
    }

    /** The request of a check as recorded: code, application date and the facts as given (sorted by name). */
    public static ObjectNode request(String code, java.time.LocalDate appliedOn, Map<String, String> facts) {
        ObjectNode o = Json.object().put("code", code).put("appliedOn", appliedOn.toString());
        ObjectNode f = o.putObject("facts");
        new TreeMap<>(facts).forEach(f::put);
        return o;
    }

    public static ObjectNode check(ServiceCheck c) {
        ObjectNode o = Json.object().put("code", c.code()).put("name", c.name()).put("appliedOn", c.appliedOn().toString())
                .put("checkedBy", c.engine().name().toLowerCase(java.util.Locale.ROOT)).put("outcome", c.outcome().name());
        ArrayNode cs = o.putArray("conditions");
        for (ServiceCondition x : c.conditions()) {
            ObjectNode n = cs.addObject().put("code", x.code()).put("status", x.status().name()).put("text", x.text().zh())
                    .put("textEn", x.text().en());
            x.rules().forEach(n.putArray("rules")::add);
        }
        c.materials().forEach(o.putArray("materials")::add);
        o.set("statutoryDeadline", deadline(c.statutoryDeadline()));
        o.set("promisedDeadline", deadline(c.promisedDeadline()));
        c.benefitMonths().ifPresent(m -> o.put("benefitMonths", m));
        o.set("notes", Json.messages(c.notes()));
        return o;
    }

    public static ObjectNode deadline(Deadline d) {
        ObjectNode o = Json.object();
        d.date().ifPresent(x -> o.put("date", x.toString()));
        o.setAll(limit(d.limit()));
        Message m = d.note();
        return o.put("note", m.zh()).put("noteEn", m.en());
    }
}
