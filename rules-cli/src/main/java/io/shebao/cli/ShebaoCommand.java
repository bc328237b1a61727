package io.shebao.cli;

import picocli.CommandLine.Command;

@Command(name = "shebao", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Hubei social-insurance rules: contributions and eligibility, traced to their legal basis.",
                "Exit codes: 0 success, 1 differences or rows in error, 2 bad input or an unanswerable question."},
        subcommands = {ContributionCommand.class, RetirementCommand.class, ParamsCommand.class, ReplayCommand.class,
                ExplainCommand.class, KeysCommand.class, WhatifCommand.class, BatchCommand.class,
                CertificateCommand.class, ServicesCommand.class, TestCommand.class, ServeCommand.class})
final class ShebaoCommand implements java.util.concurrent.Callable<Integer> {
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
