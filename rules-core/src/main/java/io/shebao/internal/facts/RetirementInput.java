package io.shebao.internal.facts;

import java.time.YearMonth;
import java.util.Map;
import java.util.Set;

/**
 * The retirement query as the rules see it. Codes are the CLI codes ({@code male}, {@code female-cadre},
 * {@code heights}…). Null firstInsured or requested means "not given". The small date helpers do month
 * arithmetic only; every policy number comes from a {@link Param}.
 */
public final class RetirementInput {
    private final String region;
    private final String sex;
    private final String category;
    private final YearMonth birthMonth;
    private final int contributionMonths;
    private final YearMonth firstInsured;
    private final Map<String, Integer> specialWorkYears;
    private final boolean incapacityCertified;
    private final boolean soeIdentity;
    private final YearMonth requested;
    private final Set<String> transferGrounds;
    private final YearMonth asOfMonth;

    public RetirementInput(String region, String sex, String category, YearMonth birthMonth, int contributionMonths,
                           YearMonth firstInsured, Map<String, Integer> specialWorkYears, boolean incapacityCertified,
                           boolean soeIdentity, YearMonth requested, Set<String> transferGrounds, YearMonth asOfMonth) {
        this.region = region;
        this.sex = sex;
        this.category = category;
        this.birthMonth = birthMonth;
        this.contributionMonths = contributionMonths;
        this.firstInsured = firstInsured;
        this.specialWorkYears = Map.copyOf(specialWorkYears);
        this.incapacityCertified = incapacityCertified;
        this.soeIdentity = soeIdentity;
        this.requested = requested;
        this.transferGrounds = Set.copyOf(transferGrounds);
        this.asOfMonth = asOfMonth;
    }

    /** Whole months from {@code a} to {@code b} (negative when b is before a). */
    public static int monthsBetween(YearMonth a, YearMonth b) {
        return (b.getYear() - a.getYear()) * 12 + b.getMonthValue() - a.getMonthValue();
    }

    public String getRegion() {
        return region;
    }

    public String getSex() {
        return sex;
    }

    public String getCategory() {
        return category;
    }

    public YearMonth getBirthMonth() {
        return birthMonth;
    }

    public int getContributionMonths() {
        return contributionMonths;
    }

    public YearMonth getFirstInsured() {
        return firstInsured;
    }

    public boolean isFirstInsuredKnown() {
        return firstInsured != null;
    }

    /** True when first insured before the given month (e.g. the month the Social Insurance Law took effect). */
    public boolean insuredBefore(YearMonth month) {
        return firstInsured != null && firstInsured.isBefore(month);
    }

    public Map<String, Integer> getSpecialWorkYears() {
        return specialWorkYears;
    }

    /** Years of the given kind of special work (0 when none was given). */
    public int specialWorkYears(String kind) {
        return specialWorkYears.getOrDefault(kind, 0);
    }

    /** True when some kind's years reach the years its parameter requires (a list of {@link Param}s keyed by kind). */
    public boolean meetsAnySpecialWork(java.util.List<?> minYears) {
        for (Object o : minYears) {
            Param p = (Param) o;
            if (specialWorkYears(p.getKey()) >= p.getInteger()) {
                return true;
            }
        }
        return false;
    }

    public boolean isSpecialWorkGiven() {
        return !specialWorkYears.isEmpty();
    }

    public boolean isIncapacityCertified() {
        return incapacityCertified;
    }

    public boolean isSoeIdentity() {
        return soeIdentity;
    }

    public YearMonth getRequested() {
        return requested;
    }

    public boolean isRequestGiven() {
        return requested != null;
    }

    public boolean declared(String ground) {
        return transferGrounds.contains(ground);
    }

    public YearMonth getAsOfMonth() {
        return asOfMonth;
    }

    /**
     * 延长缴费起始月: extended contributions start at the statutory month, or at the month of the question when
     * that month is already past (contributions cannot be made for months gone by).
     */
    public YearMonth extensionStart(YearMonth statutoryMonth) {
        return statutoryMonth.isBefore(asOfMonth) ? asOfMonth : statutoryMonth;
    }

    /** Age in whole months at the as-of month. */
    public int getAgeMonthsAtAsOf() {
        return monthsBetween(birthMonth, asOfMonth);
    }

    /** The month the person reaches the given age in months. */
    public YearMonth monthAtAge(int ageMonths) {
        return birthMonth.plusMonths(ageMonths);
    }

    /** Months the birth month is after {@code start} (negative when born before it). */
    public int bornMonthsAfter(YearMonth start) {
        return monthsBetween(start, birthMonth);
    }

    /**
     * Contribution months counted at month {@code m}, assuming contributions continue every month from the
     * as-of month on: the months given plus the months from the as-of month to {@code m} (none when m is not
     * after the as-of month).
     */
    public int projectedMonthsAt(YearMonth m) {
        return contributionMonths + Math.max(0, monthsBetween(asOfMonth, m));
    }

    /** The first month in [from, to] at which the projected months reach the schedule's minimum, or null. */
    public YearMonth firstMonthMeeting(MinimumSchedule schedule, YearMonth from, YearMonth to) {
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            if (projectedMonthsAt(m) >= schedule.monthsFor(m)) {
                return m;
            }
        }
        return null;
    }
}
