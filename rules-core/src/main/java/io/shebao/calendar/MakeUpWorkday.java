package io.shebao.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * 调休上班: a Saturday or Sunday that is a working day because a holiday borrowed it.
 *
 * @param date the day
 * @param name the holiday it is worked for (e.g. 春节)
 * @param english its English name
 */
public record MakeUpWorkday(LocalDate date, String name, String english) {
    public MakeUpWorkday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(english, "english");
    }
}
