package io.shebao.audit;

import java.security.PrivateKey;
import java.util.Objects;

/**
 * 签名私钥: an Ed25519 private key that signs audit records. Ed25519 signatures are deterministic, so the
 * same record signed twice gives the same bytes.
 *
 * <p>A final class with a record's constructor, accessors, equality and hash (it was a record): it also keeps
 * what signing derives from the key once (the seed and public key), see {@link Ed25519Engine}.
 */
public final class SigningKey {
    private final PrivateKey key;
    private final String keyId;
    private volatile Ed25519Engine.Signer signer; // derived on first use; immutable, so a race only repeats it

    /** @param keyId the id of its public key ({@link AuditKeys#keyId}) */
    public SigningKey(PrivateKey key, String keyId) {
        this.key = Objects.requireNonNull(key);
        this.keyId = Objects.requireNonNull(keyId);
    }

    public PrivateKey key() {
        return key;
    }

    public String keyId() {
        return keyId;
    }

    byte[] sign(byte[] content) {
        Ed25519Engine.Signer s = signer;
        if (s == null) {
            s = new Ed25519Engine.Signer(key);
            signer = s;
        }
        return s.sign(content);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigningKey k && key.equals(k.key) && keyId.equals(k.keyId);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + keyId.hashCode();
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId + "]";
    }
}
