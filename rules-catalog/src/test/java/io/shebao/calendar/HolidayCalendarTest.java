package io.shebao.calendar;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.parameter.ParameterCatalog;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HolidayCalendarTest {
    private static final HolidayCalendar CAL = ShebaoRules.load().calendar();

    @Test
    void bundledYearsAre2021To2026() {
        assertEquals(Set.of(2021, 2022, 2023, 2024, 2025, 2026), CAL.years());
    }

    /** Every day of 2021–2026 agrees with the digest's table, typed separately from the data files. */
    @Test
    void everyDayAgreesWithTheDigestTable() throws IOException {
        List<String> rows;
        try (InputStream in = getClass().getResourceAsStream("/golden/holiday-calendar-digest.csv")) {
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
        assertEquals(6, rows.size());
        for (String row : rows) {
            String[] f = row.split(",");
            int year = Integer.parseInt(f[0]);
            assertEquals(f[1], CAL.year(year).orElseThrow().notice());
            Set<LocalDate> off = new HashSet<>();
            for (String range : f[2].split(" ")) {
                String[] ab = range.split("\\.\\.");
                for (LocalDate d = LocalDate.parse(year + "-" + ab[0]); !d.isAfter(LocalDate.parse(year + "-" + ab[1]));
                     d = d.plusDays(1)) {
                    off.add(d);
                }
            }
            Set<LocalDate> on = new HashSet<>();
            for (String d : f[3].split(" ")) {
                on.add(LocalDate.parse(year + "-" + d));
            }
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                boolean expected = on.contains(d) || (!weekend && !off.contains(d));
                assertEquals(expected, CAL.isWorkingDay(d), d + " (" + CAL.day(d).kind() + ")");
            }
        }
    }

    @Test
    void daysSayWhy() {
        Day nationalDay = CAL.day(LocalDate.of(2021, 10, 1));
        assertEquals(DayKind.HOLIDAY, nationalDay.kind());
        assertEquals("国庆节", nationalDay.holiday().orElseThrow());
        assertEquals("国办发明电〔2020〕27号", nationalDay.year().notice());
        Day makeUp = CAL.day(LocalDate.of(2021, 9, 26));
        assertEquals(DayOfWeek.SUNDAY, makeUp.date().getDayOfWeek());
        assertEquals(DayKind.MAKE_UP_WORKDAY, makeUp.kind());
        assertEquals(DayKind.WEEKEND, CAL.day(LocalDate.of(2021, 11, 13)).kind());
        assertEquals(DayKind.WORKDAY, CAL.day(LocalDate.of(2021, 11, 15)).kind());
        // 2023's notice starts New Year's Day off on Saturday 2022-12-31.
        Day eve = CAL.day(LocalDate.of(2022, 12, 31));
        assertEquals(DayKind.HOLIDAY, eve.kind());
        assertEquals(2023, eve.year().year());
    }

    @Test
    void countsAcrossSpringFestivalWithMakeUpDays() {
        // 2024: 02-10 … 02-17 off, Sunday 02-18 worked.
        assertEquals(LocalDate.of(2024, 2, 9), CAL.plusWorkingDays(LocalDate.of(2024, 2, 8), 1));
        assertEquals(LocalDate.of(2024, 2, 18), CAL.plusWorkingDays(LocalDate.of(2024, 2, 8), 2));
        assertEquals(LocalDate.of(2024, 2, 19), CAL.plusWorkingDays(LocalDate.of(2024, 2, 8), 3));
        // 2026: Saturday 02-14 worked, 02-15 … 02-23 off, Saturday 02-28 worked.
        assertEquals(LocalDate.of(2026, 2, 14), CAL.plusWorkingDays(LocalDate.of(2026, 2, 13), 1));
        assertEquals(LocalDate.of(2026, 2, 24), CAL.plusWorkingDays(LocalDate.of(2026, 2, 13), 2));
        assertEquals(LocalDate.of(2026, 2, 28), CAL.plusWorkingDays(LocalDate.of(2026, 2, 13), 6));
    }

    @Test
    void countsAcrossNationalDay() {
        // 2025: 10-01 … 10-08 off, Saturday 10-11 worked.
        assertEquals(LocalDate.of(2025, 10, 9), CAL.plusWorkingDays(LocalDate.of(2025, 9, 30), 1));
        assertEquals(LocalDate.of(2025, 10, 11), CAL.plusWorkingDays(LocalDate.of(2025, 9, 30), 3));
        assertEquals(LocalDate.of(2025, 10, 13), CAL.plusWorkingDays(LocalDate.of(2025, 9, 30), 4));
        assertEquals(4, CAL.workingDaysBetween(LocalDate.of(2025, 9, 30), LocalDate.of(2025, 10, 13)));
        assertEquals(LocalDate.of(2025, 10, 9), CAL.firstWorkingDayFrom(LocalDate.of(2025, 10, 1)));
    }

    @Test
    void aYearWithoutArrangementIsAnErrorNamingTheYear() {
        ShebaoException e = assertThrows(ShebaoException.class, () -> CAL.isWorkingDay(LocalDate.of(2027, 1, 4)));
        assertEquals(ErrorCode.PARAMETER_UNKNOWN, e.code());
        assertEquals("2027", e.value().orElseThrow());
        assertTrue(e.getMessage().startsWith("no holiday calendar known for 2027"), e.getMessage());
        // A count that runs into 2027 fails the same way instead of treating 2027 as plain weekdays.
        assertThrows(ShebaoException.class, () -> CAL.plusWorkingDays(LocalDate.of(2026, 12, 25), 10));
        assertThrows(ShebaoException.class, () -> CAL.isWorkingDay(LocalDate.of(2020, 12, 31)));
    }

    @Test
    void aPackAddsAYearWithoutARelease(@TempDir Path dir) throws IOException {
        Path pack = dir.resolve("calendar-2027");
        Files.createDirectories(pack.resolve(ParameterCatalog.CALENDAR_FOLDER));
        Files.writeString(pack.resolve("calendar/2027.yaml"), """
                year: 2027
                notice: 国办发明电〔2026〕99号
                reference: "a test notice"
                provenance: secondary
                days_off:
                  - {from: 2027-01-01, until: 2027-01-03, name: 元旦, en: New Year's Day}
                working_days: []
                """);
        HolidayCalendar cal = ShebaoRules.builder().parameterPack(pack).build().calendar();
        assertEquals(Set.of(2021, 2022, 2023, 2024, 2025, 2026, 2027), cal.years());
        assertFalse(cal.isWorkingDay(LocalDate.of(2027, 1, 1)));
        assertEquals(LocalDate.of(2027, 1, 4), cal.plusWorkingDays(LocalDate.of(2026, 12, 31), 1));
        assertEquals("calendar-2027/calendar/2027.yaml", cal.year(2027).orElseThrow().origin().file());
        assertFalse(cal.hash().equals(CAL.hash()));
    }

    @Test
    void readerNamesFileAndLine() {
        String bad = """
                year: 2027
                notice: x
                reference: "r"
                provenance: secondary
                days_off: []
                working_days:
                  - {date: 2027-01-06, name: 元旦, en: New Year}
                """;
        ShebaoException e = assertThrows(ShebaoException.class,
                () -> CalendarFileReader.read(new StringReader(bad), "p/calendar/2027.yaml", "p"));
        assertEquals(ErrorCode.PARAMETER_FILE_INVALID, e.code());
        assertEquals("p/calendar/2027.yaml:7: make-up working day 2027-01-06 is a WEDNESDAY; only a Saturday or "
                + "Sunday can be one", e.getMessage());
        String unknownKey = "year: 2027\nnotice: x\nreference: r\nprovenance: secondary\ndays_off: []\n"
                + "working_days: []\nholidays: []\n";
        e = assertThrows(ShebaoException.class,
                () -> CalendarFileReader.read(new StringReader(unknownKey), "f.yaml", "p"));
        assertTrue(e.getMessage().startsWith("f.yaml:7: unknown key 'holidays'"), e.getMessage());
        String outside = "year: 2027\nnotice: x\nreference: r\nprovenance: secondary\n"
                + "days_off:\n  - {from: 2026-10-01, until: 2026-10-03, name: a, en: b}\nworking_days: []\n";
        e = assertThrows(ShebaoException.class,
                () -> CalendarFileReader.read(new StringReader(outside), "f.yaml", "p"));
        assertEquals("f.yaml:6: days off 2026-10-01 … 2026-10-03 are not in 2027", e.getMessage());
    }

    @Test
    void catalogueIndexListsEveryBundledCalendar() throws IOException {
        Path root = Path.of("src/main/resources");
        String index;
        try (InputStream in = getClass().getResourceAsStream("/" + ParameterCatalog.INDEX)) {
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Stream<Path> files = Files.list(root.resolve("shebao/calendar"))) {
            for (Path f : files.toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                assertTrue(index.contains("- " + rel), rel + " is not listed in " + ParameterCatalog.INDEX);
            }
        }
    }

    /** Counting n working days lands on a working day, and counting back between the two gives n. */
    @Property(tries = 300)
    void countingIsConsistent(@ForAll @IntRange(min = 0, max = 1800) int dayOffset, @ForAll @IntRange(min = 1, max = 60) int n) {
        LocalDate start = LocalDate.of(2021, 1, 1).plusDays(dayOffset);
        LocalDate end = CAL.plusWorkingDays(start, n);
        assertTrue(CAL.isWorkingDay(end));
        assertEquals(n, CAL.workingDaysBetween(start, end));
        assertEquals(n - 1, CAL.workingDaysBetween(start, end.minusDays(1)));
    }
}
