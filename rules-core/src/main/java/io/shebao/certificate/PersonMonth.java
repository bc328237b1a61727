package io.shebao.certificate;

import io.shebao.contribution.ContributionLine;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * One month of one person that the certificate charges or refunds, with the contribution lines the contribution
 * rules computed for that month (at that month's parameters).
 */
public record PersonMonth(YearMonth month, MonthKind kind, ChargeScope scope, List<ContributionLine> lines,
                          BigDecimal employer, BigDecimal employee, String ruleId) {
    public PersonMonth {
        lines = List.copyOf(lines);
    }

    public BigDecimal total() {
        return employer.add(employee);
    }
}
