package example;

import io.shebao.ShebaoRules;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;

import java.math.BigDecimal;
import java.time.YearMonth;

/** A consumer's first call, as in the README: fails the integration test when the answer is not the seed's. */
public final class Consumer {
    public static void main(String[] args) {
        ShebaoRules rules = ShebaoRules.load();
        ContributionResult r = rules.contribution(
                ContributionRequest.builder("yichang", YearMonth.of(2023, 5)).wage("3450").riskClass(1).build());
        System.out.println("bom-consumer: yichang 2023-05 total " + r.totals().total());
        if (r.totals().total().compareTo(new BigDecimal("869.40")) != 0) {
            throw new IllegalStateException("expected the seed's total 869.40, got " + r.totals().total());
        }
    }
}
