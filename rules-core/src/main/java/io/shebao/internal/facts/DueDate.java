package io.shebao.internal.facts;

import java.time.LocalDate;

/** 应缴截止: the last day the certificate's amounts may be paid without late fee or interest. */
public record DueDate(LocalDate date) {
    public LocalDate getDate() {
        return date;
    }
}
