package io.shebao.examples;

import io.shebao.ShebaoRules;
import io.shebao.audit.AuditRecord;
import io.shebao.audit.AuditWriter;
import io.shebao.audit.Explanation;
import io.shebao.audit.Language;
import io.shebao.audit.ReplayOutcome;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Optional;

/**
 * How a payroll system keeps audit records: one canonical JSON line per answer, appended to a JSONL file,
 * replayed later against the library of the day, and read out in words.
 *
 * <p>Run: {@code mvn -q -pl examples exec:java -Dexec.mainClass=io.shebao.examples.AuditExample}
 */
public final class AuditExample {
    private AuditExample() {
    }

    public static void main(String[] args) throws Exception {
        ShebaoRules rules = ShebaoRules.load();
        ContributionResult r = rules.contribution(
                ContributionRequest.builder("yichang", YearMonth.of(2023, 5)).wage("3450").riskClass(1).build());
        AuditRecord record = rules.audit().record(r);

        Path file = Files.createTempFile("shebao-audit", ".jsonl");
        AuditRecord stored;
        try {
            try (AuditWriter w = AuditWriter.append(file, Optional.empty(), Optional.empty())) {
                w.write(record);
            }
            System.out.println("wrote an audit record (digest " + record.digest() + ")");
            // Years later: read the line back and recompute with today's library.
            stored = AuditRecord.parse(Files.readAllLines(file).get(0));
        } finally {
            Files.deleteIfExists(file); // an example leaves nothing behind
        }
        ReplayOutcome o = rules.replay(stored);
        System.out.println("replay: " + o.status().code() + " " + o.subject());
        System.out.print(Explanation.of(stored, Language.ZH).text());
    }
}
