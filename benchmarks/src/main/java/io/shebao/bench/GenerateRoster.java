package io.shebao.bench;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SplittableRandom;

/**
 * {@code java -cp … io.shebao.bench.GenerateRoster ROWS OUT.csv PERIOD [SEED]}: a synthetic unit roster for
 * {@code shebao certificate} in declaration month PERIOD: mostly staff paid through the month before, with new
 * hires inside and outside the 3-month back-payment window, leavers (stop month, refunds), hires already paid
 * elsewhere and people not billable, in the proportions of a large employer's month.
 */
public final class GenerateRoster {
    private GenerateRoster() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: GenerateRoster ROWS OUT.csv PERIOD [SEED]");
            System.exit(2);
        }
        long rows = Long.parseLong(args[0]);
        YearMonth period = YearMonth.parse(args[2]);
        SplittableRandom rnd = new SplittableRandom(args.length > 3 ? Long.parseLong(args[3]) : 20211113L);
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(Path.of(args[1])),
                StandardCharsets.UTF_8), 1 << 20)) {
            w.write("id,name,wage,start,stop,paid_through,paid_elsewhere,not_billable\n");
            for (long i = 1; i <= rows; i++) {
                int kind = rnd.nextInt(1000);
                int wage = 2500 + rnd.nextInt(200) * 100; // 2,500 … 22,400: below, within and above the limits
                LocalDate start = period.minusMonths(12 + rnd.nextInt(240)).atDay(1 + rnd.nextInt(28));
                String stop = "";
                String paid = period.minusMonths(1).toString();
                String elsewhere = "no";
                String notBillable = "";
                if (kind < 20) {            // 2%: new hire within the back-payment window
                    YearMonth m = period.minusMonths(rnd.nextInt(4));
                    start = m.atDay(1 + rnd.nextInt(28));
                    paid = "";
                    elsewhere = m.equals(period) && rnd.nextBoolean() ? "yes" : "no";
                } else if (kind < 25) {     // 0.5%: hire older than the window, not yet declared
                    start = period.minusMonths(4 + rnd.nextInt(12)).atDay(1 + rnd.nextInt(28));
                    paid = "";
                } else if (kind < 40) {     // 1.5%: leaving this month (the stop month is payable)
                    stop = period.atDay(1 + rnd.nextInt(28)).toString();
                } else if (kind < 45) {     // 0.5%: left earlier, paid on (refunds)
                    stop = period.minusMonths(1 + rnd.nextInt(5)).atDay(1 + rnd.nextInt(28)).toString();
                    paid = period.minusMonths(1).toString();
                } else if (kind < 48) {     // 0.3%: not billable
                    notBillable = new String[] {"retired", "prison", "exempt"}[rnd.nextInt(3)];
                }
                w.write("E" + String.format("%07d", i) + ",员工" + i + "," + wage + "," + start + "," + stop + "," + paid + ","
                        + elsewhere + "," + notBillable + "\n");
            }
        }
    }
}
