package io.shebao.parameter;

import io.shebao.ShebaoException;
import io.shebao.region.Region;
import io.shebao.region.RegionRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 参数时间线: {@link ParameterSet#resolve} over layered, dated values equals a month-by-month reading of the
 * layers (city before province, top layer before lower ones), and carry-forward offers the value in force in
 * the latest earlier month that had one.
 */
class ParameterTimelineProperties {
    private static final RegionRegistry REGIONS = new RegionRegistry(List.of(
            new Region("hubei", "湖北省", "Hubei", Optional.empty()),
            new Region("wuhan", "武汉市", "Wuhan", Optional.of("hubei"))));
    private static final String ID = "test.value";
    private static final YearMonth START = YearMonth.of(2020, 1);
    private static final ParameterDefinition DEFINITION = new ParameterDefinition(ID, Unit.TEXT, "测试 / test", false);

    /** A run of values on one region's timeline in one layer: a gap of months, then a value so many months long. */
    record Segment(int gap, int months) {
    }

    record Track(List<Segment> segments, boolean lastOpen) {
    }

    record Layer(Track province, Track city) {
    }

    @Provide
    Arbitrary<List<Layer>> layers() {
        Arbitrary<Segment> segment = Combinators.combine(Arbitraries.integers().between(0, 8),
                Arbitraries.integers().between(1, 30)).as(Segment::new);
        Arbitrary<Track> track = Combinators.combine(segment.list().ofMaxSize(5), Arbitraries.of(true, false))
                .as(Track::new);
        return Combinators.combine(track, track).as(Layer::new).list().ofMinSize(1).ofMaxSize(3);
    }

    @Property(tries = 300)
    void resolveIsTheTopLayersValueOfTheMostSpecificRegion(@ForAll("layers") List<Layer> layers,
                                                           @ForAll @IntRange(min = 0, max = 130) int offset,
                                                           @ForAll boolean city) {
        List<List<ParameterValue>> values = values(layers);
        ParameterSet set = set(values);
        YearMonth month = START.plusMonths(offset);
        List<String> chain = city ? List.of("wuhan", "hubei") : List.of("hubei");
        Resolution r = set.resolve(ID, chain.get(0), month);
        Optional<ParameterValue> expected = Optional.empty();
        for (String region : chain) {
            expected = inForce(values, region, month);
            if (expected.isPresent()) {
                break;
            }
        }
        if (expected.isPresent()) {
            assertEquals(new Resolution.Known(expected.get()), r);
        } else {
            Optional<ParameterValue> last = Optional.empty();
            for (String region : chain) {
                for (YearMonth m = month.minusMonths(1); last.isEmpty() && !m.isBefore(START); m = m.minusMonths(1)) {
                    last = inForce(values, region, m);
                }
                if (last.isPresent()) {
                    break;
                }
            }
            assertEquals(new Resolution.Unknown(ID, "", chain.get(0), month, last), r);
        }
    }

    @Example
    void aPackWindowInsideALongerValueDoesNotHideWhatWasInForceLast() {
        ParameterValue bundled = value("hubei", "2020-01-01", "2024-12-31", "A", "bundled");
        ParameterValue pack = value("hubei", "2023-01-01", "2023-12-31", "B", "pack");
        ParameterSet set = set(List.of(List.of(bundled), List.of(pack)));
        assertEquals(new Resolution.Known(pack), set.resolve(ID, "wuhan", YearMonth.of(2023, 6)));
        assertEquals(new Resolution.Known(bundled), set.resolve(ID, "wuhan", YearMonth.of(2024, 6)));
        // carried forward into 2025: the value in force in 2024-12, not the pack's, which ended a year earlier
        assertEquals(new Resolution.Unknown(ID, "", "wuhan", YearMonth.of(2025, 6), Optional.of(bundled)),
                set.resolve(ID, "wuhan", YearMonth.of(2025, 6)));
    }

    @Example
    void overlappingValuesInOneLayerAreRefusedNamingBoth() {
        ParameterValue a = value("hubei", "2020-01-01", "2022-12-31", "A", "bundled");
        ParameterValue b = value("hubei", "2022-12-01", null, "B", "bundled");
        ShebaoException e = assertThrows(ShebaoException.class, () -> set(List.of(List.of(b, a))));
        assertEquals("t.yaml:1: " + ID + " for hubei: value from 2022-12-01 overlaps the value 2020-01-01 … 2022-12-31"
                + " at t.yaml:1", e.getMessage());
    }

    @Example
    void aValueChangesOnlyAtAMonthBoundary() {
        IllegalArgumentException from = assertThrows(IllegalArgumentException.class,
                () -> value("hubei", "2020-01-15", null, "A", "bundled"));
        assertTrue(from.getMessage().contains("'from' must be the first day of a month, got 2020-01-15"), from.getMessage());
        assertThrows(IllegalArgumentException.class, () -> value("hubei", "2020-01-01", "2020-06-15", "A", "bundled"));
        assertThrows(IllegalArgumentException.class, () -> value("hubei", "2020-07-01", "2020-06-30", "A", "bundled"));
    }

    private static Optional<ParameterValue> inForce(List<List<ParameterValue>> layers, String region, YearMonth m) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            for (ParameterValue v : layers.get(i)) {
                if (v.region().equals(region) && v.covers(m)) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }

    private static List<List<ParameterValue>> values(List<Layer> layers) {
        List<List<ParameterValue>> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            List<ParameterValue> vs = new ArrayList<>();
            vs.addAll(track(layers.get(i).province(), "hubei", "L" + i));
            vs.addAll(track(layers.get(i).city(), "wuhan", "L" + i));
            out.add(vs);
        }
        return out;
    }

    private static List<ParameterValue> track(Track t, String region, String layer) {
        List<ParameterValue> out = new ArrayList<>();
        YearMonth cursor = START;
        for (int i = 0; i < t.segments().size(); i++) {
            Segment s = t.segments().get(i);
            YearMonth from = cursor.plusMonths(s.gap());
            YearMonth until = from.plusMonths(s.months() - 1);
            boolean open = t.lastOpen() && i == t.segments().size() - 1;
            out.add(value(region, from.atDay(1).toString(), open ? null : until.atEndOfMonth().toString(),
                    layer + "-" + region + "-" + i, layer));
            cursor = until.plusMonths(1);
        }
        return out;
    }

    private static ParameterValue value(String region, String from, String until, String raw, String layer) {
        return new ParameterValue(ID, region, "", LocalDate.parse(from), Optional.ofNullable(until).map(LocalDate::parse),
                raw, Unit.TEXT, "test", Provenance.SEED, new ParameterOrigin(layer, "t.yaml", raw.length()));
    }

    private static ParameterSet set(List<List<ParameterValue>> layers) {
        ParameterSet set = ParameterSet.builder(REGIONS)
                .layer("bundled", List.of(new ParameterFileReader.Contents(List.of(DEFINITION), layers.get(0))))
                .build();
        for (int i = 1; i < layers.size(); i++) {
            set = set.withLayer("L" + i, layers.get(i));
        }
        return set;
    }
}
