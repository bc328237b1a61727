package io.shebao.retirement;

import io.shebao.ShebaoRules;
import io.shebao.cases.TestCase;
import io.shebao.testing.GoldenCases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every case of cases/retirement.yaml (each step boundary of the reform and the minimum-years schedule)
 * through the same runner as {@code shebao test}.
 */
class GoldenRetirementTest {
    static final ShebaoRules RULES = ShebaoRules.load();
    private static final List<TestCase> CASES = GoldenCases.read("/cases/retirement.yaml");

    @TestFactory
    List<DynamicTest> goldenCases() {
        return GoldenCases.tests(RULES, CASES);
    }

    /** The 46 CSV rows and their 387 checks were converted; cases may be added, none may go. */
    @Test
    void noCaseLost() {
        assertTrue(CASES.size() >= 46, () -> CASES.size() + " cases");
        assertTrue(GoldenCases.checks(CASES) >= 387, () -> GoldenCases.checks(CASES) + " checks");
    }
}
