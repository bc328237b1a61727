package io.shebao.parameter;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad parameter files fail loudly with file and line; a good pack is accepted the same way. */
class ParameterFileValidationTest {
    private static final String GOOD_VALUE = "      - {from: 2026-01-01, until: 2026-12-31, value: 0.007, reference: r, provenance: secondary}\n";

    private static ShebaoException loadPack(Path dir, String yaml) throws IOException {
        Path pack = Files.createDirectories(dir.resolve("pack"));
        Files.writeString(pack.resolve("bad.yaml"), yaml, StandardCharsets.UTF_8);
        return assertThrows(ShebaoException.class, () -> ShebaoRules.builder().parameterPack(pack).build());
    }

    private static String file(String region, String id, String unit, String values) {
        return "region: " + region + "\nparameters:\n  " + id + ":\n    unit: " + unit + "\n    values:\n" + values;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "unknown key in a value|      - {from: 2026-01-01, value: 0.007, reference: r, provenance: secondary, note: x}|bad.yaml:6: unknown key 'note'",
            "rate written as percent|      - {from: 2026-01-01, value: 7, reference: r, provenance: secondary}|bad.yaml:6: unemployment.employer_rate: value '7' is not a valid rate",
            "bad date|      - {from: 2026-13-01, value: 0.007, reference: r, provenance: secondary}|bad.yaml:6: unemployment.employer_rate.from: '2026-13-01' is not a date",
            "from not first of month|      - {from: 2026-01-15, value: 0.007, reference: r, provenance: secondary}|bad.yaml:6: unemployment.employer_rate: 'from' must be the first day of a month",
            "until before from|      - {from: 2026-05-01, until: 2026-03-31, value: 0.007, reference: r, provenance: secondary}|bad.yaml:6: unemployment.employer_rate: 'until' 2026-03-31 is before 'from'",
            "missing reference|      - {from: 2026-01-01, value: 0.007, provenance: secondary}|bad.yaml:6: missing key 'reference'",
            "bad provenance|      - {from: 2026-01-01, value: 0.007, reference: r, provenance: rumour}|bad.yaml:6: unemployment.employer_rate: provenance must be one of seed, law, secondary, assumed",
    })
    void badValueNamesFileAndLine(String name, String values, String expected, @TempDir Path dir) throws IOException {
        ShebaoException e = loadPack(dir, file("hubei", "unemployment.employer_rate", "rate", "      " + values.strip() + "\n"));
        assertEquals(ErrorCode.PARAMETER_FILE_INVALID, e.code());
        assertTrue(e.getMessage().contains("pack/" + expected), e.getMessage());
    }

    @Test
    void overlapWithinAPackNamesBothPlaces(@TempDir Path dir) throws IOException {
        ShebaoException e = loadPack(dir, file("hubei", "unemployment.employer_rate", "rate",
                GOOD_VALUE + "      - {from: 2026-06-01, value: 0.008, reference: r, provenance: secondary}\n"));
        assertTrue(e.getMessage().contains("pack/bad.yaml:7") && e.getMessage().contains("overlaps the value 2026-01-01 … 2026-12-31 at pack/bad.yaml:6"),
                e.getMessage());
    }

    @Test
    void unknownParameterUnknownRegionWrongUnit(@TempDir Path dir) throws IOException {
        assertTrue(loadPack(dir, file("hubei", "unemployment.employer_rat", "rate", GOOD_VALUE)).getMessage()
                .contains("parameter 'unemployment.employer_rat' is not one the rules use"));
        assertTrue(loadPack(dir, file("atlantis", "unemployment.employer_rate", "rate", GOOD_VALUE)).getMessage()
                .contains("pack/bad.yaml:1: unknown region 'atlantis'"));
        assertTrue(loadPack(dir, file("hubei", "unemployment.employer_rate", "yuan", GOOD_VALUE)).getMessage()
                .contains("has unit yuan but shebao/parameters/hubei/unemployment.yaml defines it as rate"));
        assertTrue(loadPack(dir, "region: hubei\nparameters:\n  x: [\n").getMessage().contains("pack/bad.yaml:"));
        assertTrue(loadPack(dir, "region: hubei\nregion: wuhan\nparameters: {}\n").getMessage()
                .contains("pack/bad.yaml:2: duplicate key 'region'"));
    }

    @Test
    void everyCatalogueValueHasAReferenceAndAProvenance() {
        var all = ShebaoRules.load().parameters().values();
        assertTrue(all.size() > 100, "values: " + all.size());
        for (var v : all) {
            assertFalse(v.reference().isBlank(), () -> v.qualifiedId() + " at " + v.origin().file() + ":" + v.origin().line());
            assertNotNull(v.provenance(), () -> v.qualifiedId() + " at " + v.origin().file() + ":" + v.origin().line());
            assertNotEquals(io.shebao.parameter.Provenance.SCENARIO, v.provenance(), v.qualifiedId());
            if (v.provenance() == io.shebao.parameter.Provenance.ASSUMED) {
                assertTrue(v.reference().startsWith("assumed:"), () -> "an assumed value gives its reasoning: " + v);
            }
        }
    }

    @Test
    void tierMembershipIsStatedOnceAndCoversEveryCity() {
        var regions = ShebaoRules.load().regions();
        java.util.List<String> members = new java.util.ArrayList<>();
        for (String g : java.util.List.of("base-tier-1", "base-tier-2", "base-tier-3")) {
            members.addAll(regions.group(g).orElseThrow().regions());
        }
        assertEquals(17, members.size());
        assertEquals(17, new java.util.HashSet<>(members).size(), "a region in two tiers: " + members);
        assertEquals(regions.descendants("hubei").stream().sorted().toList(), members.stream().sorted().toList());
    }

    @Test
    void aPackMayNameATier(@TempDir Path dir) throws IOException {
        Path pack = Files.createDirectories(dir.resolve("tier3-2027"));
        Files.writeString(pack.resolve("limits.yaml"), """
                group: base-tier-3
                parameters:
                  contribution_base.floor:
                    unit: yuan
                    values:
                      - {from: 2027-07-01, until: 2028-06-30, value: 4300, reference: "test notice", provenance: secondary}
                  contribution_base.ceiling:
                    unit: yuan
                    values:
                      - {from: 2027-07-01, until: 2028-06-30, value: 21500, reference: "test notice", provenance: secondary}
                """, StandardCharsets.UTF_8);
        ShebaoRules rules = ShebaoRules.builder().parameterPack(pack).build();
        for (String region : java.util.List.of("jingzhou", "shennongjia")) {
            var r = rules.contribution(io.shebao.contribution.ContributionRequest.builder(region, java.time.YearMonth.of(2027, 9))
                    .wage("100").insurances(io.shebao.contribution.Insurance.of("pension")).build());
            assertEquals(new java.math.BigDecimal("4300"), r.lines().get(0).base(), region);
        }
        assertThrows(ShebaoException.class, () -> rules.contribution(io.shebao.contribution.ContributionRequest
                .builder("wuhan", java.time.YearMonth.of(2027, 9)).wage("100")
                .insurances(io.shebao.contribution.Insurance.of("pension")).build()));
    }

    @Test
    void packValueWinsAndIsNamed(@TempDir Path dir) throws IOException {
        Path pack = Files.createDirectories(dir.resolve("yichang-fix"));
        Files.writeString(pack.resolve("base.yaml"), file("yichang", "contribution_base.floor", "yuan",
                "      - {from: 2022-07-01, until: 2023-06-30, value: 3500, reference: corrected notice, provenance: secondary}\n"));
        ParameterSet ps = ShebaoRules.builder().parameterPack(pack).build().parameters();
        Resolution r = ps.resolve("contribution_base.floor", "yichang", java.time.YearMonth.of(2023, 5));
        ParameterValue v = ((Resolution.Known) r).value();
        assertEquals("3500", v.raw());
        assertEquals("yichang-fix", v.origin().pack());
        assertEquals("yichang-fix/base.yaml", v.origin().file());
        assertEquals(List.of("bundled", "yichang-fix"), ps.layers());
    }

    @Test
    void catalogueIndexListsEveryBundledFile() throws IOException {
        Path root = Path.of("src/main/resources");
        String index;
        try (InputStream in = getClass().getResourceAsStream("/" + ParameterCatalog.INDEX)) {
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Stream<Path> files = Files.walk(root.resolve("shebao/parameters"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                assertTrue(index.contains("- " + rel), rel + " is not listed in " + ParameterCatalog.INDEX);
            }
        }
    }

    @Test
    void seventeenRegionsUnderHubei() {
        var regions = ShebaoRules.load().regions();
        assertEquals(18, regions.all().size());
        assertEquals(17, regions.all().stream().filter(r -> r.parent().isPresent()).count());
        assertEquals(List.of("wuhan", "hubei"), regions.chain("wuhan"));
    }
}
