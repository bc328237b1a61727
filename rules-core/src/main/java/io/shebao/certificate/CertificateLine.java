package io.shebao.certificate;

import io.shebao.contribution.Insurance;

import java.math.BigDecimal;

/**
 * One insurance's row of the certificate (险种 / 单位缴纳金额 / 个人缴纳金额 / 利息 / 滞纳金 / 应缴合计).
 *
 * @param total 应缴合计 = employer + employee + interest + late fee
 */
public record CertificateLine(Insurance insurance, BigDecimal employer, BigDecimal employee, BigDecimal interest,
                              BigDecimal lateFee, BigDecimal total) {
}
