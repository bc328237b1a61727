package io.shebao.contribution;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.region.Region;
import io.shebao.trace.Message;
import io.shebao.trace.ParameterUse;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every region × month from 2021-07 to 2026-12 computes pension, unemployment and work injury for a wage
 * (class 1); ASSUMED_VALUE warnings appear exactly where an assumed value was used, and strict mode fails
 * exactly there. Where the assumptions are is stated here by hand (from the issue and the digest), not read
 * from the parameter files, so that a value whose provenance changes makes this test fail.
 */
class EveryMonthEveryRegionTest {
    private static final ShebaoRules RULES = ShebaoRules.load();
    private static final ShebaoRules STRICT = ShebaoRules.builder().strict().build();

    /** The parameters the month's answer must take from an assumed value. */
    static Set<String> assumedIn(YearMonth m) {
        Set<String> out = new TreeSet<>();
        if (!m.isBefore(YearMonth.of(2021, 5)) && !m.isAfter(YearMonth.of(2021, 10))) {
            out.add("work_injury.base_rate[1]");
            out.add("work_injury.reduction_factor");
        }
        if (!m.isBefore(YearMonth.of(2021, 12)) && !m.isAfter(YearMonth.of(2022, 4))) {
            out.add("work_injury.reduction_factor");
        }
        if (m.getYear() == 2026) {
            out.add("unemployment.employer_rate");
            out.add("unemployment.employee_rate");
        }
        if (!m.isBefore(YearMonth.of(2026, 7))) {
            out.add("contribution_base.floor");
            out.add("contribution_base.ceiling");
        }
        return out;
    }

    @Test
    void everyRegionEveryMonthComputesWithWarningsExactlyWhereAssumed() {
        int cases = 0;
        int assumedCases = 0;
        for (Region region : RULES.regions().all()) {
            if (region.parent().isEmpty()) {
                continue; // the province itself sets no base limits: they are the cities'
            }
            for (YearMonth m = YearMonth.of(2021, 7); !m.isAfter(YearMonth.of(2026, 12)); m = m.plusMonths(1)) {
                ContributionRequest req = ContributionRequest.builder(region.code(), m).wage("6000").riskClass(1)
                        .insurances(Insurance.of("pension"), Insurance.of("unemployment"), Insurance.of("work_injury")).build();
                String what = region.code() + " " + m;
                ContributionResult r = RULES.contribution(req);
                cases++;
                assertEquals(3, r.lines().size(), what);
                Set<String> expected = assumedIn(m);
                Set<String> used = new TreeSet<>();
                for (ParameterUse u : r.trace().parameters()) {
                    if (u.provenance().equals("assumed")) {
                        used.add(u.qualifiedId());
                    }
                }
                assertEquals(expected, used, what);
                List<Message> warnings = r.warnings().stream().filter(w -> w.code().equals("ASSUMED_VALUE")).toList();
                assertEquals(expected.size(), warnings.size(), () -> what + ": " + r.warnings());
                assertEquals(warnings.size(), r.warnings().size(), () -> what + ": only assumptions warn: " + r.warnings());
                for (String id : expected) {
                    assertTrue(warnings.stream().anyMatch(w -> w.en().contains(id + " = ") && w.zh().contains(id + " = ")
                            && w.en().contains("inferred")), () -> what + ": no warning names " + id + ": " + warnings);
                }
                if (expected.isEmpty()) {
                    assertEquals(r.totals(), STRICT.contribution(req).totals(), what);
                } else {
                    assumedCases++;
                    ShebaoException e = assertThrows(ShebaoException.class, () -> STRICT.contribution(req), what);
                    assertEquals(ErrorCode.PARAMETER_UNKNOWN, e.code(), what);
                    assertTrue(expected.stream().anyMatch(id -> e.getMessage().contains(id)), () -> what + ": " + e.getMessage());
                }
            }
        }
        assertEquals(17 * 66, cases);
        assertEquals(17 * (4 + 5 + 12), assumedCases);
    }

    /** The first month a region's values of the insurance are known (DIGEST.md, medical and maternity by region). */
    static java.util.Optional<YearMonth> knownFrom(String insurance, String region) {
        YearMonth y2026 = YearMonth.of(2026, 1);
        Set<String> medical2026 = Set.of("yichang", "xiangyang", "shiyan", "jingmen", "xiaogan", "jingzhou", "enshi",
                "xianning", "huangshi", "huanggang", "suizhou", "ezhou");
        return java.util.Optional.ofNullable(switch (insurance) {
            case "medical" -> region.equals("wuhan") ? YearMonth.of(2022, 1) : medical2026.contains(region) ? y2026 : null;
            case "maternity" -> region.equals("wuhan") ? YearMonth.of(2022, 1) : region.equals("ezhou") ? y2026 : null;
            case "long_term_care" -> region.equals("jingmen") ? y2026 : null;
            default -> throw new IllegalArgumentException(insurance);
        });
    }

    /** Regions whose medical rates are known but not their large-medical (大额) amount. */
    private static final Set<String> LARGE_MEDICAL_UNKNOWN = Set.of("xiaogan", "jingzhou", "enshi", "xianning",
            "huangshi", "huanggang", "suizhou", "ezhou");

    @Test
    void medicalMaternityAndLongTermCareAreKnownExactlyWhereTheDigestHasValues() {
        int known = 0;
        for (Region region : RULES.regions().all()) {
            if (region.parent().isEmpty()) {
                continue;
            }
            for (String code : List.of("medical", "maternity", "long_term_care")) {
                java.util.Optional<YearMonth> from = knownFrom(code, region.code());
                for (YearMonth m = YearMonth.of(2021, 7); !m.isAfter(YearMonth.of(2026, 12)); m = m.plusMonths(1)) {
                    ContributionRequest req = ContributionRequest.builder(region.code(), m).wage("6000")
                            .insurances(Insurance.of(code)).build();
                    String what = code + " " + region.code() + " " + m;
                    if (from.isPresent() && !m.isBefore(from.get())) {
                        ContributionResult r = RULES.contribution(req);
                        known++;
                        assertEquals(1, r.lines().size(), what);
                        assertTrue(r.lines().get(0).employer().signum() >= 0 && r.lines().get(0).total().signum() > 0, what);
                        boolean unknownFixed = code.equals("medical") && LARGE_MEDICAL_UNKNOWN.contains(region.code());
                        assertEquals(unknownFixed, r.warnings().stream().anyMatch(w -> w.code().equals("LARGE_MEDICAL_UNKNOWN")),
                                () -> what + ": " + r.warnings());
                        boolean assumed = code.equals("long_term_care") || m.isAfter(YearMonth.of(2026, 6));
                        assertEquals(assumed, r.warnings().stream().anyMatch(w -> w.code().equals("ASSUMED_VALUE")),
                                () -> what + ": " + r.warnings());
                        if (assumed) {
                            assertThrows(ShebaoException.class, () -> STRICT.contribution(req), what);
                        }
                    } else {
                        ShebaoException e = assertThrows(ShebaoException.class, () -> RULES.contribution(req), what);
                        assertEquals(ErrorCode.PARAMETER_UNKNOWN, e.code(), what);
                        assertTrue(e.getMessage().contains(code + "."), () -> what + ": " + e.getMessage());
                    }
                }
            }
        }
        // medical: Wuhan 2022-01…2026-12 (60) + 12 cities × 12; maternity: Wuhan 60 + Ezhou 12; long-term care: Jingmen 12
        assertEquals(60 + 12 * 12 + 60 + 12 + 12, known);
    }
}
