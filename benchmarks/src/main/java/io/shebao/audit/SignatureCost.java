package io.shebao.audit;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.IntConsumer;

/**
 * CPU milliseconds per Ed25519 signature and verification of a row's digest (64 ASCII hex digits), one thread:
 * the JDK as every row was signed before stop 15 (a Signature object per row), the JDK with one Signature object
 * kept, and {@link Ed25519Engine} (docs/PERFORMANCE.md, "Issue 13, stop 15"). In package io.shebao.audit because
 * the engine is package-private. Run: java [-XX:TieredStopAtLevel=1] -cp benchmarks/target/benchmarks.jar:benchmarks/target/lib/*
 * io.shebao.audit.SignatureCost [operations, default 5000]
 */
public final class SignatureCost {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[][] msgs = new byte[n][];
        java.util.Random r = new java.util.Random(15);
        for (int i = 0; i < n; i++) {
            byte[] d = new byte[32];
            r.nextBytes(d);
            msgs[i] = HexFormat.of().formatHex(d).getBytes(StandardCharsets.US_ASCII);
        }
        Ed25519Engine.Signer engineSigner = new Ed25519Engine.Signer(kp.getPrivate());
        Ed25519Engine.Verifier engineVerifier = new Ed25519Engine.Verifier(kp.getPublic());
        byte[][] sigs = new byte[n][];
        Signature kept = Signature.getInstance("Ed25519");
        kept.initSign(kp.getPrivate());
        Signature keptV = Signature.getInstance("Ed25519");
        keptV.initVerify(kp.getPublic());
        byte[] pk = Arrays.copyOfRange(kp.getPublic().getEncoded(), 12, 44);
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(pk, 0);
        boolean[] ok = {true};
        for (int round = 0; round < 2; round++) { // the first round warms up the JIT
            boolean print = round == 1;
            time(print, "JDK sign, a Signature per row (main)", n, i -> sigs[i] = Ed25519Engine.jdkSign(kp.getPrivate(), msgs[i]));
            time(print, "JDK sign, one Signature kept", n, i -> {
                try {
                    kept.update(msgs[i]);
                    ok[0] &= Arrays.equals(kept.sign(), sigs[i]);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            time(print, "Ed25519Engine sign (Bouncy Castle)", n, i -> ok[0] &= Arrays.equals(engineSigner.sign(msgs[i]), sigs[i]));
            time(print, "JDK verify, a Signature per row (main)", n, i -> ok[0] &= Ed25519Engine.jdkVerifies(kp.getPublic(), msgs[i], sigs[i]));
            time(print, "JDK verify, one Signature kept", n, i -> {
                try {
                    keptV.update(msgs[i]);
                    ok[0] &= keptV.verify(sigs[i]);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            time(print, "Ed25519Engine verify (BC verify + order of R)", n, i -> ok[0] &= engineVerifier.verifies(msgs[i], sigs[i]));
            time(print, "  of which BC verify", n, i -> ok[0] &= Ed25519.verify(sigs[i], 0, point, msgs[i], 0, msgs[i].length));
            time(print, "  of which order of R (validatePublicKeyFull)", n, i -> ok[0] &= Ed25519.validatePublicKeyFull(sigs[i], 0));
        }
        if (!ok[0]) {
            throw new IllegalStateException("a signature differed or did not verify");
        }
        System.out.println("all signatures identical to the JDK's and verified");
    }

    private static void time(boolean print, String what, int n, IntConsumer op) {
        long t0 = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            op.accept(i);
        }
        long t1 = CPU.getCurrentThreadCpuTime();
        if (print) {
            System.out.printf("%-50s %8.4f ms CPU per operation (%d)%n", what, (t1 - t0) / 1e6 / n, n);
        }
    }
}
