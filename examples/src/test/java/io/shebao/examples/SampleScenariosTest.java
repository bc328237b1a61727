package io.shebao.examples;

import io.shebao.ShebaoRules;
import io.shebao.contribution.Insurance;
import io.shebao.population.ContributionRowParser;
import io.shebao.population.PopulationReader;
import io.shebao.population.RowError;
import io.shebao.scenario.Scenario;
import io.shebao.scenario.ScenarioReader;
import io.shebao.whatif.PopulationComparison;
import io.shebao.whatif.Summary;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped scenarios read cleanly against the bundled rules and the sample population computes without errors. */
class SampleScenariosTest {
    private static final ShebaoRules RULES = ShebaoRules.load();

    @Test
    void everySampleScenarioReads() throws Exception {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Scenario s = ScenarioReader.of(RULES).read(f);
                assertEquals(f.getFileName().toString(), s.name() + ".yaml", "file name = scenario name");
                RULES.withScenario(s);
                names.add(s.name());
            }
        }
        assertTrue(names.containsAll(List.of("no-unemployment-reduction", "ceiling-raised", "work-injury-halved",
                "retirement-reform-off")), names.toString());
    }

    @Test
    void samplePopulationComputesUnderWorkInjuryHalved() throws Exception {
        Scenario s = ScenarioReader.of(RULES).read(Path.of("scenarios/work-injury-halved.yaml"));
        List<RowError> errors = new ArrayList<>();
        Summary sum;
        try (PopulationReader in = PopulationReader.open(Path.of("data/population.csv"))) {
            sum = new PopulationComparison(RULES, RULES.withScenario(s)).run(in, ContributionRowParser.strict(), errors::add);
        }
        assertEquals(List.of(), errors);
        assertEquals(10_000, sum.rows());
        assertEquals(0, sum.difference().of(Insurance.of("pension")).total().signum());
        assertTrue(sum.difference().of(Insurance.of("work_injury")).employer().signum() < 0, "halving lowers work injury");
        assertEquals(0, sum.rises());
    }
}
