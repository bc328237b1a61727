package io.shebao.cli;

import io.shebao.audit.AuditKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;

@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Ed25519 keys for signing audit records (签名密钥).",
        subcommands = {KeysCommand.Generate.class})
final class KeysCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Write a new key pair: shebao-audit.key (private, keep it secret; for --sign-key) and "
                    + "shebao-audit.pub (public, for auditors; for --verify-key). Never overwrites.",
                    "Example: shebao keys generate --out keys/"})
    static final class Generate implements Runnable {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the two PEM files into.")
        Path out;

        @Override
        public void run() {
            AuditKeys.Generated g = AuditKeys.generate(out);
            PrintWriter w = spec.commandLine().getOut();
            w.println("private key (keep secret, for --sign-key): " + g.privateKey());
            w.println("public key (for auditors, --verify-key):   " + g.publicKey());
            w.println("key id: " + g.keyId());
            w.flush();
        }
    }
}
