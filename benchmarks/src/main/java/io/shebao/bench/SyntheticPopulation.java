package io.shebao.bench;

import java.io.IOException;
import java.io.Writer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic population (模拟参保人员名单) in the batch CSV format, the same for the same seed and size: regions
 * and periods where the bundled parameters are known (Yichang in social-insurance year 2022, the 17 regions
 * in 2025-07…2025-12), wages below the floor, within the limits and above the ceiling, some bases given
 * directly, all risk classes and float grades, insurance lists written both ways, Chinese names (some with a
 * quoted comma), and about 1% deliberately bad rows of several kinds.
 */
public final class SyntheticPopulation {
    public static final String HEADER = "id,name,region,period,wage,base,risk_class,float_grade,insurances";
    private static final String[] REGIONS = {"wuhan", "huangshi", "shiyan", "yichang", "xiangyang", "ezhou",
            "jingmen", "xiaogan", "jingzhou", "huanggang", "xianning", "suizhou", "enshi", "xiantao", "qianjiang",
            "tianmen", "shennongjia"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰"};
    private static final String[] GRADES_CLASS_1 = {"100", "120", "150"};
    private static final String[] GRADES = {"50", "80", "100", "120", "150"};
    /** The kinds of bad rows, each a reason the batch must report. */
    private static final String[] BAD = {"bad-wage", "unknown-region", "bad-period", "unknown-period",
            "bad-risk-class", "no-wage", "grade-not-allowed", "unknown-insurance"};

    private final long seed;
    private final String month;

    public SyntheticPopulation(long seed) {
        this(seed, null);
    }

    /** @param month only this period (a monthly payroll run), e.g. 2025-09; null for the mix of periods */
    public SyntheticPopulation(long seed, String month) {
        this.seed = seed;
        this.month = month;
    }

    /** The (region, period) pairs rows are drawn from. */
    static List<String[]> contexts() {
        List<String[]> out = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2022, 7); !m.isAfter(YearMonth.of(2023, 6)); m = m.plusMonths(1)) {
            out.add(new String[]{"yichang", m.toString()});
        }
        for (String r : REGIONS) {
            for (YearMonth m = YearMonth.of(2025, 7); !m.isAfter(YearMonth.of(2025, 12)); m = m.plusMonths(1)) {
                out.add(new String[]{r, m.toString()});
            }
        }
        return out;
    }

    /** Writes the header and {@code rows} rows. */
    public void write(long rows, Writer out) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String[]> contexts = month == null ? contexts()
                : contexts().stream().filter(c -> c[1].equals(month)).toList();
        if (contexts.isEmpty()) {
            throw new IllegalArgumentException("no region has known parameters in " + month + "; use 2022-07…2023-06 or 2025-07…2025-12");
        }
        StringBuilder sb = new StringBuilder(256);
        out.write(HEADER);
        out.write('\n');
        for (long i = 1; i <= rows; i++) {
            sb.setLength(0);
            String[] ctx = contexts.get(rnd.nextInt(contexts.size()));
            String region = ctx[0];
            String period = ctx[1];
            String wage = wage(rnd);
            String base = "";
            if (rnd.nextInt(100) < 3) {
                base = wage;
                wage = "";
            }
            int riskClass = 1 + rnd.nextInt(8);
            String rc = String.valueOf(riskClass);
            String grade = rnd.nextInt(10) < 7 ? "" : (riskClass == 1 ? GRADES_CLASS_1[rnd.nextInt(3)] : GRADES[rnd.nextInt(5)]);
            int ins = rnd.nextInt(100);
            String insurances = ins < 85 ? "" : ins < 95 ? "pension;unemployment" : "\"pension,unemployment,work_injury\"";
            String name = SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)];
            if (rnd.nextInt(50) == 0) {
                name = "\"" + name + ",外籍\""; // a quoted comma
            }
            if (rnd.nextInt(100) == 0) {
                switch (BAD[rnd.nextInt(BAD.length)]) {
                    case "bad-wage" -> { wage = "12a3"; base = ""; }
                    case "unknown-region" -> region = "atlantis";
                    case "bad-period" -> period = "2025-13";
                    case "unknown-period" -> period = "2018-03";
                    case "bad-risk-class" -> rc = "9";
                    case "no-wage" -> { wage = ""; base = ""; }
                    case "grade-not-allowed" -> { rc = "1"; grade = "80"; insurances = ""; }
                    default -> insurances = "pension;dental";
                }
            }
            sb.append(String.format("P%08d", i)).append(',').append(name).append(',').append(region).append(',')
                    .append(period).append(',').append(wage).append(',').append(base).append(',').append(rc)
                    .append(',').append(grade).append(',').append(insurances).append('\n');
            out.write(sb.toString());
        }
        out.flush();
    }

    /** 10% below any floor, 10% above any ceiling, the rest within; declared wages are whole tens, some with fen. */
    private static String wage(SplittableRandom rnd) {
        int k = rnd.nextInt(10);
        long fen;
        if (k == 0) {
            fen = 150_000 + rnd.nextInt(190_000);          // 1500.00 … 3399.99
        } else if (k == 1) {
            fen = 2_300_000 + rnd.nextInt(4_000_000);      // 23000.00 … 62999.99
        } else {
            fen = 450_000 + rnd.nextInt(1_300_000);        // 4500.00 … 17499.99
        }
        if (rnd.nextInt(4) != 0) {
            return String.valueOf(fen / 1000 * 10);        // rounded to 10 yuan
        }
        return fen / 100 + "." + String.format("%02d", fen % 100);
    }
}
