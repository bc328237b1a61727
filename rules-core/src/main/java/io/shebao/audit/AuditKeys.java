package io.shebao.audit;

import io.shebao.internal.hash.Sha256;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * 签名密钥对: Ed25519 key pairs for signing audit records, as PEM files readable by OpenSSL: the
 * signing file holds the private key (PKCS#8 {@code PRIVATE KEY}) and its public key (X.509
 * {@code PUBLIC KEY}); the public file holds the public key only and is what an auditor receives.
 */
public final class AuditKeys {
    public static final String ALGORITHM = "Ed25519";
    public static final String PRIVATE_FILE = "shebao-audit.key";
    public static final String PUBLIC_FILE = "shebao-audit.pub";

    private AuditKeys() {
    }

    /** The two files written by {@link #generate(Path)}. */
    public record Generated(Path privateKey, Path publicKey, String keyId) {
    }

    /** Writes a new key pair into the directory; never overwrites an existing key. */
    public static Generated generate(Path dir) {
        if (dir.toString().isBlank()) {
            // an empty path is the current folder: a private key is never written there by accident
            throw io.shebao.ShebaoException.invalid("out", "", "a directory for the key files, not an empty path");
        }
        KeyPair kp;
        try {
            kp = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
        Path priv = dir.resolve(PRIVATE_FILE);
        Path pub = dir.resolve(PUBLIC_FILE);
        for (Path p : new Path[]{priv, pub}) {
            if (Files.exists(p)) {
                throw ShebaoException.invalid("out", p.toString(), "a key file is never overwritten: choose an empty directory");
            }
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(priv, pem("PRIVATE KEY", kp.getPrivate().getEncoded())
                            + pem("PUBLIC KEY", kp.getPublic().getEncoded()), StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW);
            restrictToOwner(priv);
            Files.writeString(pub, pem("PUBLIC KEY", kp.getPublic().getEncoded()), StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw ShebaoException.invalid("out", e.getFile(), "a key file is never overwritten: choose an empty directory");
        } catch (IOException e) {
            throw ShebaoException.invalid("out", dir.toString(), "a writable directory (" + e.getMessage() + ")");
        }
        return new Generated(priv, pub, keyId(kp.getPublic()));
    }

    /**
     * Reads a signing key file: an Ed25519 private key (PKCS#8 PEM) followed by its public key (X.509 PEM),
     * as {@link #generate(Path)} writes it. The public half names the key in signatures (key id) and is
     * checked to belong to the private half.
     */
    public static SigningKey readSigningKey(Path file) {
        byte[] der = der(file, "PRIVATE KEY", "sign-key");
        byte[] pubDer = der(file, "PUBLIC KEY", "sign-key");
        try {
            KeyFactory kf = KeyFactory.getInstance(ALGORITHM);
            PrivateKey k = kf.generatePrivate(new PKCS8EncodedKeySpec(der));
            PublicKey p = kf.generatePublic(new X509EncodedKeySpec(pubDer));
            SigningKey sk = new SigningKey(k, keyId(p));
            byte[] probe = "shebao key pair check".getBytes(StandardCharsets.US_ASCII);
            if (!new VerifyingKey(p, sk.keyId()).verifies(probe, sk.sign(probe))) {
                throw ShebaoException.invalid("sign-key", file.toString(), "the PUBLIC KEY block must belong to the PRIVATE KEY block");
            }
            return sk;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw ShebaoException.invalid("sign-key", file.toString(), "an Ed25519 private key in PKCS#8 PEM followed by its public key (shebao keys generate)");
        }
    }

    /** Reads an X.509 PEM Ed25519 public key. */
    public static VerifyingKey readVerifyingKey(Path file) {
        byte[] der = der(file, "PUBLIC KEY", "verify-key");
        try {
            PublicKey k = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
            return new VerifyingKey(k, keyId(k));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw ShebaoException.invalid("verify-key", file.toString(), "an Ed25519 public key in X.509 PEM (shebao keys generate)");
        }
    }

    /** Key id: the first 16 hex digits of the SHA-256 of the X.509 encoding of the public key. */
    public static String keyId(PublicKey k) {
        return Sha256.of(k.getEncoded()).substring(0, 16);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(Path file, String type, String option) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw ShebaoException.invalid(option, file.toString(), "a readable key file");
        }
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) {
            throw ShebaoException.invalid(option, file.toString(), "a PEM file with a " + type + " block (shebao keys generate)");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
        } catch (IllegalArgumentException ex) {
            throw ShebaoException.invalid(option, file.toString(), "a PEM file with valid base64");
        }
    }

    private static void restrictToOwner(Path p) {
        try {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: the caller protects the key
        }
    }
}
