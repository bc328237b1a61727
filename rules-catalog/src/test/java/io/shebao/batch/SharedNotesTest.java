package io.shebao.batch;

import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.trace.Message;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The complete path gives every row the same instance of a note made of a parameter value or of an insurance,
 * region and month ({@code ContributionPlanner.SHARED_NOTES}), whichever context, month or way (the rules, a
 * case's notes, notes re-stamped for another month) computed it (issue 13, stop 14): a replay then finds a cited
 * note equal to its definition by the identity of its strings. Before, a province's value used in several cities
 * gave one instance per city, and a note re-stamped for a month one per context.
 */
class SharedNotesTest {
    private static final ShebaoRules RULES = ShebaoRules.load();

    @Test
    void aSharedNoteIsOneInstancePerText() {
        ContributionPlanner planner = new ContributionPlanner(RULES);
        Map<Message, Set<Message>> instances = new HashMap<>();
        int rows = 0;
        for (String month : new String[]{"2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01"}) {
            for (String region : new String[]{"wuhan", "yichang", "shiyan", "jingmen", "xiantao", "huanggang", "enshi",
                    "suizhou", "xiaogan", "jingzhou"}) {
                for (String wage : new String[]{"3000", "3100", "8000", "8100", "60000", "61000"}) {
                    for (int riskClass = 1; riskClass <= 3; riskClass++) {
                        ContributionRequest r = ContributionRequest.builder(region, YearMonth.parse(month))
                                .wage(new BigDecimal(wage)).riskClass(riskClass).build();
                        ContributionResult c;
                        try {
                            c = planner.complete(r);
                        } catch (ShebaoException e) {
                            continue;
                        }
                        rows++;
                        for (Message m : c.notes()) {
                            if (ContributionPlanner.SHARED_NOTES.contains(m.code())) {
                                instances.computeIfAbsent(m, k -> java.util.Collections.newSetFromMap(new IdentityHashMap<>()))
                                        .add(m);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(rows > 1000, "rows computed: " + rows);
        assertTrue(instances.keySet().stream().anyMatch(m -> m.code().equals("SECONDARY_SOURCE")), "no secondary source");
        assertTrue(instances.keySet().stream().anyMatch(m -> m.code().equals("INSURANCE_NOT_YET_KNOWN")), "no note of an insurance not yet known");
        for (Map.Entry<Message, Set<Message>> e : instances.entrySet()) {
            assertEquals(1, e.getValue().size(), () -> e.getKey().code() + ": " + e.getKey().en());
        }
    }
}
