package io.shebao.services;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Completion dates on the 2026 holiday arrangement (国办发明电〔2025〕7号). */
class ServiceDeadlineTest {
    static final ShebaoRules RULES = ShebaoRules.load();

    @Test
    void twentyWorkingDaysAcrossMidAutumnAndNationalDay() {
        // 09-25…09-27 and 10-01…10-07 off, Saturday 10-10 a make-up working day
        ServiceCheck c = RULES.services().check("SBZX00015", Map.of("laid_off", "20", "staff", "100"), LocalDate.of(2026, 9, 24));
        assertEquals(Optional.of(LocalDate.of(2026, 10, 29)), c.statutoryDeadline().date());
        assertEquals(Optional.of(LocalDate.of(2026, 9, 24)), c.promisedDeadline().date(), "即时办结");
        // the same count on weekdays only would end on 10-22
        assertTrue(c.statutoryDeadline().note().en().contains("working day"));
    }

    @Test
    void fiveWorkingDaysAcrossSpringFestival() {
        // 02-14 (Saturday) is a make-up working day, 02-15…02-23 off
        ServiceCheck c = RULES.services().check("SBZX00013", Map.of("hire_date", "2026-02-02"), LocalDate.of(2026, 2, 12));
        assertEquals(Optional.of(LocalDate.of(2026, 2, 26)), c.statutoryDeadline().date());
    }

    @Test
    void calendarDaysEndingOnAHolidayMoveToTheNextWorkingDay() {
        // 60 days after 2026-08-02 is 10-01, National Day: the period ends on 10-08 (民法典 第二百零三条)
        Deadline d = ServiceChecker.deadline(RULES.services().item("GSC00001").statutoryLimit(), LocalDate.of(2026, 8, 2),
                RULES.calendar());
        assertEquals(Optional.of(LocalDate.of(2026, 10, 8)), d.date());
        assertTrue(d.note().zh().contains("顺延"));
        Deadline plain = ServiceChecker.deadline(RULES.services().item("GSC00001").statutoryLimit(), LocalDate.of(2026, 3, 2),
                RULES.calendar());
        assertEquals(Optional.of(LocalDate.of(2026, 5, 6)), plain.date(), "05-01 + 0: 03-02 + 60 = 05-01 (Labour Day) → 05-06");
    }

    @Test
    void noDateForNoLimitSchedulesAndOtherEvents() {
        LocalDate on = LocalDate.of(2026, 3, 2);
        assertEquals(Optional.empty(), ServiceChecker.deadline(RULES.services().item("SYB00002").statutoryLimit(), on, RULES.calendar()).date());
        Deadline schedule = ServiceChecker.deadline(RULES.services().item("YBZX00019").statutoryLimit(), on, RULES.calendar());
        assertEquals(Optional.empty(), schedule.date());
        assertEquals("NOT_FROM_APPLICATION", schedule.note().code());
        Deadline transfer = ServiceChecker.deadline(RULES.services().item("SBZX00041").promisedLimit(), on, RULES.calendar());
        assertEquals(Optional.empty(), transfer.date());
    }

    @Test
    void aCountIntoAYearWithoutCalendarIsAnErrorNamingTheYear() {
        ShebaoException e = assertThrows(ShebaoException.class, () -> RULES.services()
                .check("SBZX00015", Map.of("laid_off", "20", "staff", "100"), LocalDate.of(2026, 12, 20)));
        assertEquals(ErrorCode.PARAMETER_UNKNOWN, e.code());
        assertTrue(e.getMessage().contains("2027"), e.getMessage());
    }
}
