package io.shebao.calendar;

import io.shebao.parameter.ParameterOrigin;
import io.shebao.parameter.Provenance;

import java.util.List;
import java.util.Objects;

/**
 * 年度节假日安排: one year's holiday arrangement as the State Council's notice gives it.
 *
 * @param year the calendar year the notice arranges
 * @param notice the notice's number (e.g. 国办发明电〔2020〕27号)
 * @param title the notice's title
 * @param reference where the dates were read, for traces and audits
 * @param provenance how sure the dates are
 * @param daysOff 放假: runs of days off
 * @param makeUpWorkdays 调休上班: weekend days that are working days
 * @param origin the file and line the year was read from (bundled or a pack)
 */
public record CalendarYear(int year, String notice, String title, String reference, Provenance provenance,
                           List<Holiday> daysOff, List<MakeUpWorkday> makeUpWorkdays, ParameterOrigin origin) {
    public CalendarYear {
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(origin, "origin");
        daysOff = List.copyOf(daysOff);
        makeUpWorkdays = List.copyOf(makeUpWorkdays);
    }
}
