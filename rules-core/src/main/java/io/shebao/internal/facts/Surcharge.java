package io.shebao.internal.facts;

import io.shebao.contribution.Insurance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * 滞纳金 or 利息 on one {@link AmountDue}: the rule's amount, rate and the days counted.
 *
 * @param kind {@code LATE_FEE} or {@code INTEREST}
 */
public record Surcharge(String kind, Insurance insurance, YearMonth month, BigDecimal amount, BigDecimal dailyRate,
                        LocalDate from, long days) {
    public static final String LATE_FEE = "LATE_FEE";
    public static final String INTEREST = "INTEREST";
}
