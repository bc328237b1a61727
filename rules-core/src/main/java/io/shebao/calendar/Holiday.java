package io.shebao.calendar;

import java.time.LocalDate;
import java.util.Objects;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * 放假: a run of days off of one holiday, both ends inclusive, as the notice lists it.
 *
 * @param from first day off
 * @param until last day off (inclusive)
 * @param name the holiday's Chinese name as printed (e.g. 春节)
 * @param english its English name
 */
public record Holiday(LocalDate from, LocalDate until, String name, String english) {
    public Holiday {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(english, "english");
        checkArgument(!until.isBefore(from), "until %s is before from %s", until, from);
    }

    public boolean contains(LocalDate d) {
        return !d.isBefore(from) && !d.isAfter(until);
    }
}
