package io.shebao.services;

import io.shebao.trace.Message;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A completion date from a time limit and the application date.
 *
 * @param limit the time limit as the guide states it
 * @param date  the completion date; empty when the limit has none (无), or cannot be counted from the
 *              application date (a schedule, or a count from another event) — {@link #note()} says which
 * @param note  how the date was counted, or why there is none
 */
public record Deadline(TimeLimit limit, Optional<LocalDate> date, Message note) {
}
