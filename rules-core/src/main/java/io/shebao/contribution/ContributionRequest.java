package io.shebao.contribution;

import io.shebao.ShebaoException;
import io.shebao.internal.number.DecimalBounds;
import io.shebao.internal.number.MonthText;
import io.shebao.retirement.Sex;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The question "how much is owed for this employee for this month?".
 *
 * @param region            统筹地区 code, e.g. {@code yichang}
 * @param period            费款所属期: the month the contribution is for
 * @param wage              申报缴费工资: the declared monthly wage, clamped to the floor and ceiling
 * @param base              缴费基数 supplied directly: used as given (exactly one of wage and base)
 * @param riskClass         行业风险类别 1–8 of the employer, needed when work injury applies
 * @param floatGrade        浮动费率档次 in percent (100 = the class base rate)
 * @param insurances        the insurances to compute; empty = all that the region's parameters define
 * @param allowCarryForward carry the last known value of a parameter forward when the period has none,
 *                          with a warning in the result; otherwise such a period is an error
 * @param unitKind          参保单位类型 of the employer; needed only for a period in which an exemption of the
 *                          employer's share depends on it (2020-02…2020-12), an error there when absent
 * @param contributor       企业职工 (default) or 灵活就业人员; a flexible worker gives a base, never a wage
 * @param birthMonth        出生年月, for a flexible worker's enrolment-age check (optional: unchecked without it)
 * @param sex               性别, with the birth month for the enrolment-age check
 */
public record ContributionRequest(String region, YearMonth period, Optional<BigDecimal> wage,
                                  Optional<BigDecimal> base, Optional<Integer> riskClass, BigDecimal floatGrade,
                                  Set<Insurance> insurances, boolean allowCarryForward,
                                  Optional<UnitKind> unitKind, Contributor contributor,
                                  Optional<YearMonth> birthMonth, Optional<Sex> sex) {
    public static final BigDecimal DEFAULT_FLOAT_GRADE = new BigDecimal("100");

    /** An employee's request with a unit kind. */
    public ContributionRequest(String region, YearMonth period, Optional<BigDecimal> wage, Optional<BigDecimal> base,
                               Optional<Integer> riskClass, BigDecimal floatGrade, Set<Insurance> insurances,
                               boolean allowCarryForward, Optional<UnitKind> unitKind) {
        this(region, period, wage, base, riskClass, floatGrade, insurances, allowCarryForward, unitKind,
                Contributor.EMPLOYEE, Optional.empty(), Optional.empty());
    }

    /** A request without a unit kind (the form before unit kinds existed). */
    public ContributionRequest(String region, YearMonth period, Optional<BigDecimal> wage, Optional<BigDecimal> base,
                               Optional<Integer> riskClass, BigDecimal floatGrade, Set<Insurance> insurances,
                               boolean allowCarryForward) {
        this(region, period, wage, base, riskClass, floatGrade, insurances, allowCarryForward, Optional.empty(),
                Contributor.EMPLOYEE, Optional.empty(), Optional.empty());
    }

    public ContributionRequest {
        Objects.requireNonNull(unitKind, "unitKind");
        Objects.requireNonNull(contributor, "contributor");
        Objects.requireNonNull(birthMonth, "birthMonth");
        Objects.requireNonNull(sex, "sex");
        if (contributor == Contributor.FLEXIBLE && wage.isPresent()) {
            throw ShebaoException.invalid("wage", wage.get().toPlainString(),
                    "a flexible worker (灵活就业人员) chooses a base between the year's floor and ceiling: give base, not wage");
        }
        if (birthMonth.isPresent() != sex.isPresent()) {
            throw ShebaoException.invalid(birthMonth.isPresent() ? "sex" : "birth", "",
                    "give both birth (YYYY-MM) and sex (male, female) for the enrolment-age check, or neither");
        }
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(wage, "wage");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(riskClass, "riskClass");
        Objects.requireNonNull(floatGrade, "floatGrade");
        insurances = unmodifiable(insurances);
        if (wage.isPresent() == base.isPresent()) {
            throw ShebaoException.invalid("wage", wage.map(BigDecimal::toPlainString).orElse(""),
                    "give exactly one of wage (declared monthly wage) and base (contribution base)");
        }
        // bounded before any arithmetic, whichever way the request came (option, file, record, API)
        wage.ifPresent(w -> DecimalBounds.AMOUNT.check("wage", w));
        base.ifPresent(b -> DecimalBounds.AMOUNT.check("base", b));
        MonthText.check("period", period);
        riskClass.ifPresent(c -> {
            if (c < 1 || c > 8) {
                throw ShebaoException.invalid("riskClass", c, "risk classes are 1 to 8 (一类…八类)");
            }
        });
        DecimalBounds.PERCENT.check("floatGrade", floatGrade);
    }

    /**
     * The request's insurances: one per catalogue index (the {@code TreeSet} keeps the first of two that compare
     * equal), unmodifiable. A set that is already an unmodifiable {@code Set.of}/{@code Set.copyOf} set of distinct
     * indexes is kept as it is (a batch row's list is one shared by the rows that wrote it: issue 13, it was copied
     * twice per row); any other set is copied as before. Either way the same elements.
     */
    static Set<Insurance> unmodifiable(Set<Insurance> insurances) {
        if (insurances.isEmpty()) {
            return Set.of();
        }
        if (distinctIndexes(insurances)) {
            return Set.copyOf(insurances); // the set itself when it is already unmodifiable, else a copy
        }
        return Set.copyOf(new java.util.TreeSet<>(insurances));
    }

    /** True when no two insurances of the set share a catalogue index (below 64; false otherwise). */
    private static boolean distinctIndexes(Set<Insurance> insurances) {
        long seen = 0;
        for (Insurance i : insurances) {
            int x = i.index(); // a null element throws here, as the TreeSet would
            if (x >= 64 || (seen & 1L << x) != 0) {
                return false;
            }
            seen |= 1L << x;
        }
        return true;
    }

    public static Builder builder(String region, YearMonth period) {
        return new Builder(region, period);
    }

    /** Builder with the defaults: float grade 100%, all insurances, no carry-forward. */
    public static final class Builder {
        private final String region;
        private final YearMonth period;
        private BigDecimal wage;
        private BigDecimal base;
        private Integer riskClass;
        private BigDecimal floatGrade = DEFAULT_FLOAT_GRADE;
        private final Set<Insurance> insurances = new java.util.TreeSet<Insurance>();
        private boolean allowCarryForward;
        private UnitKind unitKind;
        private Contributor contributor = Contributor.EMPLOYEE;
        private YearMonth birthMonth;
        private Sex sex;

        private Builder(String region, YearMonth period) {
            this.region = region;
            this.period = period;
        }

        public Builder wage(BigDecimal wage) {
            this.wage = wage;
            return this;
        }

        public Builder wage(String wage) {
            return wage(new BigDecimal(wage));
        }

        public Builder base(BigDecimal base) {
            this.base = base;
            return this;
        }

        public Builder base(String base) {
            return base(new BigDecimal(base));
        }

        public Builder riskClass(int riskClass) {
            this.riskClass = riskClass;
            return this;
        }

        public Builder floatGrade(BigDecimal percent) {
            this.floatGrade = percent;
            return this;
        }

        public Builder insurances(Collection<Insurance> insurances) {
            this.insurances.clear();
            this.insurances.addAll(insurances);
            return this;
        }

        public Builder insurances(Insurance... insurances) {
            return insurances(Set.of(insurances));
        }

        public Builder allowCarryForward(boolean allow) {
            this.allowCarryForward = allow;
            return this;
        }

        /** 参保单位类型 of the employer (optional; null = not given). */
        public Builder unitKind(UnitKind unitKind) {
            this.unitKind = unitKind;
            return this;
        }

        /** 参保人员类别 (default: employee). */
        public Builder contributor(Contributor contributor) {
            this.contributor = contributor;
            return this;
        }

        /** 出生年月 and 性别 (a flexible worker's enrolment-age check). */
        public Builder person(YearMonth birthMonth, Sex sex) {
            this.birthMonth = birthMonth;
            this.sex = sex;
            return this;
        }

        public ContributionRequest build() {
            return new ContributionRequest(region, period, Optional.ofNullable(wage), Optional.ofNullable(base),
                    Optional.ofNullable(riskClass), floatGrade, insurances, allowCarryForward,
                    Optional.ofNullable(unitKind), contributor, Optional.ofNullable(birthMonth), Optional.ofNullable(sex));
        }
    }
}
