package io.shebao.internal.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.parameter.ParameterDefinition;
import io.shebao.parameter.ParameterSet;
import io.shebao.parameter.ParameterValue;
import io.shebao.ShebaoException;
import io.shebao.parameter.Resolution;
import io.shebao.region.Region;
import io.shebao.region.RegionRegistry;

import java.time.YearMonth;
import java.util.List;

/** JSON of dated parameters (参数) and regions: {@code shebao params … --format json} and {@code GET /parameters}. */
public final class ParameterJson {
    private ParameterJson() {
    }

    /** Every parameter with its dated values, in catalogue order. */
    public static ArrayNode all(ParameterSet ps) {
        ArrayNode a = Json.array();
        for (ParameterDefinition d : ps.definitions().values()) {
            ObjectNode o = a.addObject().put("id", d.id()).put("unit", d.unit().code())
                    .put("description", d.description()).put("keyed", d.keyed());
            ArrayNode vs = o.putArray("values");
            ps.values(d.id()).forEach(v -> vs.add(value(v)));
        }
        return a;
    }

    public static ObjectNode value(ParameterValue v) {
        ObjectNode o = Json.object().put("id", v.id());
        if (!v.key().isEmpty()) {
            o.put("key", v.key());
        }
        o.put("region", v.region()).put("from", v.from().toString());
        v.until().ifPresent(u -> o.put("until", u.toString()));
        o.put("value", v.raw()).put("unit", v.unit().code()).put("reference", v.reference())
                .put("provenance", v.provenance().code()).put("pack", v.origin().pack())
                .put("file", v.origin().file()).put("line", v.origin().line());
        return o;
    }

    /** 统筹地区: code, Chinese and English name, parent. */
    public static ArrayNode regions(RegionRegistry regions) {
        ArrayNode a = Json.array();
        for (Region r : regions.all()) {
            ObjectNode o = a.addObject().put("code", r.code()).put("nameZh", r.nameZh()).put("nameEn", r.nameEn());
            r.parent().ifPresent(p -> o.put("parent", p));
        }
        return a;
    }

    /**
     * One parameter ({@code shebao params show ID --format json}, {@code GET /parameters/{id}}): its timeline, only
     * the values that apply to {@code region} (its own and its province's) and {@code key} when given; with
     * {@code at} (needs a region), the value in force that month for each key, or {@code known: false} and the
     * validity of the last value before it.
     *
     * @throws ShebaoException INVALID_INPUT for an unknown id or {@code at} without a region, UNKNOWN_REGION
     */
    public static com.fasterxml.jackson.databind.JsonNode show(ParameterSet ps, RegionRegistry regions, String id,
                                                              String region, YearMonth at, String key) {
        ParameterDefinition d = ps.definition(id).orElseThrow(() -> ShebaoException.invalid("id", id,
                "a parameter id; known: " + String.join(", ", ps.definitions().keySet())));
        if (region != null) {
            regions.require("region", region);
        }
        if (at != null) {
            if (region == null) {
                throw ShebaoException.invalid("at", at, "a month together with a region (a value is in force for a region)");
            }
            ArrayNode a = Json.array();
            List<String> keys = d.keyed() ? (key != null ? List.of(key) : ps.keys(id, region)) : List.of("");
            for (String k : keys) {
                Resolution r = ps.resolve(id, k, region, at);
                if (r instanceof Resolution.Known kn) {
                    a.add(value(kn.value()));
                } else {
                    Resolution.Unknown u = (Resolution.Unknown) r;
                    a.addObject().put("id", id).put("key", k).put("region", region).put("known", false)
                            .put("lastKnown", u.lastBefore().map(ParameterValue::validity).orElse(""));
                }
            }
            return a;
        }
        List<String> chain = region == null ? null : regions.chain(region);
        ObjectNode o = Json.object().put("id", id).put("unit", d.unit().code()).put("description", d.description());
        ArrayNode a = o.putArray("values");
        ps.values(id).stream()
                .filter(v -> chain == null || chain.contains(v.region()))
                .filter(v -> key == null || v.key().equals(key))
                .forEach(v -> a.add(value(v)));
        return o;
    }
}
