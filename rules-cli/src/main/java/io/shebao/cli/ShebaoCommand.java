package io.shebao.cli;

import picocli.CommandLine.Command;

@Command(name = "shebao", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Hubei social-insurance rules: contributions and eligibility, traced to their legal basis.",
                "Exit codes: 0 success, 1 differences or rows in error, 2 bad input or an unanswerable question."},
        subcommands = {ContributionCommand.class, RetirementCommand.class, ParamsCommand.class, ReplayCommand.class,
                ExplainCommand.class, KeysCommand.class, WhatifCommand.class, BatchCommand.class,
                TestCommand.class, ServeCommand.class})
final class ShebaoCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
