package io.shebao.audit;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Objects;

/**
 * 签名私钥: an Ed25519 private key that signs audit records. Ed25519 signatures are deterministic, so the
 * same record signed twice gives the same bytes.
 *
 * @param keyId the id of its public key ({@link AuditKeys#keyId})
 */
public record SigningKey(PrivateKey key, String keyId) {
    public SigningKey {
        Objects.requireNonNull(key);
        Objects.requireNonNull(keyId);
    }

    byte[] sign(byte[] content) {
        try {
            Signature s = Signature.getInstance(AuditKeys.ALGORITHM);
            s.initSign(key);
            s.update(content);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId + "]";
    }
}
