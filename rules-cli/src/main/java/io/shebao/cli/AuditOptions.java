package io.shebao.cli;

import io.shebao.audit.AuditKeys;
import io.shebao.audit.AuditRecord;
import io.shebao.audit.AuditWriter;
import io.shebao.audit.Explanation;
import io.shebao.audit.Language;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Audit options of every evaluating command: write records, sign them, explain the answer. Commands that
 * evaluate many rows (batch, what-if) open one {@link AuditWriter} with {@link #openWriter()} and write
 * each row's record to it.
 */
final class AuditOptions {
    @Option(names = "--audit-out", paramLabel = "FILE",
            description = "Append the audit record of the evaluation to FILE (one canonical JSON line; see docs/AUDIT.md).")
    Path auditOut;

    @Option(names = "--sign-key", paramLabel = "FILE",
            description = "Sign the audit record with this Ed25519 key file (from `shebao keys generate`); needs --audit-out.")
    Path signKey;

    @Option(names = "--audit-time",
            description = "Add evaluatedAt to the audit record (outside the sealed content; without it identical evaluations give identical lines).")
    boolean auditTime;

    @Option(names = "--explain",
            description = "Also print a readable account: each amount, the rule that produced it, its legal basis and the parameters with their documents.")
    boolean explain;

    @Option(names = "--lang", defaultValue = "zh", paramLabel = "LANG",
            description = "Language of --explain: zh (default) or en.")
    Language lang = Language.ZH;

    /** The writer for --audit-out, or empty; the caller closes it. */
    Optional<AuditWriter> openWriter() {
        if (signKey != null && auditOut == null) {
            throw new CliException(2, "--sign-key: '" + signKey + "' needs --audit-out FILE to write the signed record to");
        }
        if (auditOut == null) {
            return Optional.empty();
        }
        // appending a record to the private key file would destroy the key
        io.shebao.internal.output.PathClash.check(signKey == null ? java.util.List.of()
                        : java.util.List.of(io.shebao.internal.output.PathClash.of("--sign-key", signKey)),
                java.util.List.of(io.shebao.internal.output.PathClash.of("--audit-out", auditOut)));
        Optional<io.shebao.audit.SigningKey> key = Optional.ofNullable(signKey).map(AuditKeys::readSigningKey);
        return Optional.of(AuditWriter.append(auditOut, key, auditTime ? Optional.of(Clock.systemUTC()) : Optional.empty()));
    }

    /** The trail (format version 2 or 3) for --audit-out of a command evaluating many rows, or empty; the caller closes it. */
    Optional<io.shebao.audit.AuditTrailWriter> openTrail(io.shebao.ShebaoRules rules, int version) {
        if (signKey != null && auditOut == null) {
            throw new CliException(2, "--sign-key: '" + signKey + "' needs --audit-out FILE to write the signed record to");
        }
        if (auditOut == null) {
            return Optional.empty();
        }
        Optional<io.shebao.audit.SigningKey> key = Optional.ofNullable(signKey).map(AuditKeys::readSigningKey);
        return Optional.of(io.shebao.audit.AuditTrailWriter.append(auditOut, rules, key,
                auditTime ? Optional.of(Clock.systemUTC()) : Optional.empty(), version));
    }

    /** True when the command must build the audit record at all. */
    boolean wanted() {
        return auditOut != null || signKey != null || explain;
    }

    /** For a command answering one question: writes the record if asked. */
    void write(AuditRecord record) {
        Optional<AuditWriter> w = openWriter();
        if (w.isPresent()) {
            try (AuditWriter writer = w.get()) {
                writer.write(record);
            }
        }
    }

    /** The explanation of the record, when --explain is given. */
    Optional<Explanation> explanation(AuditRecord record) {
        return explain ? Optional.of(Explanation.of(record, lang)) : Optional.empty();
    }

    static void print(PrintWriter out, Explanation e) {
        out.println();
        TerminalText.printWrapped(out, e.text());
    }
}
