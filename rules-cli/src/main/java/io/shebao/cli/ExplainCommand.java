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
import java.util.concurrent.Callable;

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
        AuditTrailReader trail = new AuditTrailReader();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                n++;
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
                if (!rec.digestMatches()) {
                    out.println(zh ? "警告：记录摘要与内容不符，此记录已被改动（shebao replay 可显示改动之处）"
                            : "WARNING: the digest does not match the content: this record was altered (shebao replay shows where)");
                    exit = 2;
                }
                out.print(Explanation.of(rec, lang).text());
            }
        } catch (IOException e) {
            throw new CliException(2, "FILE: '" + file + "' cannot be read: " + e.getMessage());
        }
        if (only != null && n < only) {
            throw CliException.badInput("--line", String.valueOf(only), "the file has " + n + " lines");
        }
        out.flush();
        return exit;
    }
}
