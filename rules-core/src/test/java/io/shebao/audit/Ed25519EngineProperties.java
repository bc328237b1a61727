package io.shebao.audit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Ed25519Engine} against the JDK (SunEC), the definition: the same signature bytes for random keys and
 * messages, and the same verdict on honest, tampered and crafted signatures — non-canonical encodings, points
 * of small order, and an R with a component of order 2, 4 or 8, which Bouncy Castle's cofactored equation
 * accepts and the JDK's exact one rejects. The crafted signatures are made here with plain curve arithmetic
 * (BigInteger, RFC 8032 section 5.1), from the signer's own secret scalar, as a forger holding the key could.
 */
class Ed25519EngineProperties {
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    private static final BigInteger D = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger SQRT_M1 = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
    private static final Pt B = decode(HexFormat.of().parseHex("5866666666666666666666666666666666666666666666666666666666666666"));
    /** A point of order 8; its multiples are the 8 points of small order. */
    private static final Pt T8 = decode(HexFormat.of().parseHex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"));
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /** What is done to an honest signature (or key) before both verifiers judge it. */
    enum Edit {
        NONE, MESSAGE_BIT, SIGNATURE_BIT, OTHER_KEY, TRUNCATED, EXTENDED, EMPTY,
        S_PLUS_L,               // S + L: the same point, a non-canonical scalar (RFC 8032 rejects S >= L)
        R_SIGN_BIT,             // the x sign bit of R flipped
        R_SMALL_ORDER,          // R replaced by a point of small order, canonical or not
        R_NON_CANONICAL,        // R replaced by y + p (for the y < 19 that allow it)
        CRAFTED_R_TORSION,      // R = [r]B + T, S = r + k*a: valid cofactored, invalid cofactorless (unless T = 0)
        CRAFTED_R_SMALL_ORDER,  // R = T, S = k*a: valid for the JDK when T is the neutral point
        KEY_TORSION,            // public key A + T (mixed order), signature crafted for it
        KEY_SMALL_ORDER,        // public key of small order, signature crafted for it
        KEY_NON_CANONICAL       // a public key of small order written y + p, signature crafted for it
    }

    @Property(tries = 300)
    void signsTheJdksBytes(@ForAll @Size(32) byte[] seed, @ForAll("messages") byte[] message) throws Exception {
        KeyPair kp = jdkKeyPair(seed);
        byte[] jdk = Ed25519Engine.jdkSign(kp.getPrivate(), message);
        assertArrayEquals(jdk, new Ed25519Engine.Signer(kp.getPrivate()).sign(message));
        // and through the public types, with the key read back from its PKCS#8 encoding as from a key file
        PrivateKey reread = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(kp.getPrivate().getEncoded()));
        assertArrayEquals(jdk, new SigningKey(reread, "k").sign(message));
        assertTrue(new VerifyingKey(kp.getPublic(), "k").verifies(message, jdk));
    }

    @Property(tries = 1500)
    void judgesAsTheJdk(@ForAll @Size(32) byte[] seed, @ForAll @Size(32) byte[] otherSeed, @ForAll("messages") byte[] message,
                        @ForAll Edit edit, @ForAll @IntRange(min = 0, max = 7) int torsion,
                        @ForAll @IntRange(min = 0, max = 511) int bit) throws Exception {
        KeyPair kp = jdkKeyPair(seed);
        PublicKey key = kp.getPublic();
        byte[] m = message;
        byte[] sig = Ed25519Engine.jdkSign(kp.getPrivate(), message);
        BigInteger a = secretScalar(seed);
        Pt t = T8.times(BigInteger.valueOf(torsion));
        switch (edit) {
            case NONE -> {
            }
            case MESSAGE_BIT -> {
                m = Arrays.copyOf(message, Math.max(1, message.length));
                m[bit % m.length] ^= (byte) (1 << (bit % 8));
            }
            case SIGNATURE_BIT -> sig[bit / 8] ^= (byte) (1 << (bit % 8));
            case OTHER_KEY -> key = jdkKeyPair(otherSeed).getPublic();
            case TRUNCATED -> sig = Arrays.copyOf(sig, bit % 64);
            case EXTENDED -> sig = Arrays.copyOf(sig, 64 + 1 + bit % 8);
            case EMPTY -> sig = new byte[0];
            case S_PLUS_L -> System.arraycopy(le(scalar(sig).add(L)), 0, sig, 32, 32);
            case R_SIGN_BIT -> sig[31] ^= (byte) 0x80;
            case R_SMALL_ORDER -> System.arraycopy(bit % 2 == 0 ? t.encode() : nonCanonical(t.encode()), 0, sig, 0, 32);
            case R_NON_CANONICAL -> {
                byte[] r = new byte[32];
                r[0] = (byte) (bit % 19);
                r[31] = (byte) ((bit & 64) << 1);
                System.arraycopy(nonCanonical(r), 0, sig, 0, 32);
            }
            case CRAFTED_R_TORSION -> sig = craft(B.times(nonce(bit, seed)).plus(t), nonce(bit, seed), a, encodedKey(key), m);
            case CRAFTED_R_SMALL_ORDER -> sig = craft(t, BigInteger.ZERO, a, encodedKey(key), m);
            case KEY_TORSION -> {
                Pt pub = B.times(a).plus(t);
                key = publicKey(pub.encode());
                sig = craft(B.times(nonce(bit, seed)), nonce(bit, seed), a, pub.encode(), m);
            }
            case KEY_SMALL_ORDER -> {
                key = publicKey(t.encode());
                sig = craft(B.times(nonce(bit, seed)), nonce(bit, seed), BigInteger.ZERO, t.encode(), m);
            }
            case KEY_NON_CANONICAL -> {
                byte[] enc = nonCanonical(t.encode()); // changes only the points whose y is 0 or 1
                key = publicKey(enc);
                sig = craft(B.times(nonce(bit, seed)), nonce(bit, seed), BigInteger.ZERO, enc, m);
            }
        }
        if (key == null) {
            return; // the JDK refused to build that key: there is nothing to verify with
        }
        boolean jdk = Ed25519Engine.jdkVerifies(key, m, sig);
        boolean engine = new Ed25519Engine.Verifier(key).verifies(m, sig);
        Statistics.label("edit and JDK verdict").collect(edit, jdk);
        assertEquals(jdk, engine, () -> edit + " torsion " + torsion + ": the JDK says " + jdk);
        assertEquals(jdk, new VerifyingKey(key, "k").verifies(m, sig));
    }

    /** The case the engine's second check exists for: Bouncy Castle alone would accept it, the JDK does not. */
    @Example
    void anROfMixedOrderIsRejectedAsTheJdkDoes() throws Exception {
        byte[] seed = new byte[32];
        seed[0] = 15;
        KeyPair kp = jdkKeyPair(seed);
        byte[] m = "a row's digest".getBytes(StandardCharsets.US_ASCII);
        BigInteger r = BigInteger.valueOf(123456789);
        byte[] crafted = craft(B.times(r).plus(T8), r, secretScalar(seed), encodedKey(kp.getPublic()), m);
        byte[] pk = encodedKey(kp.getPublic());
        assertTrue(org.bouncycastle.math.ec.rfc8032.Ed25519.verify(crafted, 0, pk, 0, m, 0, m.length), "cofactored: valid");
        assertFalse(Ed25519Engine.jdkVerifies(kp.getPublic(), m, crafted), "cofactorless: invalid");
        assertFalse(new Ed25519Engine.Verifier(kp.getPublic()).verifies(m, crafted));
        // and the neutral point as R with S = k*a: the JDK accepts it, the engine must too (Bouncy Castle's
        // accepted R is then of order 1, so the JDK decides)
        byte[] neutral = craft(T8.times(BigInteger.ZERO), BigInteger.ZERO, secretScalar(seed), pk, m);
        assertTrue(Ed25519Engine.jdkVerifies(kp.getPublic(), m, neutral));
        assertTrue(new Ed25519Engine.Verifier(kp.getPublic()).verifies(m, neutral));
    }

    @Provide
    Arbitrary<byte[]> messages() {
        Arbitrary<byte[]> digests = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64)
                .map(s -> s.getBytes(StandardCharsets.US_ASCII));
        return Arbitraries.oneOf(digests, Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
    }

    // ---- keys through the JDK, as `shebao keys generate` makes them ----

    /** The JDK's key pair of this seed: its generator draws the 32-byte private key from the random source. */
    private static KeyPair jdkKeyPair(byte[] seed) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
        g.initialize(255, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
        });
        return g.generateKeyPair();
    }

    private static PublicKey publicKey(byte[] raw) {
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    private static byte[] encodedKey(PublicKey k) {
        byte[] spki = k.getEncoded();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    // ---- RFC 8032 arithmetic, plainly (slow, test only) ----

    private static BigInteger secretScalar(byte[] seed) throws GeneralSecurityException {
        byte[] h = MessageDigest.getInstance("SHA-512").digest(seed);
        byte[] s = Arrays.copyOf(h, 32);
        s[0] &= (byte) 248;
        s[31] &= 127;
        s[31] |= 64;
        return fromLe(s);
    }

    private static BigInteger nonce(int bit, byte[] seed) {
        return fromLe(seed).add(BigInteger.valueOf(bit)).mod(L);
    }

    /** A signature (R, S = r + k*a) whose R need not be [r]B: what a key holder can make of any R. */
    private static byte[] craft(Pt r, BigInteger rScalar, BigInteger a, byte[] pk, byte[] m) throws GeneralSecurityException {
        byte[] encR = r.encode();
        MessageDigest sha = MessageDigest.getInstance("SHA-512");
        sha.update(encR);
        sha.update(pk);
        sha.update(m);
        BigInteger k = fromLe(sha.digest()).mod(L);
        byte[] sig = Arrays.copyOf(encR, 64);
        System.arraycopy(le(rScalar.add(k.multiply(a)).mod(L)), 0, sig, 32, 32);
        return sig;
    }

    private static BigInteger scalar(byte[] sig) {
        return fromLe(Arrays.copyOfRange(sig, 32, 64));
    }

    /** y + p in place of y (possible for y < 19 only), sign bit kept. */
    private static byte[] nonCanonical(byte[] enc) {
        byte[] y = enc.clone();
        int sign = y[31] & 0x80;
        y[31] &= 0x7f;
        BigInteger v = fromLe(y);
        if (v.compareTo(BigInteger.valueOf(19)) >= 0) {
            return enc;
        }
        byte[] out = le(v.add(P));
        out[31] |= (byte) sign;
        return out;
    }

    private static BigInteger fromLe(byte[] b) {
        byte[] be = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            be[i] = b[b.length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    private static byte[] le(BigInteger v) {
        byte[] out = new byte[32];
        byte[] be = v.toByteArray();
        for (int i = 0; i < be.length && i < 32; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }

    private static Pt decode(byte[] enc) {
        byte[] y = enc.clone();
        int sign = (y[31] >> 7) & 1;
        y[31] &= 0x7f;
        BigInteger yy = fromLe(y);
        BigInteger u = yy.multiply(yy).subtract(BigInteger.ONE).mod(P);
        BigInteger v = D.multiply(yy).multiply(yy).add(BigInteger.ONE).mod(P);
        BigInteger x2 = u.multiply(v.modInverse(P)).mod(P);
        BigInteger x = x2.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!x.multiply(x).mod(P).equals(x2)) {
            x = x.multiply(SQRT_M1).mod(P);
        }
        if (!x.multiply(x).mod(P).equals(x2)) {
            throw new IllegalArgumentException("not on the curve");
        }
        if (x.testBit(0) != (sign == 1)) {
            x = P.subtract(x).mod(P);
        }
        return new Pt(x, yy);
    }

    /** An affine point of -x^2 + y^2 = 1 + d x^2 y^2 (the addition law is complete). */
    private record Pt(BigInteger x, BigInteger y) {
        Pt plus(Pt o) {
            BigInteger t = D.multiply(x).multiply(o.x).multiply(y).multiply(o.y).mod(P);
            BigInteger x3 = x.multiply(o.y).add(y.multiply(o.x)).multiply(BigInteger.ONE.add(t).modInverse(P)).mod(P);
            BigInteger y3 = y.multiply(o.y).add(x.multiply(o.x)).multiply(BigInteger.ONE.subtract(t).mod(P).modInverse(P)).mod(P);
            return new Pt(x3, y3);
        }

        Pt times(BigInteger n) {
            Pt r = new Pt(BigInteger.ZERO, BigInteger.ONE);
            for (int i = n.bitLength() - 1; i >= 0; i--) {
                r = r.plus(r);
                if (n.testBit(i)) {
                    r = r.plus(this);
                }
            }
            return r;
        }

        byte[] encode() {
            byte[] out = le(y);
            if (x.testBit(0)) {
                out[31] |= (byte) 0x80;
            }
            return out;
        }
    }

    static {
        // the curve arithmetic above is right: B has order L, T8 order 8
        if (!B.times(L).equals(new Pt(BigInteger.ZERO, BigInteger.ONE))
                || T8.times(BigInteger.valueOf(4)).equals(new Pt(BigInteger.ZERO, BigInteger.ONE))
                || !T8.times(BigInteger.valueOf(8)).equals(new Pt(BigInteger.ZERO, BigInteger.ONE))) {
            throw new IllegalStateException("test curve arithmetic is wrong");
        }
    }
}
