package io.shebao.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.shebao.trace.ParameterUse;
import io.shebao.trace.RuleFiring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a recorded trace ({@code io.shebao.internal.json.Json#trace}) back into trace types. */
final class TraceJson {
    private TraceJson() {
    }

    static List<RuleFiring> rules(JsonNode trace) {
        List<RuleFiring> out = new ArrayList<>();
        for (JsonNode r : trace.path("rules")) {
            out.add(new RuleFiring(r.path("id").asText(), r.path("name").asText(), r.path("legalBasis").asText(),
                    r.path("source").asText()).interned());
        }
        return out;
    }

    static List<ParameterUse> parameters(JsonNode trace) {
        List<ParameterUse> out = new ArrayList<>();
        for (JsonNode p : trace.path("parameters")) {
            out.add(new ParameterUse(p.path("id").asText(), p.path("key").asText(""), p.path("region").asText(),
                    p.path("value").asText(), p.path("unit").asText(), date(p.path("from").asText()),
                    p.hasNonNull("until") ? Optional.of(date(p.get("until").asText())) : Optional.empty(),
                    p.path("reference").asText(), p.path("provenance").asText(), p.path("pack").asText(),
                    p.path("file").asText(), p.path("line").asInt(), p.path("carriedForward").asBoolean(false))
                    .interned());
        }
        return out;
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (RuntimeException e) {
            return LocalDate.MIN;
        }
    }

    /** Same value for the auditor: everything but where it was read (file and line may move). */
    static boolean sameValue(ParameterUse a, ParameterUse b) {
        return a.value().equals(b.value()) && a.region().equals(b.region()) && a.from().equals(b.from())
                && a.until().equals(b.until()) && a.reference().equals(b.reference())
                && a.provenance().equals(b.provenance()) && a.pack().equals(b.pack())
                && a.carriedForward() == b.carriedForward();
    }
}
