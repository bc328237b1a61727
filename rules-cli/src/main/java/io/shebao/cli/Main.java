package io.shebao.cli;

import io.shebao.ShebaoException;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code shebao}: exit 0 on success, 1 when a command that checks something finds differences, 2 on bad
 * input or a question that cannot be answered (one line on stderr, no stack trace unless --verbose).
 */
public final class Main {
    /** Maps API field names to the options that set them, so errors name what the user typed. */
    private static final Map<String, String> OPTION_OF = Map.ofEntries(
            Map.entry("region", "--region"), Map.entry("wage", "--wage"), Map.entry("base", "--base"),
            Map.entry("riskClass", "--risk-class"), Map.entry("floatGrade", "--float-grade"),
            Map.entry("unitKind", "--unit-kind"), Map.entry("to", "--to"),
            Map.entry("parameters", "--parameters"), Map.entry("insurances", "--insurances"),
            Map.entry("audit-out", "--audit-out"), Map.entry("sign-key", "--sign-key"),
            Map.entry("verify-key", "--verify-key"), Map.entry("out", "--out"),
            Map.entry("sex", "--sex"), Map.entry("birth", "--birth"), Map.entry("category", "--category"),
            Map.entry("contributionMonths", "--contribution-months"), Map.entry("idNumber", "--id-number"),
            Map.entry("firstInsured", "--first-insured"), Map.entry("requested", "--requested"),
            Map.entry("specialWork", "--special-work"));

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8)));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = commandLine(out, err);
        return cl.execute(args);
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new ShebaoCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("shebao: " + ex.getMessage());
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            boolean verbose = parsed.hasMatchedOption("--verbose")
                    || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
            if (verbose) {
                ex.printStackTrace(err);
            }
            if (ex instanceof ShebaoException se) {
                err.println("shebao: " + optionNames(se));
                return 2;
            }
            if (ex instanceof CliException ce) {
                err.println("shebao: " + ce.getMessage());
                return ce.exitCode();
            }
            err.println("shebao: internal error: " + ex + (verbose ? "" : " (run with --verbose for details)"));
            return 3;
        });
        return cl;
    }

    private static String optionNames(ShebaoException e) {
        String m = e.getMessage();
        if (e.field().isPresent()) {
            String opt = OPTION_OF.get(e.field().get());
            if (opt != null && m.startsWith(e.field().get() + ":")) {
                return opt + m.substring(e.field().get().length());
            }
        }
        return m;
    }
}
