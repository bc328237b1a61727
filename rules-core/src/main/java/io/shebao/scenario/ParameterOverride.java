package io.shebao.scenario;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * 参数调整: one override of a what-if scenario: from {@code from} (first day of a month) to {@code until}
 * (last day of a month, inclusive) or open-ended, the parameter has {@code value} in {@code region}.
 *
 * @param key       for keyed parameters (e.g. the risk class), else empty
 * @param cities    for a region with sub-regions: true (the default) when the value also replaces the
 *                  sub-regions' own values ("for all Hubei" includes Wuhan's own value); false when
 *                  sub-regions with a value of their own keep it
 * @param reference why: shown in the trace in place of a legal reference
 * @param line      the line of the scenario file it was read from (0 when built in code)
 */
public record ParameterOverride(String parameter, String key, String region, LocalDate from,
                                Optional<LocalDate> until, String value, boolean cities, String reference,
                                int line) {
    public ParameterOverride {
        Objects.requireNonNull(parameter);
        Objects.requireNonNull(key);
        Objects.requireNonNull(region);
        Objects.requireNonNull(from);
        Objects.requireNonNull(until);
        Objects.requireNonNull(value);
        Objects.requireNonNull(reference);
    }

    public String qualifiedId() {
        return key.isEmpty() ? parameter : parameter + "[" + key + "]";
    }

    /** "2015-03-01 … 2025-12-31" or "2025-01-01 …". */
    public String validity() {
        return from + " … " + until.map(LocalDate::toString).orElse("");
    }

    boolean overlaps(ParameterOverride o) {
        LocalDate end = until.orElse(LocalDate.MAX);
        LocalDate oEnd = o.until.orElse(LocalDate.MAX);
        return !from.isAfter(oEnd) && !o.from.isAfter(end);
    }

    /** One canonical line for the scenario's hash: no file positions, only what changes the answer. */
    String canonical() {
        return String.join("|", "override", parameter, key, region, from.toString(),
                until.map(LocalDate::toString).orElse(""), value, cities ? "cities" : "region-only", reference);
    }
}
