package io.shebao.bench;

import io.shebao.ShebaoRules;
import io.shebao.batch.ContributionPlanner;
import io.shebao.batch.PlannedContribution;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.YearMonth;
import java.util.concurrent.TimeUnit;

/**
 * Warm latency of one contribution: the rules ({@code rules.contribution}), a planned row
 * ({@link ContributionPlanner}, context already seen) and the hand-written baseline.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar:benchmarks/target/lib/* org.openjdk.jmh.Main ContributionLatency -wi 2 -i 3 -f 1}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ContributionLatencyBenchmark {
    private ShebaoRules rules;
    private ContributionPlanner planner;
    private BaselineCalculator baseline;
    private ContributionRequest yichang;
    private ContributionRequest wuhan;

    @Setup
    public void setUp() {
        rules = ShebaoRules.load();
        planner = new ContributionPlanner(rules);
        baseline = new BaselineCalculator(rules.parameters());
        yichang = ContributionRequest.builder("yichang", YearMonth.of(2023, 5)).wage("5230").riskClass(1).build();
        wuhan = ContributionRequest.builder("wuhan", YearMonth.of(2025, 9)).wage("8810.50").riskClass(4).build();
        planner.evaluate(yichang);
        planner.evaluate(wuhan);
    }

    @Benchmark
    public ContributionResult rulesYichang() {
        return rules.contribution(yichang);
    }

    @Benchmark
    public ContributionResult rulesWuhanFiveInsurances() {
        return rules.contribution(wuhan);
    }

    @Benchmark
    public PlannedContribution plannedWuhan() {
        return planner.evaluate(wuhan);
    }

    @Benchmark
    public PlannedContribution baselineWuhan() {
        return baseline.apply(wuhan);
    }
}
