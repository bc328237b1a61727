package io.shebao.internal.facts;

import io.shebao.certificate.MonthKind;
import io.shebao.contribution.Insurance;

import java.math.BigDecimal;
import java.time.YearMonth;

/** 应缴金额: what the certificate charges for one insurance and one month (current or back payment), all persons. */
public record AmountDue(Insurance insurance, MonthKind kind, YearMonth month, BigDecimal employer, BigDecimal employee) {
    public BigDecimal total() {
        return employer.add(employee);
    }

    public Insurance getInsurance() {
        return insurance;
    }

    public YearMonth getMonth() {
        return month;
    }

    public MonthKind getKind() {
        return kind;
    }

    public BigDecimal getTotal() {
        return total();
    }
}
