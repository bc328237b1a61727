package io.shebao.calendar;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.internal.hash.Sha256;

import com.google.common.collect.ImmutableSortedMap;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * 工作日历: which days are working days (工作日), on the State Council's holiday arrangements of the years it
 * knows. Immutable and thread-safe.
 *
 * <p>A working day is Monday to Friday unless the year's notice makes it a day off (放假), or a Saturday or
 * Sunday the notice makes a working day (调休上班). A question about a date in a year no arrangement covers
 * fails with {@link ErrorCode#PARAMETER_UNKNOWN} naming the year: the arrangement of a year is published
 * around November of the year before, and guessing it would move deadlines.
 */
public final class HolidayCalendar {
    /** Longest count a deadline may ask for; bounds the walk (a year holds about 250 working days). */
    public static final int MAX_WORKING_DAYS = 2_000;

    private static final HolidayCalendar EMPTY = new HolidayCalendar(List.of());

    private final NavigableMap<Integer, CalendarYear> years;
    /** Days the notices list (days off and make-up workdays), with the year that lists them. */
    private final Map<LocalDate, Listed> listed;
    private final String hash;

    private record Listed(DayKind kind, String name, CalendarYear year) {
    }

    private HolidayCalendar(List<CalendarYear> layered) {
        NavigableMap<Integer, CalendarYear> ys = new TreeMap<>();
        for (CalendarYear y : layered) {
            ys.put(y.year(), y); // a later layer (a pack) replaces the year
        }
        Map<LocalDate, Listed> days = new HashMap<>();
        for (CalendarYear y : ys.values()) {
            for (Holiday h : y.daysOff()) {
                for (LocalDate d = h.from(); !d.isAfter(h.until()); d = d.plusDays(1)) {
                    put(days, d, new Listed(DayKind.HOLIDAY, h.name(), y));
                }
            }
            for (MakeUpWorkday m : y.makeUpWorkdays()) {
                put(days, m.date(), new Listed(DayKind.MAKE_UP_WORKDAY, m.name(), y));
            }
        }
        this.years = ImmutableSortedMap.copyOfSorted(ys);
        this.listed = Map.copyOf(days);
        this.hash = computeHash(ys.values());
    }

    private static void put(Map<LocalDate, Listed> days, LocalDate d, Listed l) {
        Listed old = days.put(d, l);
        if (old != null && (old.kind() != l.kind() || old.year() != l.year())) {
            throw new ShebaoException(ErrorCode.PARAMETER_FILE_INVALID, l.year().origin().file(), d.toString(),
                    l.year().origin().file() + ":" + l.year().origin().line() + ": " + d + " is listed as "
                            + describe(l.kind()) + " here and as " + describe(old.kind()) + " in "
                            + old.year().origin().file());
        }
    }

    private static String describe(DayKind k) {
        return k == DayKind.HOLIDAY ? "a day off" : "a make-up working day";
    }

    /** A calendar of the given years; where two give the same year, the later one wins (packs over bundled). */
    public static HolidayCalendar of(List<CalendarYear> years) {
        return years.isEmpty() ? EMPTY : new HolidayCalendar(List.copyOf(years));
    }

    /** A calendar that knows no year: every question fails naming the year. */
    public static HolidayCalendar empty() {
        return EMPTY;
    }

    /** The years this calendar knows, ascending. */
    public SortedSet<Integer> years() {
        return years.navigableKeySet();
    }

    /** The arrangement of a year, if known. */
    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    /** Whether the year's arrangement is known. */
    public boolean covers(int year) {
        return years.containsKey(year);
    }

    /**
     * The day on this calendar: workday, make-up workday, weekend or holiday, with the arrangement that says so.
     *
     * @throws ShebaoException PARAMETER_UNKNOWN when the date's year has no arrangement
     */
    public Day day(LocalDate date) {
        Objects.requireNonNull(date, "date");
        CalendarYear own = years.get(date.getYear());
        if (own == null) {
            throw unknownYear(date);
        }
        Listed l = listed.get(date);
        if (l != null) {
            return new Day(date, l.kind(), Optional.of(l.name()), l.year());
        }
        DayOfWeek w = date.getDayOfWeek();
        boolean weekend = w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
        return new Day(date, weekend ? DayKind.WEEKEND : DayKind.WORKDAY, Optional.empty(), own);
    }

    /** Whether the date is a working day (工作日). */
    public boolean isWorkingDay(LocalDate date) {
        return day(date).isWorkingDay();
    }

    /**
     * The {@code n}-th working day after {@code start} ({@code start} itself not counted, whatever it is);
     * {@code start} for {@code n == 0}.
     *
     * @throws ShebaoException PARAMETER_UNKNOWN when the count reaches a year with no arrangement;
     *                         INVALID_INPUT when {@code n} is negative or above {@link #MAX_WORKING_DAYS}
     */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        if (n < 0 || n > MAX_WORKING_DAYS) {
            throw ShebaoException.invalid("workingDays", n, "allowed: 0 to " + MAX_WORKING_DAYS);
        }
        LocalDate d = start;
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /** The first working day on or after {@code date}. */
    public LocalDate firstWorkingDayFrom(LocalDate date) {
        Objects.requireNonNull(date, "date");
        LocalDate d = date;
        for (int i = 0; i <= 366 && !isWorkingDay(d); i++) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Working days in {@code (startExclusive, endInclusive]}; 0 when the end is not after the start. */
    public int workingDaysBetween(LocalDate startExclusive, LocalDate endInclusive) {
        int n = 0;
        for (LocalDate d = startExclusive.plusDays(1); !d.isAfter(endInclusive); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    /** SHA-256 of the arrangements' content (not of where they were read): same days → same hash. */
    public String hash() {
        return hash;
    }

    private static String computeHash(Iterable<CalendarYear> ys) {
        List<String> lines = new ArrayList<>();
        for (CalendarYear y : ys) {
            lines.add(y.year() + "|" + y.notice() + "|" + y.reference() + "|" + y.provenance().code());
            for (Holiday h : y.daysOff()) {
                lines.add(y.year() + "|off|" + h.from() + "|" + h.until() + "|" + h.name());
            }
            for (MakeUpWorkday m : y.makeUpWorkdays()) {
                lines.add(y.year() + "|on|" + m.date() + "|" + m.name());
            }
        }
        Collections.sort(lines);
        return Sha256.ofLines(lines);
    }

    private ShebaoException unknownYear(LocalDate date) {
        String known = years.isEmpty() ? "none" : years.keySet().toString();
        return new ShebaoException(ErrorCode.PARAMETER_UNKNOWN, "calendar", String.valueOf(date.getYear()),
                "no holiday calendar known for " + date.getYear() + " (needed for " + date
                        + "; years known: " + known + "); add the State Council's arrangement for "
                        + date.getYear() + " as calendar/" + date.getYear() + ".yaml in a parameter pack");
    }

    @Override
    public String toString() {
        return "HolidayCalendar" + years.keySet();
    }
}
