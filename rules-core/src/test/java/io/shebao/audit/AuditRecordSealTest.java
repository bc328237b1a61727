package io.shebao.audit;

import io.shebao.internal.hash.Sha256;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.internal.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sealing, parsing and signing without any rules: the record format on its own. */
class AuditRecordSealTest {
    private static AuditRecord sample() {
        ObjectNode c = Json.object().put("format", "shebao-audit").put("formatVersion", 1).put("kind", "contribution")
                .put("libraryVersion", "0.1.0").put("ruleSetHash", "r").put("parameterSetHash", "p");
        c.putArray("parameterLayers").add("bundled");
        c.putObject("request").put("region", "yichang").put("period", "2023-05").put("wage", "3450");
        c.putObject("result").putObject("totals").put("total", "869.40");
        c.putObject("trace").putArray("rules");
        return AuditRecord.seal(c);
    }

    @Test
    void digestIsSha256OfTheCanonicalContent() {
        AuditRecord r = sample();
        assertEquals(Sha256.of(r.canonicalContent()), r.digest());
        assertTrue(r.line().startsWith(r.canonicalContent().substring(0, r.canonicalContent().length() - 1) + ",\"digest\":\""));
        assertEquals(r.line(), AuditRecord.parse(r.line()).line());
    }

    @Test
    void escapedNonAsciiInTheLineGivesTheSameDigest() {
        AuditRecord r = sample();
        String escaped = r.line().replace("yichang", "yich\\u0061ng");
        assertTrue(AuditRecord.parse(escaped).digestMatches());
        assertFalse(AuditRecord.parse(r.line().replace("3450", "3451")).digestMatches());
    }

    @Test
    void signatureCoversTheContent(@TempDir Path dir) {
        AuditKeys.Generated g = AuditKeys.generate(dir);
        SigningKey sk = AuditKeys.readSigningKey(g.privateKey());
        VerifyingKey vk = AuditKeys.readVerifyingKey(g.publicKey());
        assertEquals(g.keyId(), sk.keyId());
        AuditRecord s = sample().signedWith(sk);
        assertEquals(s.line(), sample().signedWith(sk).line(), "Ed25519 is deterministic");
        assertTrue(AuditRecord.parse(s.line()).signatureVerifies(vk));
        assertFalse(AuditRecord.parse(s.line().replace("869.40", "896.40")).signatureVerifies(vk));
        VerifyingKey other = AuditKeys.readVerifyingKey(AuditKeys.generate(dir.resolve("other")).publicKey());
        assertFalse(AuditRecord.parse(s.line()).signatureVerifies(other));
    }
}
