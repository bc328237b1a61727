package io.shebao.scenario;

import io.shebao.parameter.ParameterFileReader;
import io.shebao.parameter.ParameterSet;
import io.shebao.region.Region;
import io.shebao.region.RegionRegistry;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;

/** A small province with two cities, one with values of its own, for scenario tests without the catalogue. */
final class TestParameters {
    static final RegionRegistry REGIONS = new RegionRegistry(List.of(
            new Region("hubei", "湖北省", "Hubei", Optional.empty()),
            new Region("wuhan", "武汉市", "Wuhan", Optional.of("hubei")),
            new Region("yichang", "宜昌市", "Yichang", Optional.of("hubei"))));

    static final SwitchRegistry SWITCHES = new SwitchRegistry(List.of(new SwitchDefinition("retirement.reform",
            "渐进式延迟退休 / retirement-age reform", List.of("on", "off"), "on", "test")));

    private TestParameters() {
    }

    static ParameterSet baseline() {
        ParameterFileReader r = new ParameterFileReader(REGIONS);
        var province = r.read(new StringReader("""
                region: hubei
                parameters:
                  unemployment.employer_rate:
                    unit: rate
                    values:
                      - {from: 2016-05-01, until: 2025-12-31, value: 0.007, reference: "test", provenance: seed}
                  work_injury.base_rate:
                    unit: rate
                    keyed: true
                    values:
                      - {key: "1", from: 2021-11-01, value: 0.002, reference: "test", provenance: seed}
                      - {key: "2", from: 2021-11-01, value: 0.004, reference: "test", provenance: seed}
                """), "hubei.yaml", "bundled");
        var city = r.read(new StringReader("""
                region: wuhan
                parameters:
                  unemployment.employer_rate:
                    unit: rate
                    values:
                      - {from: 2024-01-01, until: 2025-12-31, value: 0.005, reference: "test: a city value of its own", provenance: seed}
                  contribution_base.ceiling:
                    unit: yuan
                    values:
                      - {from: 2025-07-01, until: 2026-06-30, value: 22488, reference: "test", provenance: secondary}
                """), "wuhan.yaml", "bundled");
        return ParameterSet.builder(REGIONS).layer("bundled", List.of(province, city)).build();
    }

    static Scenario read(String yaml) {
        return new ScenarioReader(baseline(), SWITCHES).read(new StringReader(yaml), "test.yaml");
    }
}
