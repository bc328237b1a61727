package io.shebao.bench;

import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.contribution.ContributionRequest;
import io.shebao.population.ContributionRowParser;
import io.shebao.population.PopulationReader;
import io.shebao.population.PopulationRow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code java [-XX:TieredStopAtLevel=1] -cp benchmarks/target/benchmarks.jar:benchmarks/target/lib/* io.shebao.bench.RuleEvaluationTiming POP.csv N ROUNDS [ANSWERS.txt]}:
 * the cost of one rule evaluation ({@code rules.contribution(request)}, what a planner pays per new decision
 * context) on one thread. Takes the first {@code N} distinct requests of a generated population that parse,
 * evaluates all of them {@code ROUNDS} times and prints µs per evaluation of every round, then the median of
 * the second half (warm). The checksum (every result and error message of the last round as text) must be equal for two
 * builds that give equal answers. A timing program, not a test: run it back to back against another build.
 */
public final class RuleEvaluationTiming {
    private RuleEvaluationTiming() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: RuleEvaluationTiming POP.csv N ROUNDS [ANSWERS.txt]");
            System.exit(2);
        }
        int n = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Set<ContributionRequest> distinct = new LinkedHashSet<>();
        ContributionRowParser parser = ContributionRowParser.strict();
        try (PopulationReader in = PopulationReader.open(Path.of(args[0]))) {
            while (in.hasNext() && distinct.size() < n) {
                PopulationRow row = in.next();
                try {
                    distinct.add(parser.parse(row));
                } catch (ShebaoException e) {
                    // a row the batch would write to its error file: not a rule evaluation
                }
            }
        }
        List<ContributionRequest> requests = new ArrayList<>(distinct);
        ShebaoRules rules = ShebaoRules.load();
        double[] us = new double[rounds];
        double[] cpu = new double[rounds];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long checksum = 0;
        for (int r = 0; r < rounds; r++) {
            Object[] answers = new Object[requests.size()];
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < answers.length; i++) {
                answers[i] = answer(rules, requests.get(i));
            }
            us[r] = (System.nanoTime() - t0) / 1_000.0 / requests.size();
            // this thread's CPU time: on a shared machine, wall time also counts the other processes' turns
            cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1_000.0 / requests.size();
            if (r == rounds - 1) { // outside the timed loop: every answer as text
                StringBuilder all = new StringBuilder();
                for (Object a : answers) {
                    // a result without its request: a request's insurances are a Set.of, whose order is per JVM
                    String text = a instanceof io.shebao.contribution.ContributionResult c
                            ? List.of(c.lines(), c.totals(), c.baseAdjustment(), c.notes(), c.warnings(), c.trace()).toString()
                            : a.toString();
                    checksum = 31 * checksum + text.hashCode();
                    all.append(text).append('\n');
                }
                if (args.length > 3) {
                    java.nio.file.Files.writeString(Path.of(args[3]), all);
                }
            }
            System.out.printf("round %d: %.2f µs per evaluation (%.2f µs of this thread's CPU)%n", r + 1, us[r], cpu[r]);
        }
        System.out.printf("%d requests, %d rounds: median of the last %d rounds %.2f µs per evaluation, %.2f µs CPU; checksum %x%n",
                requests.size(), rounds, rounds - rounds / 2, warmMedian(us), warmMedian(cpu), checksum);
    }

    private static double warmMedian(double[] rounds) {
        double[] warm = Arrays.copyOfRange(rounds, rounds.length / 2, rounds.length);
        Arrays.sort(warm);
        return warm[warm.length / 2];
    }

    private static Object answer(ShebaoRules rules, ContributionRequest req) {
        try {
            return rules.contribution(req);
        } catch (ShebaoException e) {
            return e.getMessage();
        }
    }
}
