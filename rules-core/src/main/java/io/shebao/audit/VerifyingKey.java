package io.shebao.audit;

import java.security.PublicKey;
import java.util.Objects;

/**
 * 验签公钥: the Ed25519 public key an auditor uses to check that records were signed by its owner.
 *
 * <p>A final class with a record's constructor, accessors, equality, hash and text (it was a record): it also
 * keeps what verification derives from the key once (its decoded point), see {@link Ed25519Engine}.
 */
public final class VerifyingKey {
    private final PublicKey key;
    private final String keyId;
    private volatile Ed25519Engine.Verifier verifier; // derived on first use; immutable, so a race only repeats it

    public VerifyingKey(PublicKey key, String keyId) {
        this.key = Objects.requireNonNull(key);
        this.keyId = Objects.requireNonNull(keyId);
    }

    public PublicKey key() {
        return key;
    }

    public String keyId() {
        return keyId;
    }

    boolean verifies(byte[] content, byte[] signature) {
        Ed25519Engine.Verifier v = verifier;
        if (v == null) {
            v = new Ed25519Engine.Verifier(key);
            verifier = v;
        }
        return v.verifies(content, signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifyingKey k && key.equals(k.key) && keyId.equals(k.keyId);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + keyId.hashCode();
    }

    @Override
    public String toString() {
        return "VerifyingKey[key=" + key + ", keyId=" + keyId + "]";
    }
}
