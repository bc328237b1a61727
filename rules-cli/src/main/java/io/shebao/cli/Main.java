package io.shebao.cli;

import io.shebao.ShebaoException;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
        configureLogging(java.util.Arrays.asList(args).contains("--verbose"));
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8)));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = commandLine(out, err);
        return cl.execute(args);
    }

    /**
     * SLF4J through slf4j-simple, on stderr: only warnings by default, so answers and tables stay clean; with
     * {@code --verbose} the library's loggers ({@code io.shebao.*}) at debug. A {@code -D} the user set wins.
     * Must run before the first logger is created.
     */
    static void configureLogging(boolean verbose) {
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        if (verbose) {
            setIfAbsent("org.slf4j.simpleLogger.log.io.shebao", "debug");
        }
    }

    /** What the user typed, with control characters shown as escapes so nothing reaches the terminal raw. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(200).forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new ShebaoCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // Help is read at 100 columns: file names and Chinese terms are not cut at 80.
        cl.setUsageHelpWidth(100);
        cl.setParameterExceptionHandler((ex, a) -> {
            if (ex instanceof CommandLine.UnmatchedArgumentException u && u.isUnknownOption() == false
                    && ex.getCommandLine().getCommandSpec().subcommands().size() > 0
                    && !u.getUnmatched().isEmpty()) {
                // A mistyped command: name it and suggest the closest ones instead of "Unmatched arguments".
                String typed = u.getUnmatched().get(0);
                List<String> close = u.getSuggestions();
                err.println("shebao: unknown command '" + printable(typed) + "'"
                        + (close.isEmpty() ? "" : "; did you mean " + close.get(0) + "?")
                        + " (shebao --help lists the commands)");
                return 2;
            }
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
