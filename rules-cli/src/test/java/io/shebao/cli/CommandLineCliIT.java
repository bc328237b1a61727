package io.shebao.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line itself, through the packaged CLI: no command, a mistyped command, help width, logging. */
class CommandLineCliIT {
    @Test
    void noCommandIsAUsageError() throws Exception {
        CliProcess.Outcome o = CliProcess.run();
        assertEquals(2, o.exit());
        assertEquals("", o.out());
        assertTrue(o.err().startsWith("shebao: a command is required\n"), o.err());
        assertTrue(o.err().contains("contribution"), o.err());
    }

    @Test
    void aMistypedCommandSuggestsTheClosest() throws Exception {
        CliProcess.Outcome o = CliProcess.run("contribtion", "--region", "wuhan");
        assertEquals(2, o.exit());
        assertEquals("shebao: unknown command 'contribtion'; did you mean contribution? (shebao --help lists the commands)\n",
                o.err());
    }

    @Test
    void controlCharactersInATypedCommandAreNotEchoedRaw() throws Exception {
        CliProcess.Outcome o = CliProcess.run("bad\u001b[31mred");
        assertEquals(2, o.exit());
        assertFalse(o.err().contains("\u001b"), o.err());
        assertTrue(o.err().contains("bad\\e[31mred"), o.err()); // as TerminalText escapes everywhere
    }

    /** The parameter list reads at 100 columns (CJK characters count two); every description is still there. */
    @Test
    void paramsListReadsAt100Columns() throws Exception {
        CliProcess.Outcome o = CliProcess.run("params", "list");
        assertEquals(0, o.exit(), o.err());
        for (String line : o.out().split("\\R")) {
            assertTrue(Table.width(line) <= 100, "wider than 100 columns (" + Table.width(line) + "): " + line);
        }
        assertTrue(o.out().contains("unemployment.employer_rate"), o.out());
        assertTrue(o.out().contains("工伤保险行业基准费率"), o.out());
    }

    @Test
    void helpIsWrittenFor100Columns() throws Exception {
        CliProcess.Outcome o = CliProcess.run("batch", "--help");
        assertEquals(0, o.exit());
        for (String line : o.out().split("\n")) {
            assertTrue(line.length() <= 100, "longer than 100 columns: " + line);
        }
        assertTrue(o.out().contains("sample-population.csv"), "a file name is not cut: " + o.out());
    }

    @Test
    void quietByDefaultDebugWithVerbose() throws Exception {
        String[] q = {"contribution", "--region", "yichang", "--period", "2023-05", "--wage", "3450", "--risk-class", "1"};
        CliProcess.Outcome plain = CliProcess.run(q);
        assertEquals(0, plain.exit());
        assertEquals("", plain.err());
        String[] v = java.util.Arrays.copyOf(q, q.length + 1);
        v[q.length] = "--verbose";
        CliProcess.Outcome verbose = CliProcess.run(v);
        assertEquals(0, verbose.exit());
        assertTrue(verbose.err().contains("DEBUG RuleEngine - rule base contribution loaded"), verbose.err());
        assertEquals(plain.out(), verbose.out());
    }
}
