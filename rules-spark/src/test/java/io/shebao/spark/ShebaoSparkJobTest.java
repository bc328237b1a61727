package io.shebao.spark;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad options of the spark-submit job: one line naming the value and what is allowed, exit 2 (no Spark started). */
class ShebaoSparkJobTest {
    @Test
    void aBadDateIsOneLineAndExitTwo() {
        for (String command : new String[]{"batch", "whatif"}) {
            CommandLine cl = ShebaoSparkJob.commandLine();
            StringWriter err = new StringWriter();
            cl.setErr(new PrintWriter(err, true));
            String[] args = command.equals("batch")
                    ? new String[]{"batch", "--in", "p.csv", "--out", "o", "--errors", "e", "--as-of", "2026-13-01"}
                    : new String[]{"whatif", "--scenario", "s.yaml", "--population", "p.csv", "--out", "o", "--as-of", "2026-13-01"};
            assertEquals(2, cl.execute(args), command);
            String text = err.toString().strip();
            assertEquals(1, text.lines().count(), text);
            assertTrue(text.contains("--as-of") && text.contains("'2026-13-01' is not a date")
                    && text.contains("YYYY-MM-DD"), text);
        }
    }

    /** A value with a line break and an escape sequence is still one line, its control characters escaped. */
    @Test
    void aValueWithALineBreakIsStillOneLine() {
        CommandLine cl = ShebaoSparkJob.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        String[] args = {"batch", "--in", "p.csv", "--out", "o", "--errors", "e", "--as-of", "2026-07-01\n\u001b[2Jx"};
        assertEquals(2, cl.execute(args));
        String text = err.toString().strip();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains("2026-07-01\\n\\e[2Jx") && !text.contains("\u001b"), text);
    }
}
