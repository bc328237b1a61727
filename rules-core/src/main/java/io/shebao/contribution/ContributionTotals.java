package io.shebao.contribution;

import java.math.BigDecimal;
import java.util.Collection;

/** 合计: the month's totals for the employer (单位), the employee (个人) and both. */
public record ContributionTotals(BigDecimal employer, BigDecimal employee, BigDecimal total) {

    public static ContributionTotals of(Collection<ContributionLine> lines) {
        BigDecimal er = BigDecimal.ZERO.setScale(2);
        BigDecimal ee = BigDecimal.ZERO.setScale(2);
        for (ContributionLine l : lines) {
            er = er.add(l.employer());
            ee = ee.add(l.employee());
        }
        return new ContributionTotals(er, ee, er.add(ee));
    }
}
