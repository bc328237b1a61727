package io.shebao.internal.facts;

import io.shebao.calendar.HolidayCalendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The dates of one certificate as its rules see them: declaration month, issue date, payment date and the
 * holiday calendar used to count working days.
 */
public record CertificateTerms(YearMonth period, LocalDate issuedOn, LocalDate payOn, HolidayCalendar calendar) {
    /** Days from the day after {@code due} to the payment date, both counted; 0 when paid by {@code due}. */
    public long daysLateAfter(LocalDate due) {
        return Math.max(0, ChronoUnit.DAYS.between(due, payOn));
    }

    /** The first working day on or after the date. */
    public LocalDate workingDayOnOrAfter(LocalDate d) {
        return calendar.firstWorkingDayFrom(d);
    }

    public YearMonth getPeriod() {
        return period;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public LocalDate getPayOn() {
        return payOn;
    }

    public HolidayCalendar getCalendar() {
        return calendar;
    }
}
