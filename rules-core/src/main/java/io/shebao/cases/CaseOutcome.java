package io.shebao.cases;

import java.util.List;

/**
 * The result of running one case: passed when nothing mismatches. An error the rules raised (e.g. an
 * unknown period) is part of the answer ({@code error.code}, {@code error.message}), so a case can expect it.
 */
public record CaseOutcome(TestCase testCase, List<Mismatch> mismatches, int checked) {
    public CaseOutcome {
        mismatches = List.copyOf(mismatches);
    }

    public boolean passed() {
        return mismatches.isEmpty();
    }
}
