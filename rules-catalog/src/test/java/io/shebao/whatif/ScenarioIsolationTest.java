package io.shebao.whatif;

import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.contribution.Insurance;
import io.shebao.internal.json.ContributionJson;
import io.shebao.internal.json.Json;
import io.shebao.scenario.Scenario;
import io.shebao.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scenario never leaks into the baseline or into another scenario, also on several threads at once. */
class ScenarioIsolationTest {
    private static final ShebaoRules BASELINE = ShebaoRules.load();
    private static final Scenario UNEMPLOYMENT = read("""
            name: statutory-unemployment
            description: statutory 2% / 1%
            overrides:
              - {parameter: unemployment.employer_rate, region: hubei, from: 2015-03, value: 0.02}
              - {parameter: unemployment.employee_rate, region: hubei, from: 2015-03, value: 0.01}
            """);
    private static final Scenario CEILING = read("""
            name: high-ceiling
            description: ceiling 30000 everywhere, floor 5000 in Wuhan, work injury halved
            overrides:
              - {parameter: contribution_base.ceiling, region: hubei, from: 2022-07, until: 2026-06, value: 30000}
              - {parameter: contribution_base.floor, region: wuhan, from: 2025-07, until: 2026-06, value: 5000}
              - {parameter: work_injury.reduction_factor, region: hubei, from: 2022-05, value: 0.5}
            switches:
              retirement.reform: "off"
            """);

    private static Scenario read(String yaml) {
        return ScenarioReader.of(BASELINE).read(new StringReader(yaml), "inline.yaml");
    }

    private static List<ContributionRequest> requests() {
        Random r = new Random(7);
        List<String> regions = List.of("wuhan", "yichang", "shiyan", "jingzhou", "suizhou");
        List<ContributionRequest> out = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String region = regions.get(r.nextInt(regions.size()));
            YearMonth p = region.equals("yichang") && r.nextBoolean() ? YearMonth.of(2022, 7).plusMonths(r.nextInt(12))
                    : YearMonth.of(2025, 7).plusMonths(r.nextInt(6));
            out.add(ContributionRequest.builder(region, p).wage(BigDecimal.valueOf(2000 + r.nextInt(40000)))
                    .riskClass(1 + r.nextInt(8)).build());
        }
        return out;
    }

    /** The whole answer, trace included, as canonical JSON: any leak shows up as a difference. */
    private static String answer(ShebaoRules rules, ContributionRequest q) {
        ContributionResult r = rules.contribution(q);
        return Json.write(ContributionJson.resultWithTrace(r), false);
    }

    @Test
    void baselineAndTwoScenariosInterleavedOnEightThreadsEqualSequentialRuns() throws Exception {
        ShebaoRules unemployment = BASELINE.withScenario(UNEMPLOYMENT);
        ShebaoRules ceiling = BASELINE.withScenario(CEILING);
        List<ShebaoRules> views = List.of(BASELINE, unemployment, ceiling);
        List<ContributionRequest> qs = requests();
        Map<String, String> sequential = new ConcurrentHashMap<>();
        for (int v = 0; v < views.size(); v++) {
            for (int i = 0; i < qs.size(); i++) {
                sequential.put(v + ":" + i, answer(views.get(v), qs.get(i)));
            }
        }
        for (int i = 0; i < qs.size(); i++) {
            assertNotEquals(sequential.get("0:" + i), sequential.get("1:" + i), "the unemployment scenario changes every case");
        }
        List<String> tasks = new ArrayList<>(sequential.keySet());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                List<String> mine = new ArrayList<>(tasks);
                Collections.shuffle(mine, new Random(t)); // each thread interleaves the three views differently
                futures.add(pool.submit(() -> {
                    start.await();
                    List<String> wrong = new ArrayList<>();
                    for (String k : mine) {
                        String[] vi = k.split(":");
                        String a = answer(views.get(Integer.parseInt(vi[0])), qs.get(Integer.parseInt(vi[1])));
                        if (!a.equals(sequential.get(k))) {
                            wrong.add(k);
                        }
                    }
                    return wrong;
                }));
            }
            start.countDown();
            for (Future<List<String>> f : futures) {
                assertEquals(List.of(), f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        // and the baseline is still what it was before any scenario existed
        ShebaoRules fresh = ShebaoRules.load();
        for (int i = 0; i < qs.size(); i++) {
            assertEquals(sequential.get("0:" + i), answer(fresh, qs.get(i)));
        }
    }

    @Test
    void viewsNameTheirScenarioAndSwitches() {
        assertTrue(BASELINE.scenario().isEmpty());
        assertSame(BASELINE, BASELINE.baseline());
        ShebaoRules c = BASELINE.withScenario(CEILING);
        assertEquals("high-ceiling", c.scenario().orElseThrow().name());
        assertEquals(CEILING.hash(), c.scenario().orElseThrow().hash());
        assertEquals("off", c.switches().get("retirement.reform"));
        assertEquals("on", BASELINE.switches().get("retirement.reform"));
        // a second scenario replaces the first, it does not stack
        ShebaoRules u = c.withScenario(UNEMPLOYMENT);
        assertEquals("on", u.switches().get("retirement.reform"));
        ContributionRequest q = ContributionRequest.builder("wuhan", YearMonth.of(2025, 9)).wage("40000").riskClass(1).build();
        assertEquals(new BigDecimal("22488"), u.contribution(q).line(Insurance.of("pension")).orElseThrow().base());
        assertEquals(new BigDecimal("30000"), c.contribution(q).line(Insurance.of("pension")).orElseThrow().base());
        assertTrue(c.baseline().scenario().isEmpty());
        assertEquals(BASELINE.parameters().hash(), c.baseline().parameters().hash());
    }

    @Test
    void scenarioValuesAreMarkedInTheTraceAndNotes() {
        ContributionRequest q = ContributionRequest.builder("yichang", YearMonth.of(2023, 5)).wage("3450").riskClass(1).build();
        ContributionResult r = BASELINE.withScenario(UNEMPLOYMENT).contribution(q);
        assertEquals(new BigDecimal("69.00"), r.line(Insurance.of("unemployment")).orElseThrow().employer());
        assertTrue(r.trace().parameters().stream().anyMatch(p -> p.provenance().equals("scenario")
                && p.pack().equals("scenario:statutory-unemployment") && p.file().equals("inline.yaml") && p.line() == 4));
        assertTrue(r.notes().stream().anyMatch(n -> n.code().equals("SCENARIO_VALUE")));
        assertEquals(new BigDecimal("24.15"), BASELINE.contribution(q).line(Insurance.of("unemployment")).orElseThrow().employer());
    }

    @Test
    void auditRecordsOfAScenarioViewNameTheScenarioAndItsHash() {
        ContributionRequest q = ContributionRequest.builder("yichang", YearMonth.of(2023, 5)).wage("3450").riskClass(1).build();
        ShebaoRules view = BASELINE.withScenario(UNEMPLOYMENT);
        var record = view.audit().record(view.contribution(q));
        assertEquals("statutory-unemployment", record.scenario().orElseThrow().name());
        assertEquals(UNEMPLOYMENT.hash(), record.scenario().orElseThrow().hash());
        assertEquals(view.parameters().hash(), record.parameterSetHash());
        assertTrue(BASELINE.audit().record(BASELINE.contribution(q)).scenario().isEmpty());
    }

    @Test
    void aScenarioMayAnswerWhatTheBaselineCannot() {
        ContributionRequest q = ContributionRequest.builder("hubei", YearMonth.of(2027, 3)).base("10000")
                .insurances(Insurance.of("unemployment")).build();
        assertThrows(ShebaoException.class, () -> BASELINE.contribution(q));
        assertEquals(new BigDecimal("200.00"), BASELINE.withScenario(UNEMPLOYMENT).contribution(q).totals().employer());
    }
}
