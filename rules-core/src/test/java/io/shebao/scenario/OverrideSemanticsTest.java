package io.shebao.scenario;

import io.shebao.parameter.ParameterSet;
import io.shebao.parameter.ParameterValue;
import io.shebao.parameter.Provenance;
import io.shebao.parameter.Resolution;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** What "for all Hubei" means, and that the baseline never changes. */
class OverrideSemanticsTest {
    private static final YearMonth MAY_2025 = YearMonth.of(2025, 5);

    private static String rate(ParameterSet ps, String region, YearMonth m) {
        return ((Resolution.Known) ps.resolve("unemployment.employer_rate", region, m)).value().raw();
    }

    private static ParameterSet over(String overrides) {
        ParameterSet base = TestParameters.baseline();
        return TestParameters.read("name: s\ndescription: d\noverrides:\n" + overrides).parametersOver(base);
    }

    @Test
    void provinceOverrideReplacesCityValuesToo() {
        ParameterSet ps = over("  - {parameter: unemployment.employer_rate, region: hubei, from: 2025-01, until: 2025-12, value: 0.02}\n");
        assertEquals("0.02", rate(ps, "hubei", MAY_2025));
        assertEquals("0.02", rate(ps, "yichang", MAY_2025), "a city without a value of its own inherits it");
        assertEquals("0.02", rate(ps, "wuhan", MAY_2025), "Wuhan's own value is replaced too: 'for all Hubei'");
        ParameterValue v = ((Resolution.Known) ps.resolve("unemployment.employer_rate", "wuhan", MAY_2025)).value();
        assertEquals(Provenance.SCENARIO, v.provenance());
        assertEquals("scenario:s", v.origin().pack());
        assertEquals(4, v.origin().line());
        // outside the override's dates the baseline values apply, the city's own included
        assertEquals("0.005", rate(ps, "wuhan", YearMonth.of(2024, 5)));
        assertEquals("0.007", rate(ps, "yichang", YearMonth.of(2024, 5)));
    }

    @Test
    void citiesKeepLeavesCityValuesAlone() {
        ParameterSet ps = over("  - {parameter: unemployment.employer_rate, region: hubei, cities: keep, from: 2025-01, until: 2025-12, value: 0.02}\n");
        assertEquals("0.02", rate(ps, "yichang", MAY_2025));
        assertEquals("0.005", rate(ps, "wuhan", MAY_2025));
    }

    @Test
    void cityOverrideBeatsProvinceOverride() {
        ParameterSet ps = over("""
                  - {parameter: unemployment.employer_rate, region: hubei, from: 2025-01, until: 2025-12, value: 0.02}
                  - {parameter: unemployment.employer_rate, region: wuhan, from: 2025-04, until: 2025-06, value: 0.015}
                """);
        assertEquals("0.015", rate(ps, "wuhan", MAY_2025));
        assertEquals("0.02", rate(ps, "wuhan", YearMonth.of(2025, 7)), "outside the city's dates the province's applies");
        assertEquals("0.02", rate(ps, "yichang", MAY_2025));
    }

    @Test
    void overrideMayGiveAValueWhereTheBaselineHasNone() {
        ParameterSet base = TestParameters.baseline();
        assertInstanceOf(Resolution.Unknown.class, base.resolve("unemployment.employer_rate", "yichang", YearMonth.of(2026, 3)));
        ParameterSet ps = over("  - {parameter: unemployment.employer_rate, region: hubei, from: 2026-01, value: 0.01}\n");
        assertEquals("0.01", rate(ps, "yichang", YearMonth.of(2026, 3)));
        assertEquals("0.01", rate(ps, "wuhan", YearMonth.of(2026, 3)));
    }

    @Test
    void baselineIsNeverChanged() {
        ParameterSet base = TestParameters.baseline();
        String hash = base.hash();
        int values = base.values().size();
        Scenario s = TestParameters.read("""
                name: s
                description: d
                overrides:
                  - {parameter: unemployment.employer_rate, region: hubei, from: 2025-01, value: 0.02}
                """);
        ParameterSet ps = s.parametersOver(base);
        assertEquals(hash, base.hash());
        assertEquals(values, base.values().size());
        assertEquals("0.005", rate(base, "wuhan", MAY_2025));
        assertEquals("0.007", rate(base, "yichang", MAY_2025));
        assertEquals(java.util.List.of("bundled"), base.layers());
        assertEquals(java.util.List.of("bundled", "scenario:s (cities)", "scenario:s"), ps.layers());
        assertEquals(false, hash.equals(ps.hash()), "the scenario's parameter set has its own hash");
    }

    @Test
    void switchesTakeDefaultsUnlessSet() {
        assertEquals(java.util.Map.of("retirement.reform", "on"), TestParameters.SWITCHES.defaults());
        assertEquals(java.util.Map.of("retirement.reform", "off"),
                TestParameters.SWITCHES.effective(java.util.Map.of("retirement.reform", "off")));
    }
}
