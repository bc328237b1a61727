package io.shebao.whatif;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * 测算结果: a scenario compared with the baseline over a population.
 *
 * @param rows        rows computed under both
 * @param errors      rows in error (in the error file), so rows + errors = records read
 * @param rises       people whose monthly total (employer + employee) is higher under the scenario
 * @param changeDeciles the 10th, 20th … 90th percentile of the per-person change of the total (nearest rank)
 * @param minChange   the smallest per-person change (empty when no row was computed)
 * @param wageBands   ten bands of equal head count by declared wage (or base), with the change in each
 * @param warnings    rows computed with a carried-forward or an assumed value (baseline or scenario)
 * @param retirement  for a scenario that touches retirement (a {@code retirement.*} switch or parameter): how
 *                    people's retirement month moves
 * @param byPeriod    费款所属期: one group per month the computed rows are for, in order (which months the rows cover)
 * @param byRegion    统筹地区: one group per region, in code order
 * @param byRiskClass 行业风险类别: one group per risk class ("none" for rows without one), in order
 * @param assumptions the distinct ASSUMED_VALUE warnings of the rows (推定值), each once
 */
public record Summary(int rows, int errors, SideTotals baseline, SideTotals scenario, int rises, int falls,
                      int stays, List<BigDecimal> changeDeciles, Optional<BigDecimal> minChange,
                      Optional<BigDecimal> maxChange, List<WageBand> wageBands, int warnings,
                      Optional<RetirementShift> retirement, List<Group> byPeriod, List<Group> byRegion,
                      List<Group> byRiskClass, List<io.shebao.trace.Message> assumptions) {
    /** Months in a year: the annual figures are the monthly ones × 12. */
    public static final BigDecimal MONTHS_A_YEAR = BigDecimal.valueOf(12);

    public Summary {
        assumptions = List.copyOf(assumptions);
        changeDeciles = List.copyOf(changeDeciles);
        wageBands = List.copyOf(wageBands);
        byPeriod = List.copyOf(byPeriod);
        byRegion = List.copyOf(byRegion);
        byRiskClass = List.copyOf(byRiskClass);
    }

    /** Without the groups (as before they existed). */
    public Summary(int rows, int errors, SideTotals baseline, SideTotals scenario, int rises, int falls, int stays,
                   List<BigDecimal> changeDeciles, Optional<BigDecimal> minChange, Optional<BigDecimal> maxChange,
                   List<WageBand> wageBands, int warnings, Optional<RetirementShift> retirement) {
        this(rows, errors, baseline, scenario, rises, falls, stays, changeDeciles, minChange, maxChange, wageBands,
                warnings, retirement, List.of(), List.of(), List.of(), List.of());
    }

    /** A monthly amount as a year's: × 12 (each row's monthly contribution paid for twelve months). */
    public static BigDecimal annual(BigDecimal monthly) {
        return monthly.multiply(MONTHS_A_YEAR);
    }

    /** Scenario − baseline. */
    public SideTotals difference() {
        return scenario.minus(baseline);
    }

    /** Change in percent of the baseline, two decimals, half-up; empty when the baseline is zero. */
    public static Optional<BigDecimal> percent(BigDecimal baseline, BigDecimal difference) {
        if (baseline.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(difference.multiply(BigDecimal.valueOf(100)).divide(baseline, 2, RoundingMode.HALF_UP));
    }

    /**
     * 工资档: people whose wage (or base) lies in [low, high], the baseline and scenario totals of their
     * monthly contributions, the mean change per person (to the fen, half-up), and how many of them pay more
     * ({@code rises}, 多缴) and less ({@code falls}, 少缴) under the scenario.
     */
    public record WageBand(int index, BigDecimal low, BigDecimal high, int people, BigDecimal baseline,
                           BigDecimal scenario, int rises, int falls) {
        /** Without the head counts of who pays more and less. */
        public WageBand(int index, BigDecimal low, BigDecimal high, int people, BigDecimal baseline, BigDecimal scenario) {
            this(index, low, high, people, baseline, scenario, 0, 0);
        }

        /** People in the band whose total is unchanged. */
        public int unchanged() {
            return people - rises - falls;
        }

        public BigDecimal change() {
            return scenario.subtract(baseline);
        }

        public BigDecimal meanChange() {
            return people == 0 ? BigDecimal.ZERO.setScale(2)
                    : change().divide(BigDecimal.valueOf(people), 2, RoundingMode.HALF_UP);
        }
    }
}
