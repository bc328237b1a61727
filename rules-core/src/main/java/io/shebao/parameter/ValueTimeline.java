package io.shebao.parameter;

import com.google.common.collect.ImmutableRangeMap;
import com.google.common.collect.Range;
import com.google.common.collect.RangeMap;
import com.google.common.collect.TreeRangeMap;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 参数时间线: the dated values of one parameter for one key and one region, every layer merged into one map
 * of date ranges, the top layer winning where layers overlap (a pack or a scenario replaces the bundled value
 * for the months it gives, and only for those). Values start on the 1st and end at a month end, so the value
 * in force on the 1st of a month is in force for the whole month.
 */
final class ValueTimeline {
    private final ImmutableRangeMap<LocalDate, ParameterValue> inForce;

    private ValueTimeline(ImmutableRangeMap<LocalDate, ParameterValue> inForce) {
        this.inForce = inForce;
    }

    /**
     * The timeline of values given bottom layer first; within a layer the values must not overlap (checked
     * when the layer is loaded), across layers a later one wins.
     */
    static ValueTimeline of(List<ParameterValue> bottomLayerFirst) {
        RangeMap<LocalDate, ParameterValue> m = TreeRangeMap.create();
        for (ParameterValue v : bottomLayerFirst) {
            m.put(validity(v), v);
        }
        return new ValueTimeline(ImmutableRangeMap.copyOf(m));
    }

    /** The dates a value is in force: {@code from} to {@code until} inclusive, or from {@code from} on. */
    static Range<LocalDate> validity(ParameterValue v) {
        return v.until().map(u -> Range.closed(v.from(), u)).orElseGet(() -> Range.atLeast(v.from()));
    }

    /** The value in force for the month, if any. */
    Optional<ParameterValue> inForce(YearMonth month) {
        return Optional.ofNullable(inForce.get(month.atDay(1)));
    }

    /**
     * The value in force in the latest month before the given one that had a value (what carry-forward would
     * use); empty when no value is in force before it.
     */
    Optional<ParameterValue> lastBefore(YearMonth month) {
        Map<Range<LocalDate>, ParameterValue> before = inForce.subRangeMap(Range.lessThan(month.atDay(1)))
                .asDescendingMapOfRanges();
        return before.values().stream().findFirst();
    }
}
