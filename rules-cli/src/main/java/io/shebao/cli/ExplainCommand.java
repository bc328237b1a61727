package io.shebao.cli;

import io.shebao.audit.AuditTrailReader;
import io.shebao.audit.AuditRecord;
import io.shebao.audit.Explanation;
import io.shebao.audit.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import io.shebao.audit.AuditKeys;
import io.shebao.audit.AuditLines;
import io.shebao.audit.VerifyingKey;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Read audit records out in words (计算说明): each amount, the rule that produced it, its legal basis, "
                + "and the parameter values with their documents. Built from the record alone.",
                "Example: shebao explain audit.jsonl --lang en --line 3"})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Audit records, one JSON line each (from --audit-out).")
    Path file;

    @Option(names = "--lang", defaultValue = "zh", paramLabel = "LANG", description = "zh (default) or en.")
    Language lang = Language.ZH;

    @Option(names = "--line", paramLabel = "N", description = "Explain only the record on line N.")
    Long only;

    @Option(names = "--verify-key", paramLabel = "FILE",
            description = "Ed25519 public key (shebao-audit.pub): check each record's signature before explaining it.")
    Path verifyKey;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw CliException.badInput("FILE", file.toString(), "an audit file (JSONL, from --audit-out) that exists");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean zh = lang.chinese();
        int exit = 0;
        long n = 0;
        boolean first = true;
        Optional<VerifyingKey> key = Optional.ofNullable(verifyKey).map(AuditKeys::readVerifyingKey);
        AuditTrailReader trail = new AuditTrailReader();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            AuditLines lines = new AuditLines(r); // bounded: a huge line is reported, not loaded
            while (lines.next()) {
                n = lines.number();
                if (lines.oversized()) {
                    if (only == null || n == only) {
                        err.println("shebao: line " + n + ": longer than " + lines.limit()
                                + " characters; not an audit record (docs/LIMITS.md)");
                        exit = 2;
                    }
                    continue;
                }
                String l = lines.text();
                // a version-2 header is read even when another line is asked for: its rows need it
                boolean header = AuditTrailReader.mayBeHeader(l) && trail.header(l, n).isPresent();
                if (l.isBlank() || header || (only != null && n != only)) {
                    if (header && only != null && n == only) {
                        err.println("shebao: line " + n + " is a header or messages line of a version-2 audit trail, not a record;"
                                + " explain one of the lines after it");
                        exit = 2;
                    }
                    continue;
                }
                AuditTrailReader.Entry entry = AuditTrailReader.row(l, n, trail.header(), trail.whyNoHeader());
                if (entry instanceof AuditTrailReader.Unreadable u) {
                    err.println("shebao: line " + n + ": " + u.problem());
                    exit = 2;
                    continue;
                }
                AuditRecord rec = ((AuditTrailReader.Record) entry).record();
                if (!first) {
                    out.println();
                }
                first = false;
                out.println("— " + (zh ? "第 " + n + " 行" : "line " + n) + " —");
                // checked before the record is presented as fact: digest, then signature
                if (!rec.digestMatches()) {
                    out.println(zh ? "警告：记录摘要与内容不符，此记录已被改动（shebao replay 可显示改动之处）"
                            : "WARNING: the digest does not match the content: this record was altered (shebao replay shows where)");
                    exit = 2;
                }
                String seal = seal(rec, key, zh);
                out.println(seal);
                if (seal.startsWith(zh ? "警告" : "WARNING")) {
                    exit = 2;
                }
                TerminalText.printWrapped(out, Explanation.of(rec, lang).text());
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CliException(2, "FILE: '" + file + "' cannot be read: " + e.getMessage());
        }
        if (only != null && n < only) {
            throw CliException.badInput("--line", String.valueOf(only), "the file has " + n + " lines");
        }
        out.flush();
        return exit;
    }

    /** One line on the record's digest and signature, so that nothing is presented as fact unchecked. */
    private static String seal(AuditRecord rec, Optional<VerifyingKey> key, boolean zh) {
        Optional<AuditRecord.Signature> sig = rec.signature();
        if (key.isEmpty()) {
            if (sig.isEmpty()) {
                return zh ? "摘要：" + (rec.digestMatches() ? "一致" : "不符") + "；未签名（无法证明记录来源）"
                        : "digest " + (rec.digestMatches() ? "matches" : "does NOT match") + "; not signed (its origin cannot be proven)";
            }
            return zh ? "摘要：" + (rec.digestMatches() ? "一致" : "不符") + "；有签名（密钥 " + sig.get().keyId()
                    + "），未验证：用 --verify-key 验证"
                    : "digest " + (rec.digestMatches() ? "matches" : "does NOT match") + "; signed by key " + sig.get().keyId()
                    + ", signature NOT verified: give --verify-key FILE to check it";
        }
        VerifyingKey k = key.get();
        if (sig.isEmpty()) {
            return zh ? "警告：记录未签名，而要求验证签名（密钥 " + k.keyId() + "）"
                    : "WARNING: the record is not signed, and signatures are being verified (key " + k.keyId() + ")";
        }
        if (!sig.get().keyId().equals(k.keyId())) {
            return zh ? "警告：记录由密钥 " + sig.get().keyId() + " 签名，不是验证密钥 " + k.keyId()
                    : "WARNING: signed with key " + sig.get().keyId() + ", not with the verifying key " + k.keyId();
        }
        if (!rec.signatureVerifies(k)) {
            return zh ? "警告：签名验证失败：签名后内容被改动，或签名是伪造的"
                    : "WARNING: the signature does not verify: the content was changed after signing, or the signature is forged";
        }
        return zh ? "签名已验证（密钥 " + k.keyId() + "）" : "signature verified (key " + k.keyId() + ")";
    }
}
