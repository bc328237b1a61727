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
 * Runs every case of cases/contribution.yaml (the seeds' worked figures and every dated boundary) through the
 * same runner as {@code shebao test}.
 */
class GoldenContributionTest {
    private static final ShebaoRules RULES = ShebaoRules.load();
    private static final List<TestCase> CASES = GoldenCases.read("/cases/contribution.yaml");

    @TestFactory
    List<DynamicTest> goldenCases() {
        return GoldenCases.tests(RULES, CASES);
    }

    /** The 34 CSV rows and their 242 checks were converted; cases may be added, none may go. */
    @Test
    void noCaseLost() {
        assertTrue(CASES.size() >= 34, () -> CASES.size() + " cases");
        assertTrue(GoldenCases.checks(CASES) >= 242, () -> GoldenCases.checks(CASES) + " checks");
    }
}
