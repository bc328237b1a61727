package io.shebao.certificate;

import io.shebao.ShebaoException;
import io.shebao.contribution.Insurance;
import io.shebao.contribution.UnitKind;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * 参保单位: the employer a certificate is issued to.
 *
 * @param code       单位编号
 * @param name       单位名称
 * @param region     统筹地区 code, e.g. {@code suizhou}
 * @param riskClass  行业风险类别 1–8 (needed when work injury applies)
 * @param floatGrade 浮动费率档次 in percent (100 = the class base rate)
 * @param kind       参保单位类型 (decides the 2020 employer exemption of back-paid 2020 months)
 * @param insurances the insurances the unit is insured for; empty = the region's default
 */
public record CertificateUnit(String code, String name, String region, Optional<Integer> riskClass,
                              BigDecimal floatGrade, UnitKind kind, Set<Insurance> insurances) {
    public CertificateUnit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(riskClass, "riskClass");
        Objects.requireNonNull(floatGrade, "floatGrade");
        Objects.requireNonNull(kind, "kind");
        insurances = insurances.isEmpty() ? Set.of() : Set.copyOf(new java.util.TreeSet<>(insurances));
        if (code.isBlank()) {
            throw ShebaoException.invalid("code", code, "单位编号: a non-empty unit code");
        }
        riskClass.ifPresent(c -> {
            if (c < 1 || c > 8) {
                throw ShebaoException.invalid("risk_class", c, "risk classes are 1 to 8 (一类…八类)");
            }
        });
        if (floatGrade.signum() <= 0) {
            throw ShebaoException.invalid("float_grade", floatGrade.toPlainString(), "a percentage > 0, e.g. 100");
        }
    }
}
