package io.shebao.internal.hash;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * SHA-256 in lower-case hex: the one content hash of the library (audit records, rule sets, parameter sets,
 * scenarios), so that every hash an auditor sees is computed the same way. Guava's {@link Hashing#sha256()}
 * computes it; its {@code HashCode.toString()} is the lower-case hex of the digest bytes.
 */
public final class Sha256 {
    private static final HashFunction SHA_256 = Hashing.sha256();

    private Sha256() {
    }

    /** A hasher for content fed in pieces (the rule set's files); {@code hash().toString()} gives the hex. */
    public static Hasher newHasher() {
        return SHA_256.newHasher();
    }

    public static String of(byte[] bytes) {
        return SHA_256.hashBytes(bytes).toString();
    }

    public static String of(String text) {
        return SHA_256.hashString(text, StandardCharsets.UTF_8).toString();
    }

    /** The hash of lines, each encoded in UTF-8 and ended by a newline (callers sort them for canonical order). */
    public static String ofLines(List<String> lines) {
        Hasher h = SHA_256.newHasher();
        for (String l : lines) {
            h.putString(l, StandardCharsets.UTF_8).putByte((byte) '\n');
        }
        return h.hash().toString();
    }
}
