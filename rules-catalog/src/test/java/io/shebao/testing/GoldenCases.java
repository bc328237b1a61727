package io.shebao.testing;

import io.shebao.ShebaoRules;
import io.shebao.cases.CaseFile;
import io.shebao.cases.CaseOutcome;
import io.shebao.cases.CaseReport;
import io.shebao.cases.CaseRunner;
import io.shebao.cases.TestCase;
import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs a golden YAML test file of the class path (cases/*.yaml, docs/TESTS.md) as one dynamic test per case. */
public final class GoldenCases {
    private GoldenCases() {
    }

    public static List<TestCase> read(String resource) {
        try (InputStream in = Objects.requireNonNull(GoldenCases.class.getResourceAsStream(resource), resource)) {
            return CaseFile.read("rules-catalog/src/test/resources" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The retirement cases all carry asOf; {@code today} only fills a case that forgets it. */
    public static List<DynamicTest> tests(ShebaoRules rules, List<TestCase> cases) {
        CaseRunner runner = new CaseRunner(rules, LocalDate.now());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            CaseOutcome o = runner.run(c);
            assertTrue(o.passed(), () -> CaseReport.text(o));
        })).toList();
    }

    public static int checks(List<TestCase> cases) {
        return cases.stream().mapToInt(c -> c.expectations().size()).sum();
    }
}
