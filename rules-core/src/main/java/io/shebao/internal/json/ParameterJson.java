package io.shebao.internal.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.parameter.ParameterDefinition;
import io.shebao.parameter.ParameterSet;
import io.shebao.parameter.ParameterValue;
import io.shebao.region.Region;
import io.shebao.region.RegionRegistry;

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
}
