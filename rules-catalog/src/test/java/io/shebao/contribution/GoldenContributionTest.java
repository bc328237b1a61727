package io.shebao.contribution;

import io.shebao.ShebaoRules;
import io.shebao.cases.TestCase;
import io.shebao.testing.GoldenCases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every case of cases/contribution*.yaml through the same runner as {@code shebao test}: the seeds' worked
 * figures and every dated boundary (contribution.yaml), every base-limit tier and year at floor − 1, floor,
 * ceiling, ceiling + 1 (contribution-base-limits.yaml), the 2020 employer exemptions by unit kind
 * (contribution-2020-exemption.yaml), flexible workers (contribution-flexible.yaml) and medical, maternity and
 * long-term care beyond Wuhan (contribution-medical.yaml).
 */
class GoldenContributionTest {
    private static final ShebaoRules RULES = ShebaoRules.load();
    private static final List<TestCase> CASES = GoldenCases.read("/cases/contribution.yaml");
    private static final List<TestCase> BASE_LIMITS = GoldenCases.read("/cases/contribution-base-limits.yaml");
    private static final List<TestCase> EXEMPTION_2020 = GoldenCases.read("/cases/contribution-2020-exemption.yaml");
    private static final List<TestCase> FLEXIBLE = GoldenCases.read("/cases/contribution-flexible.yaml");
    private static final List<TestCase> MEDICAL = GoldenCases.read("/cases/contribution-medical.yaml");

    @TestFactory
    List<DynamicTest> goldenCases() {
        return GoldenCases.tests(RULES, CASES);
    }

    @TestFactory
    List<DynamicTest> baseLimits() {
        return GoldenCases.tests(RULES, BASE_LIMITS);
    }

    @TestFactory
    List<DynamicTest> exemption2020() {
        return GoldenCases.tests(RULES, EXEMPTION_2020);
    }

    @TestFactory
    List<DynamicTest> flexibleWorkers() {
        return GoldenCases.tests(RULES, FLEXIBLE);
    }

    @TestFactory
    List<DynamicTest> medicalBeyondWuhan() {
        return GoldenCases.tests(RULES, MEDICAL);
    }

    /**
     * Converted from golden/contribution-medical.csv (20 rows),
     * golden/contribution-base-limits.csv (70 rows), -2020-exemption.csv (14) and -flexible.csv (16)
     * with every assertion GoldenContributionCsvTest made; cases may be added, none may go. The flexible file
     * has 30 cases and 180 checks since flexible workers' medical (issue 9).
     */
    @Test
    void noConvertedCaseLost() {
        assertTrue(BASE_LIMITS.size() >= 70 && GoldenCases.checks(BASE_LIMITS) >= 548,
                () -> BASE_LIMITS.size() + " cases, " + GoldenCases.checks(BASE_LIMITS) + " checks");
        assertTrue(EXEMPTION_2020.size() >= 14 && GoldenCases.checks(EXEMPTION_2020) >= 105,
                () -> EXEMPTION_2020.size() + " cases, " + GoldenCases.checks(EXEMPTION_2020) + " checks");
        assertTrue(FLEXIBLE.size() >= 30 && GoldenCases.checks(FLEXIBLE) >= 180,
                () -> FLEXIBLE.size() + " cases, " + GoldenCases.checks(FLEXIBLE) + " checks");
        assertTrue(MEDICAL.size() >= 20 && GoldenCases.checks(MEDICAL) >= 129,
                () -> MEDICAL.size() + " cases, " + GoldenCases.checks(MEDICAL) + " checks");
    }

    /** The 34 CSV rows and their 242 checks were converted; cases may be added, none may go. */
    @Test
    void noCaseLost() {
        assertTrue(CASES.size() >= 34, () -> CASES.size() + " cases");
        assertTrue(GoldenCases.checks(CASES) >= 242, () -> GoldenCases.checks(CASES) + " checks");
    }
}
