package io.shebao.audit;

import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.contribution.Insurance;
import io.shebao.region.Region;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Varied contribution requests the bundled parameters can answer: every region, wages below, within and
 * above the limits, supplied bases, all risk classes and float grades, subsets of insurances,
 * carry-forward past the known periods. Seeded, so the same list every run.
 */
final class VariedRequests {
    private VariedRequests() {
    }

    static List<ContributionResult> evaluate(ShebaoRules rules, int count, long seed) {
        Random rnd = new Random(seed);
        List<String> regions = rules.regions().all().stream().map(Region::code).toList();
        List<ContributionResult> out = new ArrayList<>();
        int tries = 0;
        while (out.size() < count) {
            if (++tries > count * 50) {
                throw new IllegalStateException("too few answerable requests: " + out.size());
            }
            String region = rnd.nextInt(4) == 0 ? "yichang" : regions.get(rnd.nextInt(regions.size()));
            YearMonth period = switch (rnd.nextInt(4)) {
                case 0 -> YearMonth.of(2022, 7).plusMonths(rnd.nextInt(12));
                case 1 -> YearMonth.of(2025, 7).plusMonths(rnd.nextInt(6));
                case 2 -> YearMonth.of(2019, 5).plusMonths(rnd.nextInt(80));
                default -> YearMonth.of(2026, 1).plusMonths(rnd.nextInt(8));
            };
            ContributionRequest.Builder b = ContributionRequest.builder(region, period);
            if (rnd.nextInt(5) == 0) {
                b.base(new BigDecimal(2000 + rnd.nextInt(30000)).movePointLeft(rnd.nextInt(3)));
            } else {
                b.wage(new BigDecimal(rnd.nextInt(3_000_000)).movePointLeft(2));
            }
            int cls = 1 + rnd.nextInt(8);
            b.riskClass(cls);
            int[] grades = cls == 1 ? new int[]{100, 120, 150} : new int[]{50, 80, 100, 120, 150};
            b.floatGrade(new BigDecimal(grades[rnd.nextInt(grades.length)]));
            if (rnd.nextInt(3) == 0) {
                Set<Insurance> ins = new java.util.TreeSet<Insurance>();
                for (Insurance i : Insurance.values()) {
                    if (rnd.nextBoolean()) {
                        ins.add(i);
                    }
                }
                b.insurances(ins);
            }
            b.allowCarryForward(period.getYear() == 2026 || rnd.nextInt(10) == 0);
            try {
                out.add(rules.contribution(b.build()));
            } catch (ShebaoException e) {
                // not answerable with the bundled parameters: try another
            }
        }
        return out;
    }
}
