package io.shebao.certificate;

import io.shebao.ShebaoException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * 参保人员: one person of the unit's roster.
 *
 * @param row           the roster row (1 = first record after the header), for the error and details files
 * @param wage          申报缴费工资 (clamped to the month's limits), or
 * @param base          缴费基数 used as given (exactly one of the two)
 * @param start         本次参工时间
 * @param stop          停保时间, if the person left
 * @param paidThrough   the last month already paid for this person
 * @param paidElsewhere 当月已在原单位缴费 (FAQ 19), for the month of the start date
 * @param notBillable   不可做账 reason: {@code retired}, {@code prison}, {@code exempt} (FAQ 11), or empty
 */
public record RosterEntry(long row, String id, String name, Optional<BigDecimal> wage, Optional<BigDecimal> base,
                          LocalDate start, Optional<LocalDate> stop, Optional<YearMonth> paidThrough,
                          boolean paidElsewhere, String notBillable) {
    /** The 不可做账 reason codes. */
    public static final Set<String> NOT_BILLABLE = Set.of("retired", "prison", "exempt");

    public RosterEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(notBillable, "notBillable");
        if (wage.isPresent() == base.isPresent()) {
            throw ShebaoException.invalid("wage", "", "give exactly one of wage (declared wage) and base");
        }
        stop.ifPresent(s -> {
            if (s.isBefore(start)) {
                throw ShebaoException.invalid("stop", s, "a stop date on or after the start date " + start);
            }
        });
        if (!notBillable.isEmpty() && !NOT_BILLABLE.contains(notBillable)) {
            throw ShebaoException.invalid("not_billable", notBillable, "empty or one of retired, prison, exempt");
        }
    }

    /** A person with a declared wage and a start date, nothing else. */
    public static RosterEntry withWage(long row, String id, String wage, LocalDate start) {
        return new RosterEntry(row, id, "", Optional.of(new BigDecimal(wage)), Optional.empty(), start, Optional.empty(),
                Optional.empty(), false, "");
    }

    public RosterEntry withStop(LocalDate s) {
        return new RosterEntry(row, id, name, wage, base, start, Optional.of(s), paidThrough, paidElsewhere, notBillable);
    }

    public RosterEntry withPaidThrough(YearMonth m) {
        return new RosterEntry(row, id, name, wage, base, start, stop, Optional.of(m), paidElsewhere, notBillable);
    }

    public RosterEntry withPaidElsewhere(boolean b) {
        return new RosterEntry(row, id, name, wage, base, start, stop, paidThrough, b, notBillable);
    }

    public RosterEntry withNotBillable(String reason) {
        return new RosterEntry(row, id, name, wage, base, start, stop, paidThrough, paidElsewhere, reason);
    }
}
