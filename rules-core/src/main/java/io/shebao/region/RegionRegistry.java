package io.shebao.region;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;

import com.google.common.collect.ImmutableMap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.google.common.base.Preconditions.checkArgument;

/** The regions the catalogue knows, with their parent chain (city → province). Immutable. */
public final class RegionRegistry {
    private final Map<String, Region> regions;
    private final Map<String, RegionGroup> groups;

    public RegionRegistry(Collection<Region> regions) {
        this(regions, List.of());
    }

    /** @param groups named sets of regions (tiers), each region known and in a group at most once per group */
    public RegionRegistry(Collection<Region> regions, Collection<RegionGroup> groups) {
        Map<String, Region> m = new LinkedHashMap<>();
        for (Region r : regions) {
            Region before = m.put(r.code(), r);
            checkArgument(before == null, "duplicate region %s", r.code());
        }
        for (Region r : m.values()) {
            r.parent().ifPresent(p -> checkArgument(m.containsKey(p), "region %s has unknown parent %s", r.code(), p));
        }
        this.regions = ImmutableMap.copyOf(m);
        Map<String, RegionGroup> g = new LinkedHashMap<>();
        for (RegionGroup group : groups) {
            checkArgument(!m.containsKey(group.code()) && !g.containsKey(group.code()),
                    "duplicate region or group %s", group.code());
            g.put(group.code(), group);
            for (String r : group.regions()) {
                checkArgument(m.containsKey(r), "group %s names unknown region %s", group.code(), r);
                checkArgument(group.regions().indexOf(r) == group.regions().lastIndexOf(r),
                        "group %s names %s twice", group.code(), r);
            }
        }
        this.groups = ImmutableMap.copyOf(g);
    }

    public Optional<RegionGroup> group(String code) {
        return Optional.ofNullable(code == null ? null : groups.get(code));
    }

    public Collection<RegionGroup> groups() {
        return groups.values();
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(code == null ? null : regions.get(code));
    }

    public boolean contains(String code) {
        return regions.containsKey(code);
    }

    /** The region or a clear error listing the known codes. */
    public Region require(String field, String code) {
        Region r = code == null ? null : regions.get(code);
        if (r == null) {
            throw new ShebaoException(ErrorCode.UNKNOWN_REGION, field, String.valueOf(code),
                    field + ": unknown region '" + code + "'; allowed: " + String.join(", ", regions.keySet()));
        }
        return r;
    }

    /** The region itself first, then its parents up to the root. */
    public List<String> chain(String code) {
        List<String> out = new ArrayList<>();
        Region r = regions.get(code);
        while (r != null) {
            out.add(r.code());
            r = r.parent().map(regions::get).orElse(null);
        }
        return out;
    }

    /** Every region below the given one (its cities, their sub-regions…), not the region itself. */
    public List<String> descendants(String code) {
        List<String> out = new ArrayList<>();
        for (Region r : regions.values()) {
            if (!r.code().equals(code) && chain(r.code()).contains(code)) {
                out.add(r.code());
            }
        }
        return out;
    }

    public Collection<Region> all() {
        return regions.values();
    }
}
