package io.shebao.cli;

import io.shebao.ShebaoException;
import io.shebao.cases.CaseFile;
import io.shebao.cases.CaseOutcome;
import io.shebao.cases.CaseReport;
import io.shebao.cases.CaseRunner;
import io.shebao.cases.TestCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run test cases written as YAML (测试用例, docs/TESTS.md): a question as API fields or CLI option "
                + "names, the answer's fields it must have.",
                "Each failure prints the differing fields with the rules and parameter values behind them.",
                "Exit 0 all pass, 1 any case fails, 2 a test file is malformed (named file:line).",
                "Example: shebao test rules-catalog/src/test/resources/cases/"})
final class TestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RulesOptions options;

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR",
            description = "Test files (.yaml, .yml), or directories searched for them.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", converter = Converters.Day.class,
            description = "The date a retirement case without asOf is asked on (default: today).")
    LocalDate today;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            files.addAll(testFiles(p));
        }
        List<TestCase> cases = new ArrayList<>();
        int malformed = 0;
        for (Path f : files) {
            try {
                cases.addAll(CaseFile.read(f));
            } catch (ShebaoException e) {
                err.println("shebao: " + e.getMessage());
                malformed++;
            }
        }
        CaseRunner runner = new CaseRunner(options.rules(), today == null ? LocalDate.now() : today);
        int passed = 0;
        int failed = 0;
        int checks = 0;
        for (TestCase c : cases) {
            CaseOutcome o = runner.run(c);
            checks += o.checked();
            if (o.passed()) {
                passed++;
            } else {
                failed++;
                CaseReport.lines(o).forEach(out::println);
            }
        }
        out.println(files.size() + " files, " + checks + " checks" + (malformed > 0 ? ", " + malformed + " malformed files" : ""));
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return malformed > 0 ? 2 : failed > 0 ? 1 : 0;
    }

    private static List<Path> testFiles(Path p) {
        if (Files.isRegularFile(p)) {
            return List.of(p);
        }
        if (!Files.isDirectory(p)) {
            throw CliException.badInput("FILE_OR_DIR", p.toString(), "a test file (.yaml) or a directory of them that exists");
        }
        try (Stream<Path> s = Files.walk(p)) {
            List<Path> found = s.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
            if (found.isEmpty()) {
                throw CliException.badInput("FILE_OR_DIR", p.toString(), "a directory holding test files (.yaml, .yml)");
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
