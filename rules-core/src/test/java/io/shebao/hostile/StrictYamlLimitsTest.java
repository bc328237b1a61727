package io.shebao.hostile;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.parameter.StrictYaml;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** YAML limits and decoding problems are errors naming file:line, never "internal error". */
class StrictYamlLimitsTest {
    private final StrictYaml y = new StrictYaml("pack/p.yaml", ErrorCode.PARAMETER_FILE_INVALID);

    private void refused(String expected, byte[] bytes) {
        ShebaoException e = assertThrows(ShebaoException.class, () -> y.parse(bytes));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    private void refused(String expected, String text) {
        refused(expected, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aliasBomb() {
        StringBuilder sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            sb.append(c).append(": &").append(c).append(" [*").append((char) (c - 1)).append(", *")
                    .append((char) (c - 1)).append("]\n");
        }
        refused("pack/p.yaml:1: anchors and aliases", sb.toString());
    }

    @Test
    void deepNesting() {
        refused("pack/p.yaml:1: nested more than 50", "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
    }

    @Test
    void hugeScalar() {
        refused("pack/p.yaml:2: a value of 100000 characters", "a: 1\nb: " + "x".repeat(100_000) + "\n");
    }

    @Test
    void nulAndControlCharacters() {
        refused("pack/p.yaml:3: control character U+0000", "a: 1\nb: 2\nc: x\u0000y\n");
        refused("pack/p.yaml:1: control character U+001B", "a: \u001b[2J\n");
    }

    @Test
    void notUtf8NamesTheLine() {
        byte[] gbk = "a: 1\nb: 2\nc: ".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[gbk.length + 3];
        System.arraycopy(gbk, 0, all, 0, gbk.length);
        all[gbk.length] = (byte) 0xD6; // 中 in GBK
        all[gbk.length + 1] = (byte) 0xD0;
        all[gbk.length + 2] = '\n';
        refused("pack/p.yaml:3: not UTF-8 text", all);
    }

    @Test
    void invalidYamlStillNamesTheLine() {
        refused("pack/p.yaml:3: not valid YAML", "a: 1\nb: [\n");
    }
}
