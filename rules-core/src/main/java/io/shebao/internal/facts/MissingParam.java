package io.shebao.internal.facts;

import java.time.YearMonth;

/** A parameter the rules may need that has no value in force for the region and period. */
public final class MissingParam {
    private final String id;
    private final String key;
    private final String region;
    private final YearMonth period;
    private final String lastKnown;

    public MissingParam(String id, String key, String region, YearMonth period, String lastKnown) {
        this.id = id;
        this.key = key;
        this.region = region;
        this.period = period;
        this.lastKnown = lastKnown;
    }

    public String getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public String getRegion() {
        return region;
    }

    public YearMonth getPeriod() {
        return period;
    }

    /** Validity of the last value before the period, or empty; named in the error to help the user. */
    public String getLastKnown() {
        return lastKnown;
    }

    public String qualifiedId() {
        return key.isEmpty() ? id : id + "[" + key + "]";
    }
}
