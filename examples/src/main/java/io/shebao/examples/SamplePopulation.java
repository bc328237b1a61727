package io.shebao.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;

/**
 * Generates the sample population {@code examples/data/population.csv}: about 10,000 enterprise employees
 * whose periods fall where the shipped parameters are known (Yichang 2022-07 … 2023-06; every region
 * 2025-07 … 2025-12), with the retirement columns. A fixed seed makes the file the same on every run.
 * The people are invented: log-normal wages (median about 5,500 yuan, rounded to 10 yuan as declared
 * wages are), risk classes weighted towards the low classes, a few float grades, a few bases supplied.
 *
 * <p>Run: {@code mvn -q -pl examples -am compile exec:java -Dexec.mainClass=io.shebao.examples.SamplePopulation
 * -Dexec.args="examples/data/population.csv 10000 20251125"}
 */
public final class SamplePopulation {
    private static final List<String> REGIONS = List.of("wuhan", "huangshi", "shiyan", "yichang", "xiangyang",
            "ezhou", "jingmen", "xiaogan", "jingzhou", "huanggang", "xianning", "suizhou", "enshi", "xiantao",
            "qianjiang", "tianmen", "shennongjia");
    private static final int[] RISK_WEIGHTS = {40, 25, 15, 8, 3, 3, 3, 3};

    private SamplePopulation() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "examples/data/population.csv");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20251125L;
        Random rnd = new Random(seed);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            w.print("id,region,period,wage,base,risk_class,float_grade,insurances,sex,birth,category,contribution_months\r\n");
            for (int i = 1; i <= n; i++) {
                w.print(row(i, rnd) + "\r\n");
            }
        }
        System.out.println("wrote " + n + " people to " + out + " (seed " + seed + ")");
    }

    private static String row(int i, Random rnd) {
        String region;
        YearMonth period;
        if (rnd.nextInt(100) < 15) {
            region = "yichang";
            period = YearMonth.of(2022, 7).plusMonths(rnd.nextInt(12));
        } else {
            region = rnd.nextInt(100) < 35 ? "wuhan" : REGIONS.get(1 + rnd.nextInt(REGIONS.size() - 1));
            period = YearMonth.of(2025, 7).plusMonths(rnd.nextInt(6));
        }
        long wage = Math.round(5500 * Math.exp(0.55 * rnd.nextGaussian()) / 10.0) * 10;
        wage = Math.max(1500, wage);
        boolean supplied = rnd.nextInt(100) < 5;
        int risk = weighted(rnd);
        String grade = "";
        if (rnd.nextInt(100) < 20) {
            int[] grades = risk == 1 ? new int[]{120, 150} : new int[]{50, 80, 120, 150};
            grade = String.valueOf(grades[rnd.nextInt(grades.length)]);
        }
        String insurances = rnd.nextInt(100) < 5 ? "\"pension,unemployment,work_injury\"" : "";
        boolean male = rnd.nextInt(100) < 55;
        int age = 18 + rnd.nextInt(44); // 18 … 61 in the period
        YearMonth birth = period.minusYears(age).minusMonths(rnd.nextInt(12));
        String category = male ? "male" : (rnd.nextInt(100) < 45 ? "female-cadre" : "female-worker");
        int months = Math.max(0, Math.min((age - 17) * 12, (int) Math.round((age - 18) * 12 * (0.5 + rnd.nextDouble() / 2))));
        return String.join(",", "P" + String.format("%05d", i), region, period.toString(),
                supplied ? "" : String.valueOf(wage), supplied ? String.valueOf(wage) : "", String.valueOf(risk), grade,
                insurances, male ? "male" : "female", birth.toString(), category, String.valueOf(months));
    }

    private static int weighted(Random rnd) {
        int r = rnd.nextInt(100);
        for (int i = 0; i < RISK_WEIGHTS.length; i++) {
            r -= RISK_WEIGHTS[i];
            if (r < 0) {
                return i + 1;
            }
        }
        return 8;
    }
}
