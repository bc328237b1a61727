package io.shebao.cli;

import io.shebao.ShebaoException;
import picocli.CommandLine;

import io.shebao.internal.output.OutputFailure;
import io.shebao.population.RunStopped;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
        configureLogging(java.util.Arrays.asList(args).contains("--verbose"));
        prepareRuleBase(args);
        // straight on the file descriptors (not through System.out, which hides write errors), so that a
        // full disk or a closed pipe on stdout is seen and reported
        System.exit(run(args, new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8)));
    }

    /**
     * The rule base a command will need is built on the second core while picocli parses the options and the
     * parameter files load: about a third of a one-question command's start-up (docs/PERFORMANCE.md).
     */
    private static void prepareRuleBase(String[] args) {
        String kbase = args.length == 0 ? "" : switch (args[0]) {
            // replay: batch trails are contributions; a trail of retirement records pays ~0.4 CPU-s for nothing
            case "contribution", "batch", "whatif", "replay" -> "contribution";
            case "retirement" -> "retirement";
            case "certificate" -> "certificate";
            default -> "";
        };
        if (!kbase.isEmpty() && !java.util.Arrays.asList(args).contains("--help")) {
            io.shebao.internal.engine.RuleEngine.prepareInBackground(kbase);
        }
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = commandLine(args, out, err);
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands Errors through; one line, not a stack trace, and never exit 0
            err.println("shebao: out of memory; give the JVM more heap (SHEBAO_JAVA_OPTS=-Xmx2g); no output of this run was kept");
            return 3;
        } catch (StackOverflowError e) {
            err.println("shebao: internal error: stack overflow (run with --verbose for details)");
            return 3;
        }
        // a write error on stdout is a failed run, never exit 0 with half the answer printed
        if (cl.getOut().checkError() || out.checkError()) {
            err.println("shebao: stdout: cannot be written (a full disk or a closed pipe); the output is incomplete");
            return code == 0 || code == 1 ? 3 : code;
        }
        return code;
    }

    /**
     * SLF4J through slf4j-simple, on stderr: only warnings by default, so answers and tables stay clean; with
     * {@code --verbose} the library's loggers ({@code io.shebao.*}) at debug. A {@code -D} the user set wins.
     * Must run before the first logger is created.
     */
    public static void configureLogging(boolean verbose) {
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        // Drools' own warnings (e.g. advice against eval in a rule) speak to rule authors, not to the user of an
        // answer: errors only, unless --verbose.
        setIfAbsent("org.slf4j.simpleLogger.log.org.drools", verbose ? "warn" : "error");
        setIfAbsent("org.slf4j.simpleLogger.log.org.kie", verbose ? "warn" : "error");
        if (verbose) {
            setIfAbsent("org.slf4j.simpleLogger.log.io.shebao", "debug");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        return commandLine(new String[0], out, err);
    }

    /**
     * The command line for these arguments: when the first names a command, only that command is registered
     * (the others' options are never read); otherwise all, for the command list, help and "did you mean".
     * Commands are added before the settings below, which picocli applies to the commands present.
     */
    static CommandLine commandLine(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new ShebaoCommand());
        Class<?> named = args.length == 0 ? null : ShebaoCommand.COMMANDS.get(args[0]);
        if (named != null) {
            cl.addSubcommand(args[0], named);
        } else {
            ShebaoCommand.COMMANDS.forEach(cl::addSubcommand);
        }
        // input echoed to the terminal (ids, values) cannot carry escape sequences
        cl.setOut(new PrintWriter(new TerminalText.Safe(new OutputStreamWriter(out, StandardCharsets.UTF_8), false), true));
        cl.setErr(new PrintWriter(new TerminalText.Safe(new OutputStreamWriter(err, StandardCharsets.UTF_8), true), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // no colours in help: TerminalText.Safe shows escape sequences as text anyway, and the answer must not
        // depend on whether a terminal is attached (the resident process never has one)
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.registerConverter(Path.class, Converters.PATH);
        // Help is read at 100 columns: file names and Chinese terms are not cut at 80.
        cl.setUsageHelpWidth(100);
        cl.setParameterExceptionHandler((ex, a) -> {
            if (ex instanceof CommandLine.UnmatchedArgumentException u && u.isUnknownOption() == false
                    && ex.getCommandLine().getCommandSpec().subcommands().size() > 0
                    && !u.getUnmatched().isEmpty()) {
                // A mistyped command: name it and suggest the closest ones instead of "Unmatched arguments".
                String typed = u.getUnmatched().get(0);
                List<String> close = u.getSuggestions();
                err.println("shebao: unknown command '" + TerminalText.typed(typed) + "'"
                        + (close.isEmpty() ? "" : "; did you mean " + close.get(0) + "?")
                        + " (shebao --help lists the commands)");
                return 2;
            }
            err.println("shebao: " + TerminalText.oneLine(ex.getMessage()));
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            boolean verbose = parsed.hasMatchedOption("--verbose")
                    || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
            if (verbose) {
                ex.printStackTrace(err);
            }
            java.util.Optional<OutputFailure> failedOutput = OutputFailure.in(ex);
            if (failedOutput.isPresent()) {
                // exit 3: the run failed; the message names the output, and atomic outputs stay as they were
                err.println("shebao: " + TerminalText.oneLine(failedOutput.get().getMessage())
                        + (ex instanceof RunStopped rs ? "; " + rs.rowsRead() + " rows had been read" : "")
                        + "; no output of this run was kept");
                return 3;
            }
            if (ex instanceof RunStopped rs) {
                err.println("shebao: " + TerminalText.oneLine(rs.getMessage()) + "; no output of this run was kept");
                return rs.getCause() instanceof ShebaoException ? 2 : 3;
            }
            if (ex instanceof ShebaoException se) {
                err.println("shebao: " + TerminalText.oneLine(optionNames(se)));
                return 2;
            }
            if (ex instanceof CliException ce) {
                err.println("shebao: " + TerminalText.oneLine(ce.getMessage()));
                return ce.exitCode();
            }
            err.println("shebao: internal error: " + TerminalText.oneLine(String.valueOf(ex))
                    + (verbose ? "" : " (run with --verbose for details)"));
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
