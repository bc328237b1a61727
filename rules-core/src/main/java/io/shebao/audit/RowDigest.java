package io.shebao.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * 行摘要: the digests of a section's version-2 rows, SHA-256 of the header's digest (as computed from the header's
 * content), a line feed, and the row's canonical content (docs/AUDIT.md, "Digest and signature of a row"). The
 * one computation behind both the writer's seal and replay's check; {@link AuditHeader#rowDigest} is its plain
 * definition, which the tests compare it with. The state after the header's 65 bytes (one 64-byte block
 * compressed) is computed once per header and cloned for each row. Immutable; thread-safe (the kept state is
 * only ever cloned).
 */
final class RowDigest {
    private static final HexFormat HEX = HexFormat.of();
    private final MessageDigest afterHeader;

    private RowDigest(String headerDigest) {
        try {
            this.afterHeader = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
        afterHeader.update((headerDigest + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The rows of the header whose computed digest is {@code headerDigest}. */
    static RowDigest under(String headerDigest) {
        return new RowDigest(headerDigest);
    }

    /** The digest of the row whose canonical content is {@code content[0, length)} in UTF-8. */
    String of(byte[] content, int length) {
        MessageDigest md = start();
        md.update(content, 0, length);
        return HEX.formatHex(md.digest());
    }

    /**
     * The digest of the row whose canonical content is {@code content[from, from + length)} in UTF-8, as 32 bytes into
     * {@code digest} (the writer puts their hexadecimal digits straight into the row's line).
     */
    void of(byte[] content, int from, int length, byte[] digest) {
        MessageDigest md = start();
        md.update(content, from, length);
        try {
            md.digest(digest, 0, 32);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("SHA-256 gives 32 bytes", e);
        }
    }

    /**
     * The digest of the row whose canonical content is {@code content[0, end)} followed by a closing brace: a
     * line read back, cut before its seal keys, whose content's closing brace is the line's own last one.
     */
    String ofClosed(byte[] content, int end) {
        MessageDigest md = start();
        md.update(content, 0, end);
        md.update((byte) '}');
        return HEX.formatHex(md.digest());
    }

    String of(String content) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        return of(b, b.length);
    }

    private MessageDigest start() {
        try {
            return (MessageDigest) afterHeader.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }
}
