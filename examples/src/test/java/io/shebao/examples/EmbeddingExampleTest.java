package io.shebao.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's embedding calls, compiled and run: keeps the front door true. */
class EmbeddingExampleTest {
    @Test
    void theReadmeCallsGiveTheDocumentedAnswers() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            EmbeddingExample.main(new String[]{".."});
        } finally {
            System.setOut(saved);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("total 869.40 (employer 583.05, employee 286.35)"), out);
        assertTrue(out.contains("retires 2026-08 at 55 years 4 months"), out);
        assertTrue(out.contains("938.40 instead of 869.40"), out);
        assertTrue(out.contains("replay: IDENTICAL"), out);
        assertTrue(out.contains("rowsRead=300, rowsWritten=295, rowsInError=5"), out);
        assertTrue(out.contains("PARAMETER_UNKNOWN: no unemployment rates known for wuhan in 2027-03"), out);
    }
}
