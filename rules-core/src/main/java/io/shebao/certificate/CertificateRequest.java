package io.shebao.certificate;

import io.shebao.ShebaoException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The question "what does this unit owe on this month's certificate?".
 *
 * @param period            费款所属期 / 做账期号: the declaration month
 * @param issuedOn          经办日期: the day the certificate is generated (not before the declaration month)
 * @param payOn             the day it will be paid, for late fee and interest; empty = the issue date
 * @param interestRate      a daily interest rate (利息) chosen by the caller, possibly an explicit zero; empty =
 *                          the parameters' rate, and an error when interest is due and none is known
 * @param allowCarryForward passed on to every person-month contribution
 * @param skipInvalid       issue the certificate for the valid rows when some are in error (marked partial)
 * @param roster            the staff, for {@code rules.certificate(request)}; the streaming API takes them apart
 */
public record CertificateRequest(CertificateUnit unit, YearMonth period, LocalDate issuedOn, Optional<LocalDate> payOn,
                                 Optional<BigDecimal> interestRate, boolean allowCarryForward, boolean skipInvalid,
                                 List<RosterEntry> roster) {
    public CertificateRequest {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(payOn, "payOn");
        Objects.requireNonNull(interestRate, "interestRate");
        roster = List.copyOf(roster);
        if (issuedOn.isBefore(period.atDay(1))) {
            throw ShebaoException.invalid("issuedOn", issuedOn,
                    "a certificate is issued in or after its declaration month " + period + " (当月只能申报当月)");
        }
        payOn.ifPresent(p -> {
            if (p.isBefore(issuedOn)) {
                throw ShebaoException.invalid("payOn", p, "a payment date on or after the issue date " + issuedOn);
            }
        });
        interestRate.ifPresent(r -> {
            if (r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0) {
                throw ShebaoException.invalid("interestRate", r.toPlainString(), "a daily rate between 0 and 1, e.g. 0.0001 or 0");
            }
        });
    }

    /** The payment date: as given, or the issue date. */
    public LocalDate paymentDate() {
        return payOn.orElse(issuedOn);
    }

    public static Builder builder(CertificateUnit unit, YearMonth period, LocalDate issuedOn) {
        return new Builder(unit, period, issuedOn);
    }

    public CertificateRequest withRoster(List<RosterEntry> r) {
        return new CertificateRequest(unit, period, issuedOn, payOn, interestRate, allowCarryForward, skipInvalid, r);
    }

    public static final class Builder {
        private final CertificateUnit unit;
        private final YearMonth period;
        private final LocalDate issuedOn;
        private LocalDate payOn;
        private BigDecimal interestRate;
        private boolean allowCarryForward;
        private boolean skipInvalid;
        private List<RosterEntry> roster = List.of();

        private Builder(CertificateUnit unit, YearMonth period, LocalDate issuedOn) {
            this.unit = unit;
            this.period = period;
            this.issuedOn = issuedOn;
        }

        public Builder payOn(LocalDate d) {
            this.payOn = d;
            return this;
        }

        public Builder interestRate(BigDecimal r) {
            this.interestRate = r;
            return this;
        }

        public Builder allowCarryForward(boolean b) {
            this.allowCarryForward = b;
            return this;
        }

        public Builder skipInvalid(boolean b) {
            this.skipInvalid = b;
            return this;
        }

        public Builder roster(List<RosterEntry> r) {
            this.roster = r;
            return this;
        }

        public CertificateRequest build() {
            return new CertificateRequest(unit, period, issuedOn, Optional.ofNullable(payOn), Optional.ofNullable(interestRate),
                    allowCarryForward, skipInvalid, roster);
        }
    }
}
