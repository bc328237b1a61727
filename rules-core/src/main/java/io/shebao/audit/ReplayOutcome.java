package io.shebao.audit;

import io.shebao.trace.RuleFiring;

import java.util.List;
import java.util.Optional;

/**
 * 重放结果: what replaying one record found.
 *
 * @param line             the record's line number in its file (0 when replayed through the API)
 * @param subject          a short label of the question, e.g. {@code contribution yichang 2023-05}
 * @param problems         why the record is invalid (unreadable, digest, signature); empty otherwise
 * @param differences      recorded vs recomputed fields that differ (also for an invalid but readable record)
 * @param parameterChanges parameter values the two traces disagree on
 * @param rules            the rules that produced the differing fields, from either trace
 * @param notes            hash and version differences and other things the auditor should know
 * @param recomputed       today's record for the same request, when it could be recomputed
 */
public record ReplayOutcome(long line, ReplayStatus status, String subject, List<String> problems,
                            List<FieldDifference> differences, List<ParameterChange> parameterChanges,
                            List<RuleFiring> rules, List<String> notes, Optional<AuditRecord> recomputed) {
    public ReplayOutcome {
        problems = List.copyOf(problems);
        differences = List.copyOf(differences);
        parameterChanges = List.copyOf(parameterChanges);
        rules = List.copyOf(rules);
        notes = List.copyOf(notes);
    }

    public static ReplayOutcome unreadable(long line, String problem) {
        return new ReplayOutcome(line, ReplayStatus.INVALID, "", List.of(problem), List.of(), List.of(), List.of(),
                List.of(), Optional.empty());
    }
}
