package io.shebao.examples;

import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.audit.AuditRecord;
import io.shebao.batch.BatchRunner;
import io.shebao.batch.BatchSummary;
import io.shebao.batch.ResultFormat;
import io.shebao.contribution.ContributionLine;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.population.PopulationReader;
import io.shebao.retirement.Category;
import io.shebao.retirement.RetirementQuery;
import io.shebao.retirement.RetirementResult;
import io.shebao.retirement.Sex;
import io.shebao.scenario.ScenarioReader;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * How a payroll or HR system embeds the library (the calls shown in the README): build {@link ShebaoRules}
 * once, share it across threads, ask one question per employee and month, and handle the one exception family.
 *
 * <p>Run from the repository root: {@code java -cp "examples/target/classes:rules-cli/target/lib/*"
 * io.shebao.examples.EmbeddingExample}
 */
public final class EmbeddingExample {
    private EmbeddingExample() {
    }

    /** @param args optionally the repository root (default: the current directory), where examples/ is */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        ShebaoRules rules = ShebaoRules.load();

        // 缴费核定: one employee, one month.
        ContributionResult r = rules.contribution(
                ContributionRequest.builder("yichang", YearMonth.of(2023, 5)).wage("3450").riskClass(1).build());
        for (ContributionLine l : r.lines()) {
            System.out.printf("%-13s %s  employer %8s  employee %8s%n", l.insurance().code(), l.insurance().nameZh(),
                    l.employer(), l.employee());
        }
        System.out.println("total " + r.totals().total() + " (employer " + r.totals().employer() + ", employee "
                + r.totals().employee() + ")");
        r.trace().rules().forEach(f -> System.out.println("  rule " + f.id() + ": " + f.legalBasis()));

        // 退休: the reform's example.
        RetirementResult q = rules.retirement(RetirementQuery.builder().sex(Sex.FEMALE).birthMonth(YearMonth.of(1971, 4))
                .category(Category.FEMALE_CADRE).contributionMonths(300).asOf(LocalDate.of(2026, 11, 1)).build());
        System.out.println("retires " + q.retirementMonth() + " at " + q.statutoryAge().en());

        // 假设情景: an isolated view; the baseline above is unchanged.
        ShebaoRules whatIf = rules.withScenario(
                ScenarioReader.of(rules).read(root.resolve("examples/scenarios/no-unemployment-reduction.yaml")));
        System.out.println("without the unemployment reductions: " + whatIf.contribution(r.request()).totals().total()
                + " instead of " + r.totals().total());

        // 审计: a canonical, replayable record.
        AuditRecord rec = rules.audit().record(r);
        System.out.println("replay: " + rules.replay(rec).status());

        // 批量: a population file, streamed.
        StringWriter out = new StringWriter();
        StringWriter errors = new StringWriter();
        try (PopulationReader in = PopulationReader.open(root.resolve("examples/data/sample-population.csv"))) {
            BatchSummary sum = BatchRunner.builder(rules).threads(2).build().run(in, ResultFormat.CSV, out, errors);
            System.out.println("batch: " + sum);
        }

        try {
            rules.contribution(ContributionRequest.builder("wuhan", YearMonth.of(2027, 3)).wage("9000").riskClass(2).build());
        } catch (ShebaoException e) {
            // A period the parameters do not cover is an error naming the parameter, region and period.
            System.out.println(e.code() + ": " + e.getMessage());
        }
    }
}
