package io.shebao.parameter;

import io.shebao.ShebaoException;
import io.shebao.region.Region;
import io.shebao.region.RegionGroup;
import io.shebao.region.RegionRegistry;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A parameter file that names a region group (地区分类) gives its values to every region of the group. */
class RegionGroupFileTest {
    private static final RegionRegistry REGIONS = new RegionRegistry(List.of(
            new Region("hubei", "湖北省", "Hubei", Optional.empty()),
            new Region("wuhan", "武汉市", "Wuhan", Optional.of("hubei")),
            new Region("yichang", "宜昌市", "Yichang", Optional.of("hubei")),
            new Region("xiaogan", "孝感市", "Xiaogan", Optional.of("hubei"))),
            List.of(new RegionGroup("tier-2", "二类", "tier 2", List.of("yichang", "xiaogan"), "test notice")));

    private static final String VALUES = """
            parameters:
              contribution_base.floor:
                unit: yuan
                values:
                  - {from: 2023-07-01, until: 2024-06-30, value: 3800, reference: "test notice", provenance: secondary}
            """;

    @Test
    void groupValuesReachEveryMemberAndNoOtherRegion() {
        var contents = new ParameterFileReader(REGIONS).read(new StringReader("group: tier-2\n" + VALUES), "t.yaml", "bundled");
        assertEquals(List.of("yichang", "xiaogan"), contents.values().stream().map(ParameterValue::region).toList());
        ParameterSet set = ParameterSet.builder(REGIONS).layer("bundled", List.of(contents)).build();
        var known = assertInstanceOf(Resolution.Known.class,
                set.resolve("contribution_base.floor", "xiaogan", YearMonth.of(2023, 9)));
        assertEquals("3800", known.value().raw());
        assertEquals("t.yaml", known.value().origin().file());
        assertInstanceOf(Resolution.Unknown.class, set.resolve("contribution_base.floor", "wuhan", YearMonth.of(2023, 9)));
    }

    @Test
    void unknownGroupAndTwoHeadersAreRejectedWithTheLine() {
        ShebaoException e = assertThrows(ShebaoException.class, () -> new ParameterFileReader(REGIONS)
                .read(new StringReader("group: tier-9\n" + VALUES), "t.yaml", "bundled"));
        assertTrue(e.getMessage().contains("t.yaml:1") && e.getMessage().contains("unknown group 'tier-9'; known: tier-2"),
                e.getMessage());
        ShebaoException both = assertThrows(ShebaoException.class, () -> new ParameterFileReader(REGIONS)
                .read(new StringReader("group: tier-2\nregion: wuhan\n" + VALUES), "t.yaml", "bundled"));
        assertTrue(both.getMessage().contains("exactly one of 'region', 'regions' or 'group'"), both.getMessage());
    }

    @Test
    void aGroupMayNotNameAnUnknownRegionOrShadowARegion() {
        Region hubei = new Region("hubei", "湖北省", "Hubei", Optional.empty());
        assertThrows(IllegalArgumentException.class, () -> new RegionRegistry(List.of(hubei),
                List.of(new RegionGroup("g", "g", "g", List.of("atlantis"), "r"))));
        assertThrows(IllegalArgumentException.class, () -> new RegionRegistry(List.of(hubei),
                List.of(new RegionGroup("hubei", "g", "g", List.of("hubei"), "r"))));
    }
}
