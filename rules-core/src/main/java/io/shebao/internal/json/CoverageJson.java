package io.shebao.internal.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.coverage.Coverage;
import io.shebao.coverage.CoverageCell;

/** JSON of a coverage: the range, and per region and insurance every month with its status and parameters. */
public final class CoverageJson {
    private CoverageJson() {
    }

    public static ObjectNode of(Coverage c) {
        ObjectNode o = Json.object();
        o.put("from", c.from().toString()).put("to", c.to().toString());
        ArrayNode cells = o.putArray("cells");
        for (CoverageCell cell : c.cells()) {
            ObjectNode n = cells.addObject();
            n.put("region", cell.region()).put("month", cell.month().toString())
                    .put("insurance", cell.insurance().code()).put("status", cell.status().code());
            if (!cell.parameters().isEmpty()) {
                ArrayNode p = n.putArray("parameters");
                cell.parameters().forEach(p::add);
            }
        }
        return o;
    }
}
