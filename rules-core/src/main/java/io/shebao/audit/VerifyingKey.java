package io.shebao.audit;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Objects;

/** 验签公钥: the Ed25519 public key an auditor uses to check that records were signed by its owner. */
public record VerifyingKey(PublicKey key, String keyId) {
    public VerifyingKey {
        Objects.requireNonNull(key);
        Objects.requireNonNull(keyId);
    }

    boolean verifies(byte[] content, byte[] signature) {
        try {
            Signature s = Signature.getInstance(AuditKeys.ALGORITHM);
            s.initVerify(key);
            s.update(content);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
