package io.shebao.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one place control characters are escaped: what the user typed, echoed in an error, is one safe line. */
class TerminalTextTest {
    @Test
    void typedTextIsOneLineWithEscapesAndBounded() {
        assertEquals("contrib\\e[2Jution\\n\\u0085x\\u202e", TerminalText.typed("contrib\u001b[2Jution\n\u0085x\u202e"));
        assertEquals("缴费", TerminalText.typed("缴费"));
        String typed = TerminalText.typed("x".repeat(500));
        assertEquals(200, typed.length());
        assertTrue(typed.endsWith("…"));
    }
}
