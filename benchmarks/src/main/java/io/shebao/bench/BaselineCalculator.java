package io.shebao.bench;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.batch.PlannedContribution;
import io.shebao.contribution.BaseAdjustment;
import io.shebao.contribution.ContributionLine;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionTotals;
import io.shebao.contribution.Insurance;
import io.shebao.parameter.ParameterSet;
import io.shebao.parameter.ParameterValue;
import io.shebao.parameter.Resolution;
import io.shebao.trace.Trace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The practical limit: the same contributions written by hand in plain Java, reading the same parameter
 * values through {@link ParameterSet}, no rule engine, no trace, no carry-forward. Used only to measure how
 * far the rules are from it; its amounts are checked equal to the rules' before any time is reported.
 */
public final class BaselineCalculator implements Function<ContributionRequest, PlannedContribution> {
    private static final Trace NO_TRACE = new Trace(List.of(), List.of());
    private final ParameterSet parameters;
    private final Map<String, Set<Insurance>> defaults = new ConcurrentHashMap<>();

    public BaselineCalculator(ParameterSet parameters) {
        this.parameters = parameters;
    }

    @Override
    public PlannedContribution apply(ContributionRequest r) {
        String region = parameters.regions().require("region", r.region()).code();
        Set<Insurance> applicable = r.insurances().isEmpty() ? defaults.computeIfAbsent(region + "|" + r.period(), k -> defaults(region, r.period())) : r.insurances();
        if (applicable.stream().anyMatch(Insurance::riskClassRequired) && r.riskClass().isEmpty()) {
            throw ShebaoException.invalid("riskClass", "", "work injury applies: give the risk class");
        }
        int scale = Integer.parseInt(value(r, "contribution.rounding.scale", "").raw());
        RoundingMode mode = RoundingMode.valueOf(value(r, "contribution.rounding.mode", "").raw());
        BigDecimal base;
        BaseAdjustment adjustment;
        if (r.base().isPresent()) {
            base = r.base().get();
            adjustment = BaseAdjustment.SUPPLIED;
        } else {
            BigDecimal wage = r.wage().orElseThrow();
            BigDecimal floor = decimal(r, "contribution_base.floor", "");
            BigDecimal ceiling = decimal(r, "contribution_base.ceiling", "");
            if (wage.compareTo(floor) < 0) {
                base = floor;
                adjustment = BaseAdjustment.RAISED_TO_FLOOR;
            } else if (wage.compareTo(ceiling) > 0) {
                base = ceiling;
                adjustment = BaseAdjustment.LOWERED_TO_CEILING;
            } else {
                base = wage;
                adjustment = BaseAdjustment.WITHIN_LIMITS;
            }
        }
        BigDecimal zero = BigDecimal.ZERO.setScale(scale, mode);
        List<ContributionLine> lines = new ArrayList<>(applicable.size());
        for (Insurance i : new java.util.TreeSet<>(applicable)) {
            switch (i.code()) {
                case "work_injury" -> {
                    String key = String.valueOf(r.riskClass().get());
                    BigDecimal factor = r.floatGrade().movePointLeft(2);
                    BigDecimal classRate = decimal(r, "work_injury.base_rate", key);
                    BigDecimal reduction = decimal(r, "work_injury.reduction_factor", "");
                    List<BigDecimal> grades = value(r, "work_injury.float_grades", key).decimals();
                    if (grades.stream().noneMatch(g -> g.compareTo(factor) == 0)) {
                        throw ShebaoException.invalid("floatGrade", r.floatGrade().toPlainString(), "a grade allowed for the class");
                    }
                    BigDecimal rate = classRate.multiply(reduction).multiply(factor).stripTrailingZeros();
                    lines.add(new ContributionLine(i, base, rate, BigDecimal.ZERO,
                            base.multiply(rate).setScale(scale, mode), zero, zero));
                }
                case "long_term_care" -> {
                    BigDecimal er = decimal(r, "long_term_care.employer_fixed", "").setScale(scale, mode);
                    BigDecimal ee = decimal(r, "long_term_care.employee_fixed", "").setScale(scale, mode);
                    lines.add(new ContributionLine(i, base, BigDecimal.ZERO, BigDecimal.ZERO, er, ee, ee));
                }
                case "medical" -> {
                    BigDecimal er = decimal(r, "medical.employer_rate", "");
                    BigDecimal ee = decimal(r, "medical.employee_rate", "");
                    // as C-MED-01/03/04: the employee's fixed amount when known (else none, with a warning in
                    // the rules), the employer's when the region has one
                    BigDecimal fixed = optional(r, "medical.employee_fixed").setScale(scale, mode);
                    BigDecimal erFixed = optional(r, "medical.employer_fixed").setScale(scale, mode);
                    lines.add(new ContributionLine(i, base, er, ee, base.multiply(er).setScale(scale, mode).add(erFixed),
                            base.multiply(ee).setScale(scale, mode).add(fixed), fixed));
                }
                default -> {
                    BigDecimal er = decimal(r, i.code() + ".employer_rate", "");
                    BigDecimal ee = decimal(r, i.code() + ".employee_rate", "");
                    lines.add(new ContributionLine(i, base, er, ee, base.multiply(er).setScale(scale, mode),
                            base.multiply(ee).setScale(scale, mode), zero));
                }
            }
        }
        return new PlannedContribution(r, lines, ContributionTotals.of(lines), adjustment, List.of(), NO_TRACE);
    }

    private Set<Insurance> defaults(String region, java.time.YearMonth period) {
        Set<Insurance> out = new java.util.TreeSet<Insurance>();
        for (Insurance i : Insurance.values()) {
            if (parameters.definesAnywhere(i.definingParameter(), region) && parameters.cityFirstFrom(i.definingParameter(),
                    region).filter(first -> first.isAfter(period.atEndOfMonth())).isEmpty()) {
                out.add(i);
            }
        }
        return out;
    }

    private BigDecimal optional(ContributionRequest r, String id) {
        return parameters.resolve(id, "", r.region(), r.period()) instanceof Resolution.Known k ? k.value().decimal()
                : BigDecimal.ZERO;
    }

    private BigDecimal decimal(ContributionRequest r, String id, String key) {
        return value(r, id, key).decimal();
    }

    private ParameterValue value(ContributionRequest r, String id, String key) {
        Resolution res = parameters.resolve(id, key, r.region(), r.period());
        if (res instanceof Resolution.Known k) {
            return k.value();
        }
        throw new ShebaoException(ErrorCode.PARAMETER_UNKNOWN, id, r.period().toString(),
                "no value of " + id + " for " + r.region() + " in " + r.period());
    }
}
