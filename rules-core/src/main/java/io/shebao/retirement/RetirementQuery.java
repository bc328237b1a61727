package io.shebao.retirement;

import io.shebao.ShebaoException;

import com.google.common.collect.Maps;
import com.google.common.collect.Sets;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The question "when may this person retire, and what are the options?".
 *
 * @param region              统筹地区 the question is asked for (the pension-receiving place), e.g. {@code wuhan}
 * @param sex                 性别
 * @param birthMonth          出生年月
 * @param category            原法定退休年龄类别
 * @param contributionMonths  累计缴费月数 so far, including deemed months (视同缴费年限), as of {@code asOf}
 * @param firstInsured        首次参保年月, needed for the back-payment rule of SBZX00038
 * @param specialWorkYears    years of each kind of special work (特殊工种) accumulated (YLC00001)
 * @param incapacityCertified 经鉴定完全丧失劳动能力 (YLC00002)
 * @param soeIdentity         国有、集体企业正式职工身份 (with deemed years) (YLC00001, YLC00002)
 * @param requested           a retirement month the person asks for (flexible early or deferred)
 * @param transferGrounds     documentary grounds of SBZX00041 the caller declares
 * @param asOf                the date of the question; contributions are counted up to it
 * @param idNumber            the resident ID the birth month and sex were read from, if one was given
 */
public record RetirementQuery(String region, Sex sex, YearMonth birthMonth, Category category,
                              int contributionMonths, Optional<YearMonth> firstInsured,
                              Map<SpecialWork, Integer> specialWorkYears, boolean incapacityCertified,
                              boolean soeIdentity, Optional<YearMonth> requested,
                              Set<TransferGround> transferGrounds, LocalDate asOf, Optional<String> idNumber) {
    public static final String DEFAULT_REGION = "wuhan";

    public RetirementQuery {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(firstInsured, "firstInsured");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(idNumber, "idNumber");
        if (sex == null) {
            throw ShebaoException.invalid("sex", "", "give the sex (" + Sex.allowedCodes() + ") or an ID number");
        }
        if (birthMonth == null) {
            throw ShebaoException.invalid("birth", "", "give the birth month YYYY-MM or an ID number");
        }
        if (category == null) {
            throw ShebaoException.invalid("category", "", "allowed: " + Category.allowedCodes());
        }
        io.shebao.internal.number.MonthText.check("birth", birthMonth); // year 0 is not a birth year (docs/LIMITS.md)
        YearMonth asOfMonth = YearMonth.from(asOf);
        if (birthMonth.isAfter(asOfMonth)) {
            throw ShebaoException.invalid("birth", birthMonth, "a birth month on or before the date of the question (as-of "
                    + asOf + ")");
        }
        if (category.sex() != sex) {
            throw ShebaoException.invalid("category", category.code(), "category " + category.code() + " is for a "
                    + category.sex().code() + " person but the sex is " + sex.code() + "; allowed for " + sex.code() + ": "
                    + String.join(", ", java.util.Arrays.stream(Category.values()).filter(c -> c.sex() == sex)
                    .map(Category::code).toList()));
        }
        if (contributionMonths < 0) {
            throw ShebaoException.invalid("contributionMonths", contributionMonths, "a number of months ≥ 0 (including deemed months)");
        }
        int ageMonths = (asOfMonth.getYear() - birthMonth.getYear()) * 12 + asOfMonth.getMonthValue() - birthMonth.getMonthValue();
        if (contributionMonths > ageMonths) {
            throw ShebaoException.invalid("contributionMonths", contributionMonths, "at most the person's age in months ("
                    + ageMonths + " as of " + asOf + ")");
        }
        firstInsured.ifPresent(f -> {
            if (f.isBefore(birthMonth) || f.isAfter(asOfMonth)) {
                throw ShebaoException.invalid("firstInsured", f, "a month between the birth month " + birthMonth
                        + " and the as-of month " + asOfMonth);
            }
        });
        requested.ifPresent(r -> {
            if (!r.isAfter(birthMonth)) {
                throw ShebaoException.invalid("requested", r, "a retirement month after the birth month " + birthMonth);
            }
        });
        EnumMap<SpecialWork, Integer> sw = new EnumMap<>(SpecialWork.class);
        for (Map.Entry<SpecialWork, Integer> e : specialWorkYears.entrySet()) {
            if (e.getValue() == null || e.getValue() < 0) {
                throw ShebaoException.invalid("specialWork", e.getKey().code() + ":" + e.getValue(),
                        "KIND:YEARS with whole years ≥ 0; kinds: " + SpecialWork.allowedCodes());
            }
            sw.put(e.getKey(), e.getValue());
        }
        specialWorkYears = Maps.immutableEnumMap(sw); // immutable, in the enum's order
        transferGrounds = Sets.immutableEnumSet(transferGrounds);
    }

    public static Builder builder() {
        return new Builder();
    }

    public YearMonth asOfMonth() {
        return YearMonth.from(asOf);
    }

    /** Builder; the region defaults to {@code wuhan}, the date of the question to today. */
    public static final class Builder {
        private String region = DEFAULT_REGION;
        private Sex sex;
        private YearMonth birthMonth;
        private Category category;
        private int contributionMonths;
        private YearMonth firstInsured;
        private final Map<SpecialWork, Integer> specialWork = new EnumMap<>(SpecialWork.class);
        private boolean incapacity;
        private boolean soe;
        private YearMonth requested;
        private final Set<TransferGround> grounds = EnumSet.noneOf(TransferGround.class);
        private LocalDate asOf;
        private String idNumber;

        private Builder() {
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder sex(Sex sex) {
            this.sex = sex;
            return this;
        }

        public Builder birthMonth(YearMonth birthMonth) {
            this.birthMonth = birthMonth;
            return this;
        }

        /**
         * Reads birth month and sex from a resident ID number (verifying its check digit). When sex or birth month
         * are also given they must agree with the number.
         */
        public Builder idNumber(String idNumber) {
            this.idNumber = idNumber;
            return this;
        }

        public Builder category(Category category) {
            this.category = category;
            return this;
        }

        public Builder contributionMonths(int months) {
            this.contributionMonths = months;
            return this;
        }

        public Builder firstInsured(YearMonth month) {
            this.firstInsured = month;
            return this;
        }

        public Builder specialWork(SpecialWork kind, int years) {
            this.specialWork.put(kind, years);
            return this;
        }

        public Builder incapacityCertified(boolean certified) {
            this.incapacity = certified;
            return this;
        }

        public Builder soeIdentity(boolean soe) {
            this.soe = soe;
            return this;
        }

        public Builder requested(YearMonth month) {
            this.requested = month;
            return this;
        }

        public Builder transferGrounds(Collection<TransferGround> grounds) {
            this.grounds.clear();
            this.grounds.addAll(grounds);
            return this;
        }

        public Builder asOf(LocalDate asOf) {
            this.asOf = asOf;
            return this;
        }

        public RetirementQuery build() {
            Sex s = sex;
            YearMonth b = birthMonth;
            if (idNumber != null) {
                ResidentId id = ResidentId.parse(idNumber);
                if (s != null && s != id.sex()) {
                    throw ShebaoException.invalid("sex", s.code(), "the ID number " + id.masked() + " is of a "
                            + id.sex().code() + " person (17th digit); give --sex " + id.sex().code() + " or leave it out");
                }
                if (b != null && !b.equals(id.birthMonth())) {
                    throw ShebaoException.invalid("birth", b, "the ID number " + id.masked() + " gives birth month "
                            + id.birthMonth() + "; give that month or leave it out");
                }
                s = id.sex();
                b = id.birthMonth();
            }
            Category c = category;
            if (c == null && s == Sex.MALE) {
                c = Category.MALE;
            }
            return new RetirementQuery(region, s, b, c, contributionMonths, Optional.ofNullable(firstInsured),
                    specialWork, incapacity, soe, Optional.ofNullable(requested), grounds,
                    asOf == null ? LocalDate.now() : asOf, Optional.ofNullable(idNumber).map(String::trim));
        }
    }
}
