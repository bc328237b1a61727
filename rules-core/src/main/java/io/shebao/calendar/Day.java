package io.shebao.calendar;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One day on the calendar, with why it is or is not a working day.
 *
 * @param date the day
 * @param kind workday, make-up workday, weekend or holiday
 * @param holiday the holiday's Chinese name for a holiday or make-up workday
 * @param year the arrangement that decided it (for a weekday or weekend, the year's notice that does not list it)
 */
public record Day(LocalDate date, DayKind kind, Optional<String> holiday, CalendarYear year) {
    public Day {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(holiday, "holiday");
        Objects.requireNonNull(year, "year");
    }

    public boolean isWorkingDay() {
        return kind.isWorkingDay();
    }
}
