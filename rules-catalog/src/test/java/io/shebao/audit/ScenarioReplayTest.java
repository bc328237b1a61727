package io.shebao.audit;

import io.shebao.ShebaoRules;
import io.shebao.contribution.ContributionRequest;
import io.shebao.scenario.Scenario;
import io.shebao.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A record made under a scenario replays identical when the scenario is supplied, and says so when not. */
class ScenarioReplayTest {
    private static final ShebaoRules RULES = ShebaoRules.load();
    private static final String YAML = """
            name: statutory-unemployment
            description: statutory 2%/1% unemployment for all Hubei
            overrides:
              - parameter: unemployment.employer_rate
                region: hubei
                from: 2015-03-01
                value: 0.02
                reference: test
              - parameter: unemployment.employee_rate
                region: hubei
                from: 2015-03-01
                value: 0.01
                reference: test
            """;

    @Test
    void replayUnderTheRecordsScenario() {
        Scenario s = ScenarioReader.of(RULES).read(new StringReader(YAML), "test.yaml");
        ShebaoRules view = RULES.withScenario(s);
        AuditRecord rec = view.audit().record(view.contribution(
                ContributionRequest.builder("yichang", YearMonth.of(2023, 5)).wage("3450").riskClass(1).build()));
        assertEquals(s.hash(), rec.scenario().orElseThrow().hash());

        ReplayOutcome with = RULES.audit().withScenarios(List.of(s)).replay(rec);
        assertEquals(ReplayStatus.IDENTICAL, with.status(), with.toString());
        assertTrue(with.notes().stream().anyMatch(n -> n.startsWith("replayed under scenario statutory-unemployment")));

        ReplayOutcome without = RULES.audit().replay(rec);
        assertEquals(ReplayStatus.DIFFERENT, without.status());
        assertTrue(without.notes().stream().anyMatch(n -> n.contains("supply the scenario file with --scenario FILE")),
                without.notes().toString());
        assertTrue(without.differences().stream().anyMatch(d -> d.path().equals("/result/lines/1/employer")),
                without.differences().toString());
    }
}
