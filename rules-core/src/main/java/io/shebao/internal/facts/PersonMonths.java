package io.shebao.internal.facts;

import java.time.YearMonth;

/**
 * One roster person's months as the certificate rules see them, at month resolution (a person employed on any
 * day of a month is employed that month).
 *
 * @param period        费款所属期: the declaration month of the certificate
 * @param startMonth    本次参工时间's month
 * @param stopMonth     停保时间's month, or null
 * @param paidThrough   the last month already paid for this person, or null for none
 * @param paidElsewhere 已在原单位缴费: the start month was paid by the previous employer (FAQ 19)
 * @param notBillable   不可做账 reason code ({@code retired}, {@code prison}, {@code exempt}), or ""
 */
public record PersonMonths(YearMonth period, YearMonth startMonth, YearMonth stopMonth, YearMonth paidThrough,
                           boolean paidElsewhere, String notBillable) {
    /** Employed on at least one day of the month. */
    public boolean employedIn(YearMonth m) {
        return !startMonth.isAfter(m) && (stopMonth == null || !stopMonth.isBefore(m));
    }

    /** Already paid for the month. */
    public boolean paidFor(YearMonth m) {
        return paidThrough != null && !paidThrough.isBefore(m);
    }

    /** The first month neither paid nor before the start. */
    public YearMonth firstUnpaid() {
        return paidThrough == null || paidThrough.isBefore(startMonth) ? startMonth : paidThrough.plusMonths(1);
    }

    /** The last month before the declaration month in which the person was employed. */
    public YearMonth lastBackMonth() {
        YearMonth before = period.minusMonths(1);
        return stopMonth != null && stopMonth.isBefore(before) ? stopMonth : before;
    }

    public boolean billable() {
        return notBillable.isEmpty();
    }

    // getters for the DRL (records' accessors are not JavaBean getters)
    public YearMonth getPeriod() {
        return period;
    }

    public YearMonth getStartMonth() {
        return startMonth;
    }

    public YearMonth getStopMonth() {
        return stopMonth;
    }

    public YearMonth getPaidThrough() {
        return paidThrough;
    }

    public boolean isPaidElsewhere() {
        return paidElsewhere;
    }

    public String getNotBillable() {
        return notBillable;
    }
}
