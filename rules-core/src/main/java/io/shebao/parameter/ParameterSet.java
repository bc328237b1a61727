package io.shebao.parameter;

import io.shebao.calendar.HolidayCalendar;
import io.shebao.internal.hash.Sha256;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.region.RegionRegistry;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Range;
import com.google.common.collect.RangeMap;
import com.google.common.collect.TreeRangeMap;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 参数集: every dated parameter value the engine may use, in layers: the bundled values first, then each
 * parameter pack in the order given (a later layer wins where it has a value in force). Immutable and
 * thread-safe; the same instance is shared by every evaluation.
 *
 * <p>Lookup goes from the most specific region to the province (a city override first, then the
 * province default), and within a region from the top layer down.
 */
public final class ParameterSet {
    private final RegionRegistry regions;
    private final Map<String, ParameterDefinition> definitions;
    /** (id, key, region) → the values of all layers on one timeline, the top layer winning. */
    private final Map<String, ValueTimeline> index;
    private final List<ParameterValue> all;
    private final List<String> layers;
    private final List<List<ParameterValue>> layerValues;
    /** Memoised: only audit records and replay need it, not the questions a one-shot command answers. */
    private final com.google.common.base.Supplier<String> hash;
    /**
     * (id, region) → the earliest date any value of that id starts in that region, all layers: asked for every
     * insurance on every evaluation that picks the default insurances, so built once instead of scanning every
     * value each time.
     */
    private final com.google.common.base.Supplier<com.google.common.collect.ImmutableTable<String, String, LocalDate>> firstFrom;
    private final HolidayCalendar calendar;

    private ParameterSet(RegionRegistry regions, Map<String, ParameterDefinition> definitions,
                         List<List<ParameterValue>> layerValues, List<String> layers, HolidayCalendar calendar) {
        this.regions = regions;
        this.calendar = calendar;
        this.definitions = ImmutableSortedMap.copyOf(definitions);
        this.layers = List.copyOf(layers);
        List<List<ParameterValue>> lv = new ArrayList<>();
        for (List<ParameterValue> l : layerValues) {
            lv.add(List.copyOf(l));
        }
        this.layerValues = List.copyOf(lv);
        Map<String, List<ParameterValue>> byTimeline = new LinkedHashMap<>();
        List<ParameterValue> flat = new ArrayList<>();
        for (List<ParameterValue> l : layerValues) { // bottom layer first: a later put wins where they overlap
            for (ParameterValue v : l) {
                byTimeline.computeIfAbsent(indexKey(v.id(), v.key(), v.region()), k -> new ArrayList<>()).add(v);
            }
            flat.addAll(l);
        }
        ImmutableMap.Builder<String, ValueTimeline> idx = ImmutableMap.builderWithExpectedSize(byTimeline.size());
        byTimeline.forEach((k, vs) -> idx.put(k, ValueTimeline.of(vs)));
        this.index = idx.build();
        this.all = List.copyOf(flat);
        List<ParameterValue> values = this.all;
        this.hash = com.google.common.base.Suppliers.memoize(() -> computeHash(values));
        this.firstFrom = com.google.common.base.Suppliers.memoize(() -> firstFromTable(values));
        checkOrdering();
    }

    /**
     * For every parameter declared {@code not_above} another (a base floor and its ceiling), in every region
     * and at every month where either changes in any layer: when both are in force, the lower one is not
     * above the other. A pack or scenario that raises the floor above the ceiling is refused at load time,
     * naming both values' files and lines.
     */
    private void checkOrdering() {
        for (ParameterDefinition d : definitions.values()) {
            if (d.domain().notAbove().isEmpty()) {
                continue;
            }
            String upperId = d.domain().notAbove().get();
            if (!definitions.containsKey(upperId)) {
                throw Builder.fail(all.stream().filter(v -> v.id().equals(d.id())).map(ParameterValue::origin).findFirst()
                        .orElse(new ParameterOrigin("bundled", "?", 0)), d.id() + ": not_above names '" + upperId
                        + "', which is not a parameter");
            }
            java.util.Set<String> regionsUsed = new java.util.TreeSet<>();
            java.util.Set<YearMonth> months = new java.util.TreeSet<>();
            for (ParameterValue v : all) {
                if (v.id().equals(d.id()) || v.id().equals(upperId)) {
                    regionsUsed.add(v.region());
                    months.add(YearMonth.from(v.from()));
                    v.until().ifPresent(u -> months.add(YearMonth.from(u).plusMonths(1)));
                }
            }
            for (io.shebao.region.Region r : regions.all()) {
                if (java.util.Collections.disjoint(regions.chain(r.code()), regionsUsed)) {
                    continue;
                }
                for (YearMonth m : months) {
                    if (resolve(d.id(), r.code(), m) instanceof Resolution.Known lo
                            && resolve(upperId, r.code(), m) instanceof Resolution.Known hi
                            && lo.value().decimal().compareTo(hi.value().decimal()) > 0) {
                        throw Builder.fail(lo.value().origin(), d.id() + " " + lo.value().raw() + " for " + r.code()
                                + " in " + m + " is above " + upperId + " " + hi.value().raw() + " ("
                                + hi.value().origin().file() + ":" + hi.value().origin().line()
                                + "); a floor cannot exceed its ceiling");
                    }
                }
            }
        }
    }

    private static String indexKey(String id, String key, String region) {
        return id + '\u0000' + key + '\u0000' + region;
    }

    public static Builder builder(RegionRegistry regions) {
        return new Builder(regions);
    }

    public RegionRegistry regions() {
        return regions;
    }

    public Map<String, ParameterDefinition> definitions() {
        return definitions;
    }

    public Optional<ParameterDefinition> definition(String id) {
        return Optional.ofNullable(definitions.get(id));
    }

    /** Layer names, bottom first: {@code bundled}, then packs. */
    public List<String> layers() {
        return layers;
    }

    /** Every value of every layer, as loaded. */
    public List<ParameterValue> values() {
        return all;
    }

    /** Values of one parameter, all regions and layers, sorted by region, key and date. */
    public List<ParameterValue> values(String id) {
        return all.stream().filter(v -> v.id().equals(id))
                .sorted(Comparator.comparing(ParameterValue::region).thenComparing(ParameterValue::key)
                        .thenComparing(ParameterValue::from))
                .toList();
    }

    /** True when the region or one of its parents has any value for the parameter (any key, any time). */
    public boolean definesAnywhere(String id, String region) {
        com.google.common.collect.ImmutableTable<String, String, LocalDate> t = firstFrom.get();
        for (String r : regions.chain(region)) {
            if (t.contains(id, r)) {
                return true;
            }
        }
        return false;
    }

    /**
     * When a parameter only a city defines (not its province) has its first value in the region chain: an
     * insurance a city's own files introduce (e.g. medical outside Wuhan from 2026) is not part of the city's
     * default scheme before then. Empty when the province defines it or nothing does (no such cut-off).
     */
    public java.util.Optional<java.time.LocalDate> cityFirstFrom(String id, String region) {
        com.google.common.collect.ImmutableTable<String, String, LocalDate> t = firstFrom.get();
        List<String> chain = regions.chain(region);
        if (t.contains(id, chain.get(chain.size() - 1))) {
            return java.util.Optional.empty();
        }
        LocalDate first = null;
        for (String r : chain) {
            LocalDate f = t.get(id, r);
            first = f != null && (first == null || f.isBefore(first)) ? f : first;
        }
        return java.util.Optional.ofNullable(first);
    }

    private static com.google.common.collect.ImmutableTable<String, String, LocalDate> firstFromTable(
            List<ParameterValue> values) {
        Map<String, Map<String, LocalDate>> m = new java.util.TreeMap<>();
        for (ParameterValue v : values) {
            m.computeIfAbsent(v.id(), k -> new java.util.TreeMap<>())
                    .merge(v.region(), v.from(), (a, b) -> a.isBefore(b) ? a : b);
        }
        com.google.common.collect.ImmutableTable.Builder<String, String, LocalDate> b =
                com.google.common.collect.ImmutableTable.builder();
        m.forEach((id, byRegion) -> byRegion.forEach((r, d) -> b.put(id, r, d)));
        return b.build();
    }

    /** The keys a keyed parameter has in the region chain. */
    public List<String> keys(String id, String region) {
        List<String> chain = regions.chain(region);
        return all.stream().filter(v -> v.id().equals(id) && chain.contains(v.region()))
                .map(ParameterValue::key).distinct().sorted().toList();
    }

    public Resolution resolve(String id, String region, YearMonth period) {
        return resolve(id, "", region, period);
    }

    public Resolution resolve(String id, String key, String region, YearMonth period) {
        Optional<ParameterValue> last = Optional.empty();
        for (String r : regions.chain(region)) { // city first, then the province
            ValueTimeline t = index.get(indexKey(id, key, r));
            if (t == null) {
                continue;
            }
            Optional<ParameterValue> v = t.inForce(period);
            if (v.isPresent()) {
                return new Resolution.Known(v.get());
            }
            if (last.isEmpty()) {
                last = t.lastBefore(period);
            }
        }
        return new Resolution.Unknown(id, key, region, period, last);
    }

    /**
     * A new set with one more layer on top (e.g. a what-if scenario's overrides); this set is not changed.
     * The values must be of parameters this set defines, with the same unit; they must not overlap each
     * other for the same parameter, key and region (they may overlap the values of lower layers: that is
     * what a top layer is for).
     */
    public ParameterSet withLayer(String name, List<ParameterValue> values) {
        for (ParameterValue v : values) {
            ParameterDefinition d = definitions.get(v.id());
            if (d == null) {
                throw Builder.fail(v.origin(), "parameter '" + v.id() + "' is not one the rules use; known: "
                        + String.join(", ", definitions.keySet()));
            }
            if (d.unit() != v.unit() || d.keyed() == v.key().isEmpty()) {
                throw Builder.fail(v.origin(), v.qualifiedId() + " does not match its definition (unit "
                        + d.unit().code() + (d.keyed() ? ", keyed" : "") + ")");
            }
        }
        Builder.checkDomains(definitions, values);
        Builder.checkOverlaps(new ArrayList<>(values));
        List<List<ParameterValue>> lv = new ArrayList<>(layerValues);
        lv.add(List.copyOf(values));
        List<String> names = new ArrayList<>(layers);
        names.add(name);
        return new ParameterSet(regions, definitions, lv, names, calendar);
    }

    /** 工作日历: the holiday arrangements bundled and from packs (a pack's year replaces the bundled one). */
    public HolidayCalendar calendar() {
        return calendar;
    }

    /**
     * This set without the values of the given provenance, in every layer: strict mode drops the
     * {@link Provenance#ASSUMED} values, so that a month only they cover is unknown again.
     */
    public ParameterSet without(Provenance provenance) {
        List<List<ParameterValue>> lv = new ArrayList<>();
        for (List<ParameterValue> l : layerValues) {
            lv.add(l.stream().filter(v -> v.provenance() != provenance).toList());
        }
        return new ParameterSet(regions, definitions, lv, layers, calendar);
    }

    /** SHA-256 of the values' content (not of where they were read), hex. Same values → same hash. */
    public String hash() {
        return hash.get();
    }

    private static String computeHash(Collection<ParameterValue> values) {
        List<String> lines = new ArrayList<>();
        for (ParameterValue v : values) {
            lines.add(String.join("|", v.id(), v.key(), v.region(), v.from().toString(),
                    v.until().map(Object::toString).orElse(""), v.raw(), v.unit().code(), v.reference(),
                    v.provenance().code()));
        }
        Collections.sort(lines);
        return Sha256.ofLines(lines);
    }

    /** Adds layers one at a time, validating each exactly the same way. */
    public static final class Builder {
        private final RegionRegistry regions;
        private final Map<String, ParameterDefinition> definitions = new LinkedHashMap<>();
        private final Map<String, ParameterOrigin> definedAt = new LinkedHashMap<>();
        private final List<List<ParameterValue>> layerValues = new ArrayList<>();
        private final List<String> layers = new ArrayList<>();
        private HolidayCalendar calendar = HolidayCalendar.empty();

        private Builder(RegionRegistry regions) {
            this.regions = regions;
        }

        /**
         * Adds a layer from the contents of its files. The first layer defines the parameters; later layers
         * (packs) may only give values for parameters already defined, with the same unit.
         */
        public Builder layer(String name, List<ParameterFileReader.Contents> files) {
            boolean first = layers.isEmpty();
            List<ParameterValue> values = new ArrayList<>();
            for (ParameterFileReader.Contents c : files) {
                for (ParameterDefinition d : c.definitions()) {
                    ParameterOrigin at = c.values().stream().filter(v -> v.id().equals(d.id()))
                            .map(ParameterValue::origin).findFirst().orElse(new ParameterOrigin(name, "?", 0));
                    ParameterDefinition known = definitions.get(d.id());
                    if (known == null) {
                        if (!first) {
                            throw fail(at, "parameter '" + d.id() + "' is not one the rules use; known: "
                                    + String.join(", ", definitions.keySet()));
                        }
                        definitions.put(d.id(), d);
                        definedAt.put(d.id(), at);
                    } else if (known.unit() != d.unit() || known.keyed() != d.keyed()) {
                        throw fail(at, "parameter '" + d.id() + "' has unit " + d.unit().code()
                                + (d.keyed() ? " (keyed)" : "") + " but " + definedAt.get(d.id()).file()
                                + " defines it as " + known.unit().code() + (known.keyed() ? " (keyed)" : ""));
                    } else if (first && known.description().isEmpty()) {
                        definitions.put(d.id(), d.domain().equals(ParameterDefinition.Domain.ANY)
                                ? new ParameterDefinition(d.id(), d.unit(), d.description(), d.keyed(), known.domain()) : d);
                    } else if (first && known.domain().equals(ParameterDefinition.Domain.ANY)) {
                        definitions.put(d.id(), new ParameterDefinition(d.id(), d.unit(),
                                known.description().isEmpty() ? d.description() : known.description(), d.keyed(), d.domain()));
                    }
                }
                values.addAll(c.values());
            }
            checkDomains(definitions, values);
            checkOverlaps(values);
            layerValues.add(values);
            layers.add(name);
            return this;
        }

        /** Every value within its parameter's declared domain (allowed values, largest value, keys). */
        static void checkDomains(Map<String, ParameterDefinition> definitions, List<ParameterValue> values) {
            for (ParameterValue v : values) {
                ParameterDefinition d = definitions.get(v.id());
                if (d == null) {
                    continue; // reported as an unknown parameter elsewhere
                }
                String problem = d.domain().problem(v.key(), v.raw(), v.unit());
                if (problem != null) {
                    throw fail(v.origin(), v.qualifiedId() + ": " + problem);
                }
            }
        }

        static void checkOverlaps(List<ParameterValue> values) {
            Map<String, List<ParameterValue>> groups = new LinkedHashMap<>();
            for (ParameterValue v : values) {
                groups.computeIfAbsent(indexKey(v.id(), v.key(), v.region()), k -> new ArrayList<>()).add(v);
            }
            for (List<ParameterValue> g : groups.values()) {
                g.sort(Comparator.comparing(ParameterValue::from));
                RangeMap<LocalDate, ParameterValue> seen = TreeRangeMap.create();
                for (ParameterValue b : g) {
                    Range<LocalDate> at = ValueTimeline.validity(b);
                    Optional<ParameterValue> clash = seen.subRangeMap(at).asMapOfRanges().values().stream().findFirst();
                    if (clash.isPresent()) {
                        ParameterValue a = clash.get();
                        throw fail(b.origin(), b.qualifiedId() + " for " + b.region() + ": value from " + b.from()
                                + " overlaps the value " + a.validity() + " at " + a.origin().file() + ":"
                                + a.origin().line());
                    }
                    seen.put(at, b);
                }
            }
        }

        static ShebaoException fail(ParameterOrigin at, String message) {
            return new ShebaoException(ErrorCode.PARAMETER_FILE_INVALID, at.file(), null,
                    at.file() + ":" + at.line() + ": " + message);
        }

        /** The holiday calendar that goes with these parameters (default: one that knows no year). */
        public Builder calendar(HolidayCalendar calendar) {
            this.calendar = java.util.Objects.requireNonNull(calendar, "calendar");
            return this;
        }

        public ParameterSet build() {
            return new ParameterSet(regions, definitions, layerValues, layers, calendar);
        }
    }
}
