package io.shebao.contribution;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * 缴费明细: one insurance's monthly contribution.
 *
 * @param base                 缴费基数: the contribution base
 * @param employerRate         单位费率 (for work injury: class base rate × reduction × float grade)
 * @param employeeRate         个人费率
 * @param employer             单位缴费, rounded as the rounding parameters say
 * @param employee             个人缴费, rounded, including any fixed amount
 * @param employeeFixed        a fixed monthly amount added to the employee's part (e.g. 大额医疗), else zero
 */
public record ContributionLine(Insurance insurance, BigDecimal base, BigDecimal employerRate,
                               BigDecimal employeeRate, BigDecimal employer, BigDecimal employee,
                               BigDecimal employeeFixed) {
    public ContributionLine {
        Objects.requireNonNull(insurance);
        Objects.requireNonNull(base);
        Objects.requireNonNull(employerRate);
        Objects.requireNonNull(employeeRate);
        Objects.requireNonNull(employer);
        Objects.requireNonNull(employee);
        Objects.requireNonNull(employeeFixed);
    }

    public BigDecimal total() {
        return employer.add(employee);
    }
}
