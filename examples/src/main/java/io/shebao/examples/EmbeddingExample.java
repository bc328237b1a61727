package io.shebao.examples;

import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.contribution.ContributionLine;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;

import java.time.YearMonth;

/**
 * How a payroll system embeds the library: build {@link ShebaoRules} once, share it across threads, ask
 * one question per employee and month, and handle the one exception family.
 *
 * <p>Run: {@code mvn -q -pl examples exec:java -Dexec.mainClass=io.shebao.examples.EmbeddingExample}
 */
public final class EmbeddingExample {
    private EmbeddingExample() {
    }

    public static void main(String[] args) {
        ShebaoRules rules = ShebaoRules.load();
        ContributionResult r = rules.contribution(
                ContributionRequest.builder("yichang", YearMonth.of(2023, 5)).wage("3450").riskClass(1).build());
        for (ContributionLine l : r.lines()) {
            System.out.printf("%-13s %s  employer %8s  employee %8s%n", l.insurance().code(), l.insurance().nameZh(),
                    l.employer(), l.employee());
        }
        System.out.println("total " + r.totals().total() + " (employer " + r.totals().employer() + ", employee "
                + r.totals().employee() + ")");
        r.trace().rules().forEach(f -> System.out.println("  rule " + f.id() + ": " + f.legalBasis()));

        try {
            rules.contribution(ContributionRequest.builder("wuhan", YearMonth.of(2026, 3)).wage("9000").riskClass(2).build());
        } catch (ShebaoException e) {
            // A period the parameters do not cover is an error naming the parameter, region and period.
            System.out.println(e.code() + ": " + e.getMessage());
        }
    }
}
