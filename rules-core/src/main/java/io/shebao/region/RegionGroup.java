package io.shebao.region;

import java.util.List;
import java.util.Objects;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * 地区分类: a named set of regions that share values, e.g. the tiers (一类/二类/三类地区) of Hubei's yearly
 * contribution-base notice. Stated once in {@code shebao/regions.yaml}; a parameter file names the group
 * ({@code group: base-tier-2}) instead of copying its regions.
 *
 * @param reference the document that puts these regions together
 */
public record RegionGroup(String code, String nameZh, String nameEn, List<String> regions, String reference) {
    public RegionGroup {
        Objects.requireNonNull(code);
        Objects.requireNonNull(nameZh);
        Objects.requireNonNull(nameEn);
        regions = List.copyOf(regions);
        Objects.requireNonNull(reference);
        checkArgument(!regions.isEmpty(), "group %s has no regions", code);
    }
}
