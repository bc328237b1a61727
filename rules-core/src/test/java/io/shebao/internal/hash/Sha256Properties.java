package io.shebao.internal.hash;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The content hash did not change when Guava replaced the hand-written digest code: every audit record, rule-set
 * and parameter-set hash written before must still verify. Compared with the JDK's {@link MessageDigest}.
 */
class Sha256Properties {
    @Example
    void knownVectors() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.of("abc"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.of(new byte[0]));
        // "缴费基数" in UTF-8, then a newline per line
        assertEquals(jdk("缴费基数\nb\n".getBytes(StandardCharsets.UTF_8)), Sha256.ofLines(List.of("缴费基数", "b")));
    }

    @Property(tries = 300)
    void sameHexAsTheJdkDigest(@ForAll String text, @ForAll List<String> lines) {
        assertEquals(jdk(text.getBytes(StandardCharsets.UTF_8)), Sha256.of(text));
        assertEquals(jdk(text.getBytes(StandardCharsets.UTF_8)), Sha256.of(text.getBytes(StandardCharsets.UTF_8)));
        StringBuilder joined = new StringBuilder();
        lines.forEach(l -> joined.append(l).append('\n'));
        assertEquals(jdk(joined.toString().getBytes(StandardCharsets.UTF_8)), Sha256.ofLines(lines));
    }

    private static String jdk(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
