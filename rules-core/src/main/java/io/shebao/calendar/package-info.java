/**
 * 节假日安排与工作日: the State Council's holiday arrangements (days off and make-up working days, 调休) as dated
 * data, and working-day arithmetic on them, for deadlines counted in "N 个工作日" (the contribution certificate's
 * validity, the promised time limits of service items). One file per year, bundled under
 * {@code shebao/calendar/} and listed in the catalogue index; a parameter pack adds or replaces a year with a
 * file under its {@code calendar/} folder, so a new year needs no release. A date in a year no file covers is an
 * error naming the year, never a guess.
 */
package io.shebao.calendar;
