package io.shebao.whatif;

import io.shebao.contribution.ContributionLine;
import io.shebao.contribution.Insurance;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * 缴费合计: the sum over a population of one side of a comparison (the baseline, the scenario, or their
 * difference), for the employer (单位) and the employee (个人), in total and per insurance.
 */
public record SideTotals(BigDecimal employer, BigDecimal employee, Map<Insurance, Amounts> byInsurance) {
    /** One insurance's employer and employee amounts. */
    public record Amounts(BigDecimal employer, BigDecimal employee) {
        public static final Amounts ZERO = new Amounts(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));

        public BigDecimal total() {
            return employer.add(employee);
        }

        Amounts plus(BigDecimal er, BigDecimal ee) {
            return new Amounts(employer.add(er), employee.add(ee));
        }
    }

    public SideTotals {
        byInsurance = Collections.unmodifiableMap(new java.util.TreeMap<>(byInsurance.isEmpty()
                ? new java.util.TreeMap<Insurance, Amounts>() : byInsurance));
    }

    public static SideTotals zero() {
        return new SideTotals(Amounts.ZERO.employer(), Amounts.ZERO.employee(), Map.of());
    }

    public BigDecimal total() {
        return employer.add(employee);
    }

    public Amounts of(Insurance i) {
        return byInsurance.getOrDefault(i, Amounts.ZERO);
    }

    /** These totals plus the lines of one result. */
    public SideTotals plusLines(Iterable<ContributionLine> lines) {
        return plus(lines);
    }

    SideTotals plus(Iterable<ContributionLine> lines) {
        Map<Insurance, Amounts> m = new java.util.TreeMap<>();
        m.putAll(byInsurance);
        BigDecimal er = employer;
        BigDecimal ee = employee;
        for (ContributionLine l : lines) {
            m.put(l.insurance(), m.getOrDefault(l.insurance(), Amounts.ZERO).plus(l.employer(), l.employee()));
            er = er.add(l.employer());
            ee = ee.add(l.employee());
        }
        return new SideTotals(er, ee, m);
    }

    /** this − other, per side and insurance (an insurance in either side appears). */
    public SideTotals minus(SideTotals other) {
        Map<Insurance, Amounts> m = new java.util.TreeMap<>();
        for (Insurance i : Insurance.values()) {
            if (byInsurance.containsKey(i) || other.byInsurance.containsKey(i)) {
                Amounts a = of(i);
                Amounts b = other.of(i);
                m.put(i, new Amounts(a.employer().subtract(b.employer()), a.employee().subtract(b.employee())));
            }
        }
        return new SideTotals(employer.subtract(other.employer), employee.subtract(other.employee), m);
    }
}
