package io.shebao.internal.facts;

import java.time.LocalDate;

/** 缴费截止日期: the last day the certificate is valid; after it the certificate is void (过期作废). */
public record Deadline(LocalDate date) {
    public LocalDate getDate() {
        return date;
    }
}
