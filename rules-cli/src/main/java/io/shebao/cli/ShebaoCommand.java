package io.shebao.cli;

import picocli.CommandLine.Command;

@Command(name = "shebao", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Hubei social-insurance rules: contributions and eligibility, traced to their legal basis.",
                "Exit codes: 0 success, 1 differences or rows in error, 2 bad input or an unanswerable question."})
final class ShebaoCommand implements java.util.concurrent.Callable<Integer> {
    /**
     * The commands by name, in the order help lists them. Registered by {@link Main#commandLine}: all of them, or
     * only the one a command line names, because picocli reads every command's annotations when it is added (a
     * tenth of a one-question command's start-up for the eleven it does not run). {@code ShebaoCommandTest}
     * checks each name against its command's annotation.
     */
    static final java.util.Map<String, Class<?>> COMMANDS = commands();

    private static java.util.Map<String, Class<?>> commands() {
        java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
        m.put("contribution", ContributionCommand.class);
        m.put("retirement", RetirementCommand.class);
        m.put("params", ParamsCommand.class);
        m.put("replay", ReplayCommand.class);
        m.put("explain", ExplainCommand.class);
        m.put("keys", KeysCommand.class);
        m.put("whatif", WhatifCommand.class);
        m.put("batch", BatchCommand.class);
        m.put("certificate", CertificateCommand.class);
        m.put("services", ServicesCommand.class);
        m.put("test", TestCommand.class);
        m.put("serve", ServeCommand.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** No command given: a usage error (exit 2), with the command list on stderr. */
    @Override
    public Integer call() {
        java.io.PrintWriter err = spec.commandLine().getErr();
        err.println("shebao: a command is required");
        spec.commandLine().usage(err);
        return 2;
    }
}
