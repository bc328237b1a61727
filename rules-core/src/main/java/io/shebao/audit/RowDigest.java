package io.shebao.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * 行摘要: a version-2 row's digest, SHA-256 of the header's digest (as computed from the header's content), a
 * line feed, and the row's canonical content (docs/AUDIT.md, "Digest and signature of a row"). The one
 * computation behind both the writer's seal and replay's check. The state after the header's 65 bytes (one
 * 64-byte block compressed) is kept per header digest and cloned for each row.
 */
final class RowDigest {
    private static final HexFormat HEX = HexFormat.of();
    /** The last header digest asked for and SHA-256 having read it and its line feed; a file has one or a few. */
    private static volatile Object[] afterHeader = {"", null};

    private RowDigest() {
    }

    /** The digest of the row whose canonical content is {@code content[0, length)} in UTF-8. */
    static String of(String headerDigest, byte[] content, int length) {
        MessageDigest md = afterHeader(headerDigest);
        md.update(content, 0, length);
        return HEX.formatHex(md.digest());
    }

    /**
     * The digest of the row whose canonical content is {@code content[0, end)} followed by a closing brace: a
     * line read back, cut before its seal keys, whose content's closing brace is the line's own last one.
     */
    static String ofClosed(String headerDigest, byte[] content, int end) {
        MessageDigest md = afterHeader(headerDigest);
        md.update(content, 0, end);
        md.update((byte) '}');
        return HEX.formatHex(md.digest());
    }

    static String of(String headerDigest, String content) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        return of(headerDigest, b, b.length);
    }

    private static MessageDigest afterHeader(String headerDigest) {
        Object[] a = afterHeader;
        try {
            if (a[0].equals(headerDigest)) {
                return (MessageDigest) ((MessageDigest) a[1]).clone();
            }
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((headerDigest + "\n").getBytes(StandardCharsets.UTF_8));
            afterHeader = new Object[]{headerDigest, md};
            return (MessageDigest) md.clone();
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
