package io.shebao.scenario;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioReaderTest {
    private static final String GOOD = """
            name: statutory
            description: statutory unemployment rate
            overrides:
              - parameter: unemployment.employer_rate
                region: hubei
                from: 2025-01
                until: 2025-12
                value: 0.02
              - parameter: work_injury.base_rate
                key: "2"
                regions: [wuhan, yichang]
                from: 2022-05-01
                value: 0.002
            switches:
              retirement.reform: off
            """;

    @Test
    void readsOverridesDatesAndSwitches() {
        Scenario s = TestParameters.read(GOOD);
        assertEquals("statutory", s.name());
        assertEquals(3, s.overrides().size(), "regions: [a, b] gives one override per region");
        ParameterOverride o = s.overrides().get(0);
        assertEquals(LocalDate.of(2025, 1, 1), o.from());
        assertEquals(LocalDate.of(2025, 12, 31), o.until().orElseThrow());
        assertTrue(o.cities(), "a province override replaces the cities' own values unless told otherwise");
        assertEquals(4, o.line());
        assertEquals("2", s.overrides().get(1).key());
        assertEquals(Map.of("retirement.reform", "off"), s.switches());
        assertEquals(64, s.hash().length());
    }

    @Test
    void hashIsOfCanonicalContentNotLayout() {
        String reordered = """
                # same content, other layout and order
                switches: {retirement.reform: "off"}
                description: statutory unemployment rate
                name: statutory
                overrides:
                  - {parameter: work_injury.base_rate, key: "2", regions: [wuhan, yichang], from: 2022-05, value: 0.002}
                  - {parameter: unemployment.employer_rate, region: hubei, from: 2025-01-01, until: 2025-12-31, value: 0.02}
                """;
        assertEquals(TestParameters.read(GOOD).hash(), TestParameters.read(reordered).hash());
        assertNotEquals(TestParameters.read(GOOD).hash(), TestParameters.read(GOOD.replace("0.02", "0.021")).hash());
        assertNotEquals(TestParameters.read(GOOD).hash(), TestParameters.read(GOOD.replace("off", "on")).hash());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown parameter      | unemployment.employer_rat  | 0.02 | hubei   | 2025-01 | 2025-12 | 5 | unknown parameter 'unemployment.employer_rat'
            rate written as 2      | unemployment.employer_rate | 2    | hubei   | 2025-01 | 2025-12 | 8 | not a valid rate
            rate written as 16%    | unemployment.employer_rate | 16%  | hubei   | 2025-01 | 2025-12 | 8 | not a valid rate
            until before from      | unemployment.employer_rate | 0.02 | hubei   | 2025-01 | 2024-12 | 7 | is before 'from'
            from mid-month         | unemployment.employer_rate | 0.02 | hubei   | 2025-01-15 | 2025-12 | 6 | first day of a month
            until mid-month        | unemployment.employer_rate | 0.02 | hubei   | 2025-01 | 2025-12-15 | 7 | last day of a month
            not a date             | unemployment.employer_rate | 0.02 | hubei   | 2025-13 | 2025-12 | 6 | not a date
            unknown region         | unemployment.employer_rate | 0.02 | atlantis | 2025-01 | 2025-12 | 4 | unknown region 'atlantis'
            """)
    void badOverrideNamesTheLine(String label, String parameter, String value, String region, String from,
                                 String until, int line, String expected) {
        // lines: 4 region, 5 parameter, 6 from, 7 until, 8 value
        String y = "name: bad\ndescription: a bad override\noverrides:\n  - region: " + region + "\n"
                + "    parameter: " + parameter + "\n    from: " + from + "\n    until: " + until + "\n    value: " + value + "\n";
        ShebaoException e = assertThrows(ShebaoException.class, () -> TestParameters.read(y));
        assertEquals(ErrorCode.SCENARIO_INVALID, e.code());
        assertTrue(e.getMessage().startsWith("test.yaml:" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void otherMistakesAreErrorsWithLines() {
        assertError("""
                name: s
                description: d
                switches:
                  retirement.reform: maybe
                """, 4, "allowed: on, off");
        assertError("""
                name: s
                description: d
                switches:
                  retirement.reformm: off
                """, 4, "unknown switch 'retirement.reformm'; declared: retirement.reform");
        assertError("""
                name: s
                description: d
                overrides:
                  - {parameter: work_injury.base_rate, key: "9", region: hubei, from: 2025-01, value: 0.01}
                """, 4, "unknown key '9'; known: 1, 2");
        assertError("""
                name: s
                description: d
                overrides:
                  - {parameter: work_injury.base_rate, region: hubei, from: 2025-01, value: 0.01}
                """, 4, "is keyed: give 'key'");
        assertError("""
                name: s
                description: d
                overrides:
                  - {parameter: unemployment.employer_rate, region: hubei, from: 2025-01, value: 0.02}
                  - {parameter: unemployment.employer_rate, region: hubei, from: 2025-06, until: 2025-08, value: 0.03}
                """, 5, "overlaps the one at line 4");
        assertError("""
                name: s
                description: d
                overrides:
                  - {parameter: unemployment.employer_rate, region: wuhan, cities: keep, from: 2025-01, value: 0.02}
                """, 4, "cities applies only to a region with sub-regions");
        assertError("""
                name: s
                description: d
                overide:
                  - {parameter: unemployment.employer_rate, region: hubei, from: 2025-01, value: 0.02}
                """, 3, "unknown key 'overide'");
        assertError("""
                name: s
                description: d
                """, 1, "changes nothing");
        assertError("""
                name: s
                description: d
                overrides:
                  - {parameter: unemployment.employer_rate, region: hubei, from: 2025-01, value: 0.02, valeu: 1}
                """, 4, "unknown key 'valeu'");
        assertError("name: [s\n", 2, "not valid YAML");
    }

    private static void assertError(String yaml, int line, String expected) {
        ShebaoException e = assertThrows(ShebaoException.class, () -> TestParameters.read(yaml));
        assertEquals(ErrorCode.SCENARIO_INVALID, e.code());
        assertTrue(e.getMessage().startsWith("test.yaml:" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
