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
 */
public record Summary(int rows, int errors, SideTotals baseline, SideTotals scenario, int rises, int falls,
                      int stays, List<BigDecimal> changeDeciles, Optional<BigDecimal> minChange,
                      Optional<BigDecimal> maxChange, List<WageBand> wageBands, int warnings,
                      Optional<RetirementShift> retirement, List<io.shebao.trace.Message> assumptions) {
    /** @param assumptions the distinct ASSUMED_VALUE warnings of the rows (推定值), each once */
    public Summary {
        assumptions = List.copyOf(assumptions);
        changeDeciles = List.copyOf(changeDeciles);
        wageBands = List.copyOf(wageBands);
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
     * monthly contributions, and the mean change per person (to the fen, half-up).
     */
    public record WageBand(int index, BigDecimal low, BigDecimal high, int people, BigDecimal baseline,
                           BigDecimal scenario) {
        public BigDecimal change() {
            return scenario.subtract(baseline);
        }

        public BigDecimal meanChange() {
            return people == 0 ? BigDecimal.ZERO.setScale(2)
                    : change().divide(BigDecimal.valueOf(people), 2, RoundingMode.HALF_UP);
        }
    }
}
