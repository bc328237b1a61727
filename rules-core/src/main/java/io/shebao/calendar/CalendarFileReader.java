package io.shebao.calendar;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.parameter.ParameterOrigin;
import io.shebao.parameter.Provenance;
import io.shebao.parameter.StrictYaml;
import org.yaml.snakeyaml.nodes.Node;

import java.io.Reader;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one year's holiday arrangement, strictly, naming file and line on every error:
 *
 * <pre>
 * year: 2021
 * notice: 国办发明电〔2020〕27号
 * title: 国务院办公厅关于2021年部分节假日安排的通知
 * reference: "where the dates were read"
 * provenance: secondary            # seed | law | secondary
 * days_off:                        # 放假
 *   - {from: 2021-02-11, until: 2021-02-17, name: 春节, en: Spring Festival}
 * working_days:                    # 调休上班: Saturdays and Sundays that are working days
 *   - {date: 2021-02-07, name: 春节, en: Spring Festival}
 * </pre>
 *
 * Checks meaning as well as form: a day off lies within the year (the New Year run may start on 31 December
 * of the year before, as 2023's does), a run is at most {@value #MAX_RUN} days, a make-up working day is a
 * Saturday or Sunday of the year, and no day is both.
 */
public final class CalendarFileReader {
    /** The longest run of days off a notice has given (Spring Festival, National Day: 7–9 days), with margin. */
    static final int MAX_RUN = 15;
    private static final Set<String> TOP = Set.of("year", "notice", "title", "reference", "provenance", "days_off",
            "working_days");
    private static final Set<String> TOP_REQUIRED = Set.of("year", "notice", "reference", "provenance", "days_off",
            "working_days");

    private CalendarFileReader() {
    }

    /** Reads one file; {@code file} is the name shown in errors and traces, {@code pack} the layer. */
    public static CalendarYear read(Reader reader, String file, String pack) {
        StrictYaml y = new StrictYaml(file, ErrorCode.PARAMETER_FILE_INVALID);
        Node root = y.parse(reader);
        Map<String, Node> top = y.mapping(root, "a holiday calendar file", TOP, TOP_REQUIRED);
        int year = year(y, top.get("year"));
        String notice = text(y, top.get("notice"), "notice");
        String title = top.containsKey("title") ? text(y, top.get("title"), "title") : notice;
        String reference = text(y, top.get("reference"), "reference");
        Provenance provenance;
        Node pn = top.get("provenance");
        try {
            provenance = Provenance.parse(y.scalar(pn, "provenance"));
        } catch (IllegalArgumentException e) {
            throw y.error(pn, "provenance '" + y.scalar(pn, "provenance") + "' is not allowed; allowed: seed, law, secondary");
        }
        if (provenance == Provenance.SCENARIO) {
            throw y.error(pn, "provenance 'scenario' is not allowed in a calendar file; allowed: seed, law, secondary");
        }
        List<Holiday> off = new ArrayList<>();
        for (Node n : y.sequence(top.get("days_off"), "days_off")) {
            Map<String, Node> m = y.mapping(n, "a day-off run", Set.of("from", "until", "name", "en"),
                    Set.of("from", "until", "name", "en"));
            LocalDate from = date(y, m.get("from"), "from");
            LocalDate until = date(y, m.get("until"), "until");
            if (until.isBefore(from)) {
                throw y.error(m.get("until"), "until " + until + " is before from " + from);
            }
            if (until.toEpochDay() - from.toEpochDay() + 1 > MAX_RUN) {
                throw y.error(m.get("until"), "a run of days off is at most " + MAX_RUN + " days; " + from + " … " + until
                        + " is longer");
            }
            boolean startsInYear = from.getYear() == year
                    || (from.getYear() == year - 1 && from.getMonthValue() == 12 && from.getDayOfMonth() == 31);
            if (!startsInYear || until.getYear() != year) {
                throw y.error(m.get("from"), "days off " + from + " … " + until + " are not in " + year);
            }
            off.add(new Holiday(from, until, text(y, m.get("name"), "name"), text(y, m.get("en"), "en")));
        }
        List<MakeUpWorkday> on = new ArrayList<>();
        for (Node n : y.sequence(top.get("working_days"), "working_days")) {
            Map<String, Node> m = y.mapping(n, "a make-up working day", Set.of("date", "name", "en"),
                    Set.of("date", "name", "en"));
            LocalDate d = date(y, m.get("date"), "date");
            if (d.getYear() != year) {
                throw y.error(m.get("date"), "make-up working day " + d + " is not in " + year);
            }
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw y.error(m.get("date"), "make-up working day " + d + " is a " + d.getDayOfWeek()
                        + "; only a Saturday or Sunday can be one");
            }
            for (Holiday h : off) {
                if (h.contains(d)) {
                    throw y.error(m.get("date"), d + " is both a day off (" + h.name() + ") and a make-up working day");
                }
            }
            on.add(new MakeUpWorkday(d, text(y, m.get("name"), "name"), text(y, m.get("en"), "en")));
        }
        for (int i = 0; i < off.size(); i++) {
            for (int j = i + 1; j < off.size(); j++) {
                Holiday a = off.get(i);
                Holiday b = off.get(j);
                if (!a.until().isBefore(b.from()) && !b.until().isBefore(a.from())) {
                    throw new ShebaoException(ErrorCode.PARAMETER_FILE_INVALID, file, null,
                            file + ": days off " + a.from() + " … " + a.until() + " and " + b.from() + " … "
                                    + b.until() + " overlap");
                }
            }
        }
        return new CalendarYear(year, notice, title, reference, provenance, off, on,
                new ParameterOrigin(pack, file, StrictYaml.line(root)));
    }

    private static int year(StrictYaml y, Node n) {
        String s = y.scalar(n, "year");
        if (!s.matches("[0-9]{4}")) {
            throw y.error(n, "year '" + s + "' is not allowed; allowed: a year of four digits, 1950 to 2200");
        }
        int v = Integer.parseInt(s);
        if (v < 1950 || v > 2200) {
            throw y.error(n, "year '" + s + "' is not allowed; allowed: 1950 to 2200");
        }
        return v;
    }

    private static LocalDate date(StrictYaml y, Node n, String what) {
        String s = y.scalar(n, what);
        if (!s.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            throw y.error(n, what + " '" + s + "' is not allowed; allowed: a date YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeException e) {
            throw y.error(n, what + " '" + s + "' is not a date of the calendar");
        }
    }

    private static String text(StrictYaml y, Node n, String what) {
        String s = y.scalar(n, what).strip();
        if (s.isEmpty()) {
            throw y.error(n, what + " must not be empty");
        }
        return s;
    }
}
