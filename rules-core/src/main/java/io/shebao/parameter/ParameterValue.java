package io.shebao.parameter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * One dated value of a parameter for one region: in force from {@code from} (first day of a month) to
 * {@code until} (last day of a month, inclusive), or open-ended.
 *
 * @param key for keyed parameters (e.g. the work-injury risk class "1"…"8"), else empty
 * @param raw the value as written in the file; read it with {@link #decimal()} or {@link #text()}
 */
public record ParameterValue(String id, String region, String key, LocalDate from, Optional<LocalDate> until,
                             String raw, Unit unit, String reference, Provenance provenance,
                             ParameterOrigin origin) {
    public ParameterValue {
        Objects.requireNonNull(id);
        Objects.requireNonNull(region);
        Objects.requireNonNull(key);
        Objects.requireNonNull(from);
        Objects.requireNonNull(until);
        Objects.requireNonNull(raw);
        Objects.requireNonNull(unit);
        Objects.requireNonNull(reference);
        Objects.requireNonNull(provenance);
        Objects.requireNonNull(origin);
        // the timeline looks a month up by its first day: values change only at month boundaries
        checkArgument(from.getDayOfMonth() == 1, "%s: 'from' must be the first day of a month, got %s", id, from);
        until.ifPresent(u -> checkArgument(u.getDayOfMonth() == u.lengthOfMonth() && !u.isBefore(from),
                "%s: 'until' must be the last day of a month on or after 'from' %s, got %s", id, from, u));
    }

    public boolean covers(YearMonth month) {
        return !from.isAfter(month.atDay(1)) && until.map(u -> !u.isBefore(month.atEndOfMonth())).orElse(true);
    }

    /** True when the value ends before the given month (so it could be carried forward to it). */
    public boolean endsBefore(YearMonth month) {
        return until.map(u -> u.isBefore(month.atDay(1))).orElse(false);
    }

    /** True when the two values are in force on at least one common day. */
    public boolean overlaps(ParameterValue o) {
        return ValueTimeline.validity(this).isConnected(ValueTimeline.validity(o)); // closed ranges: a common day
    }

    public BigDecimal decimal() {
        return new BigDecimal(raw);
    }

    public int integer() {
        return Integer.parseInt(raw);
    }

    public String text() {
        return raw;
    }

    public YearMonth month() {
        return YearMonth.parse(raw);
    }

    public List<BigDecimal> decimals() {
        List<BigDecimal> out = new ArrayList<>();
        for (String p : raw.split(",")) {
            out.add(new BigDecimal(p.trim()));
        }
        return List.copyOf(out);
    }

    /** "2016-05-01 … 2024-12-31" or "2019-05-01 …". */
    public String validity() {
        return from + " … " + until.map(LocalDate::toString).orElse("");
    }

    /** id with its key, e.g. {@code work_injury.base_rate[1]}. */
    public String qualifiedId() {
        return key.isEmpty() ? id : id + "[" + key + "]";
    }
}
