package io.shebao.services;

import io.shebao.ShebaoRules;
import io.shebao.retirement.ConditionStatus;
import io.shebao.testing.GoldenCsv;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The boundary cases of golden/services.csv through {@code rules.services().check}. */
class GoldenServiceChecksTest {
    static final ShebaoRules RULES = ShebaoRules.load();

    @TestFactory
    Stream<DynamicTest> goldenCases() {
        return GoldenCsv.read("/golden/services.csv").stream().map(row -> DynamicTest.dynamicTest(row.get("case"), () -> {
            Map<String, String> facts = pairs(row.get("facts"));
            ServiceCheck c = RULES.services().check(row.get("code"), facts, LocalDate.parse(row.get("applied_on")));
            assertEquals(ServiceOutcome.valueOf(row.get("outcome")), c.outcome(), () -> row.get("case") + ": " + c.conditions());
            for (Map.Entry<String, String> e : pairs(row.get("expected")).entrySet()) {
                if (e.getKey().equals("benefit")) {
                    Optional<Integer> want = e.getValue().equals("none") ? Optional.empty() : Optional.of(Integer.parseInt(e.getValue()));
                    assertEquals(want, c.benefitMonths(), row.get("case"));
                    continue;
                }
                ServiceCondition cond = c.conditions().stream().filter(x -> x.code().equals(e.getKey())).findFirst()
                        .orElseThrow(() -> new AssertionError(row.get("case") + ": no condition " + e.getKey() + " in " + c.conditions()));
                assertEquals(ConditionStatus.valueOf(e.getValue()), cond.status(), row.get("case") + " " + cond.text());
            }
            assertFalse(c.conditions().isEmpty());
            for (ServiceCondition cond : c.conditions()) {
                assertFalse(cond.text().zh().isBlank(), cond.code());
                assertFalse(cond.text().en().isBlank(), cond.code());
            }
            if (c.engine() == CheckEngine.RULES) {
                assertTrue(c.trace().rules().stream().allMatch(r -> !r.legalBasis().isBlank() && !r.source().isBlank()),
                        "every rule fired names its legal basis and source");
                CheckSpec spec = RULES.services().spec(c.code());
                assertTrue(c.trace().parameters().stream().allMatch(p -> spec.parameters().contains(p.id())),
                        "only the item's declared parameters are used: " + c.trace().parameters());
            }
        }));
    }

    static Map<String, String> pairs(String s) {
        Map<String, String> m = new LinkedHashMap<>();
        if (s == null || s.isBlank()) {
            return m;
        }
        for (String kv : s.split(";")) {
            int eq = kv.indexOf('=');
            m.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return m;
    }
}
