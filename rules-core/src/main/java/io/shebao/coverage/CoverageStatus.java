package io.shebao.coverage;

import java.util.Locale;

/** 覆盖情况: how far the catalogue answers an insurance in a region and month. */
public enum CoverageStatus {
    /** 已知: computed from published values only (seed, law, secondary). */
    KNOWN,
    /** 推定: computed, but with at least one value of provenance {@code assumed} (an ASSUMED_VALUE warning). */
    ASSUMED,
    /** 未知: not computable: a parameter has no value for the month (PARAMETER_UNKNOWN). */
    UNKNOWN,
    /** 不适用: the region's parameters do not define this insurance at all. */
    NOT_APPLICABLE;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
