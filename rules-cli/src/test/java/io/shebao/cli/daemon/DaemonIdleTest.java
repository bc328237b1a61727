package io.shebao.cli.daemon;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code SHEBAO_DAEMON_IDLE}: a value that is not allowed is said, never taken silently. */
class DaemonIdleTest {
    private static String said;

    private static long idle(Map<String, String> env) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        long s = DaemonClient.idleSeconds(env, new PrintStream(b, true, StandardCharsets.UTF_8));
        said = b.toString(StandardCharsets.UTF_8);
        return s;
    }

    @Test
    void anAllowedValueIsTaken() {
        assertEquals(120, idle(Map.of("SHEBAO_DAEMON_IDLE", " 120 ")));
        assertEquals("", said);
        assertEquals(600, idle(Map.of()));
        assertEquals("", said);
    }

    @Test
    void aValueNotAllowedIsSaidInOneLineAndTheDefaultKept() {
        for (String v : new String[]{"ten", "0", "-5", "86401", "1.5", ""}) {
            assertEquals(600, idle(Map.of("SHEBAO_DAEMON_IDLE", v)), v);
            assertEquals("shebao: SHEBAO_DAEMON_IDLE: '" + v + "' is not allowed; allowed: whole seconds from 1 to"
                    + " 86400 (the resident process keeps the default, 600)" + System.lineSeparator(), said, v);
        }
    }
}
