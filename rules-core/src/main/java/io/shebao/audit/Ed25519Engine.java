package io.shebao.audit;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * Ed25519 signing and verification of audit records with Bouncy Castle's RFC 8032 arithmetic instead of the
 * JDK's SunEC, which spends ~0.7-0.8 ms of CPU per signature or verification (docs/PERFORMANCE.md, "Issue 13,
 * stop 15"). The JDK stays the definition:
 * <ul>
 *   <li><b>Signatures</b> are the same bytes: Ed25519 is deterministic, a function of the 32-byte seed (the
 *       private key's {@link EdECPrivateKey#getBytes()}) and the message.</li>
 *   <li><b>Verdicts</b> are the JDK's. Both reject S &ge; L, an R whose y is &ge; p, an R off the curve and the
 *       encoding of x = 0 with the sign bit set; the JDK then checks [S]B = R + [k]A exactly, Bouncy Castle
 *       [8][S]B = [8]R + [8][k]A (cofactored). So, for a public key that Bouncy Castle validates fully
 *       (canonical, of prime order L; checked once per key), a Bouncy Castle "no" is a JDK "no", and a "yes"
 *       is a JDK "yes" when R too is of order L (the two sides then differ by no point of order 8). Anything
 *       else (another key, a signature that is not 64 bytes, an accepted R outside that subgroup: only a
 *       crafted signature has one) is asked of the JDK. {@code Ed25519EngineProperties} checks this.</li>
 * </ul>
 * Thread-safe: the Bouncy Castle methods used are static and keep no state between calls.
 */
final class Ed25519Engine {
    /** X.509 SubjectPublicKeyInfo of an Ed25519 key before its 32 raw bytes (RFC 8410). */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private Ed25519Engine() {
    }

    /** Signs as the JDK would with the same key. */
    static final class Signer {
        private final PrivateKey key;
        private final byte[] seed;      // null: not a plain Ed25519 key, the JDK signs
        private final byte[] publicKey; // RFC 8032 encoding, derived once from the seed

        Signer(PrivateKey key) {
            this.key = key;
            this.seed = seed(key).orElse(null);
            if (seed != null) {
                this.publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
                Ed25519.generatePublicKey(seed, 0, publicKey, 0);
            } else {
                this.publicKey = null;
            }
        }

        byte[] sign(byte[] message) {
            if (seed == null) {
                return jdkSign(key, message);
            }
            byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
            Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, sig, 0);
            return sig;
        }

        private static Optional<byte[]> seed(PrivateKey key) {
            if (key instanceof EdECPrivateKey k && isEd25519(k.getParams())) {
                return k.getBytes().filter(b -> b.length == Ed25519.SECRET_KEY_SIZE);
            }
            return Optional.empty();
        }
    }

    /** Verifies with the JDK's verdicts. */
    static final class Verifier {
        private final PublicKey key;
        private final Ed25519.PublicPoint point; // null: not a fully valid Ed25519 key, the JDK decides

        Verifier(PublicKey key) {
            this.key = key;
            this.point = point(key);
        }

        boolean verifies(byte[] message, byte[] signature) {
            if (point == null || signature.length != Ed25519.SIGNATURE_SIZE) {
                return jdkVerifies(key, message, signature);
            }
            if (!Ed25519.verify(signature, 0, point, message, 0, message.length)) {
                return false;
            }
            // the cofactored equation holds: it is the JDK's exact one when R (the first 32 bytes) has order L
            return Ed25519.validatePublicKeyFull(signature, 0) || jdkVerifies(key, message, signature);
        }

        private static Ed25519.PublicPoint point(PublicKey key) {
            if (!(key instanceof EdECPublicKey k) || !isEd25519(k.getParams())) {
                return null;
            }
            byte[] spki = key.getEncoded();
            if (spki == null || spki.length != SPKI_PREFIX.length + Ed25519.PUBLIC_KEY_SIZE
                    || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
                return null;
            }
            return Ed25519.validatePublicKeyFullExport(spki, SPKI_PREFIX.length);
        }
    }

    private static boolean isEd25519(NamedParameterSpec p) {
        return p != null && NamedParameterSpec.ED25519.getName().equalsIgnoreCase(p.getName());
    }

    /** The JDK's signature, as every row was signed before stop 15. */
    static byte[] jdkSign(PrivateKey key, byte[] message) {
        try {
            Signature s = Signature.getInstance(AuditKeys.ALGORITHM);
            s.initSign(key);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The JDK's verdict: the definition of a valid signature. */
    static boolean jdkVerifies(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance(AuditKeys.ALGORITHM);
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
