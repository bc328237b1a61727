package io.shebao.whatif;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 退休时间变化: how a retirement scenario moves people's statutory retirement month, over the people of a
 * population whose retirement columns were given.
 *
 * @param people   people whose retirement was computed under both
 * @param later    people whose retirement month is later under the scenario
 * @param earlier  people whose retirement month is earlier under the scenario
 * @param byShift  months of shift (scenario − baseline) → number of people, in order
 * @param byBirthYear one entry per birth year, in order
 * @param asOf     the date every row's retirement question was asked on (退休查询日), or empty when each row
 *                 was asked as of the first day of its own period
 */
public record RetirementShift(int people, int later, int earlier, Map<Integer, Integer> byShift,
                              List<BirthYear> byBirthYear, Optional<LocalDate> asOf) {
    public RetirementShift {
        byShift = ImmutableSortedMap.copyOf(byShift);
        byBirthYear = List.copyOf(byBirthYear);
        asOf = java.util.Objects.requireNonNull(asOf);
    }

    /** As of each row's own period. */
    public RetirementShift(int people, int later, int earlier, Map<Integer, Integer> byShift, List<BirthYear> byBirthYear) {
        this(people, later, earlier, byShift, byBirthYear, Optional.empty());
    }

    /** "as of 2026-11-01", or "as of each row's period": the date the questions were asked on, in words. */
    public String asOfText() {
        return asOf.map(d -> "as of " + d).orElse("as of each row's period");
    }

    /** People by shift in 12-month buckets ("-24..-13", "0", "+1..+12"…), earliest first: short enough for a table. */
    public Map<String, Integer> buckets() {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        byShift.forEach((k, v) -> {
            int lo = k == 0 ? 0 : (Math.abs(k) - 1) / 12 * 12 + 1;
            String label = k == 0 ? "0" : k > 0 ? "+" + lo + "..+" + (lo + 11) : "-" + (lo + 11) + "..-" + lo;
            out.merge(label, v, Integer::sum);
        });
        return ImmutableMap.copyOf(out); // insertion order: earliest bucket first
    }

    public int unchanged() {
        return people - later - earlier;
    }

    /** People born in one year: how many, how many move, and the mean shift in months (two decimals, half-up). */
    public record BirthYear(int year, int people, int moved, long totalShiftMonths) {
        public BigDecimal meanShiftMonths() {
            return people == 0 ? BigDecimal.ZERO.setScale(2)
                    : BigDecimal.valueOf(totalShiftMonths).divide(BigDecimal.valueOf(people), 2, RoundingMode.HALF_UP);
        }
    }
}
