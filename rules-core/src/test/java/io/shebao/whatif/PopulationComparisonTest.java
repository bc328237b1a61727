package io.shebao.whatif;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The population reading these tests once covered is now {@code io.shebao.population}'s: see
 * PopulationReaderTest, ContributionRowParserTest and RowErrorTest; the comparison runs in rules-catalog.
 */
class PopulationComparisonTest {
    @Test
    void percentilesUseNearestRank() {
        assertEquals(1, PopulationComparison.nearestRank(10, 10));
        assertEquals(5, PopulationComparison.nearestRank(10, 50));
        assertEquals(9, PopulationComparison.nearestRank(10, 90));
        assertEquals(1, PopulationComparison.nearestRank(3, 10));
        assertEquals(3, PopulationComparison.nearestRank(3, 90));
    }
}
