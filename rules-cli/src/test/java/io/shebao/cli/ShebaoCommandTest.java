package io.shebao.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command registry behind the lazily built command line. */
class ShebaoCommandTest {
    @Test
    void everyNameIsItsCommandsOwnName() {
        ShebaoCommand.COMMANDS.forEach((name, type) ->
                assertEquals(name, type.getAnnotation(CommandLine.Command.class).name(), type.getName()));
    }

    @Test
    void aNamedCommandIsRegisteredAloneWithTheSameSettings() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CommandLine one = Main.commandLine(new String[] {"retirement", "--help"}, out, out);
        assertEquals(List.of("retirement"), new ArrayList<>(one.getSubcommands().keySet()));
        CommandLine sub = one.getSubcommands().get("retirement");
        assertEquals(100, sub.getUsageHelpWidth());
        assertTrue(sub.isCaseInsensitiveEnumValuesAllowed());
        assertEquals(one.getOut(), sub.getOut());
        assertEquals(one.getErr(), sub.getErr());
        assertEquals(one.getParameterExceptionHandler(), sub.getParameterExceptionHandler());
        assertEquals(one.getExecutionExceptionHandler(), sub.getExecutionExceptionHandler());
    }

    @Test
    void anythingElseRegistersEveryCommandInOrder() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"contributoin"},
                new String[] {"--verbose", "contribution"})) {
            CommandLine all = Main.commandLine(args, out, out);
            assertEquals(new ArrayList<>(ShebaoCommand.COMMANDS.keySet()), new ArrayList<>(all.getSubcommands().keySet()));
        }
    }
}
