package io.shebao.batch;

import io.shebao.contribution.BaseAdjustment;
import io.shebao.contribution.ContributionLine;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.contribution.ContributionTotals;
import io.shebao.trace.Message;
import io.shebao.trace.Trace;

import java.util.List;
import java.util.Objects;

/**
 * A contribution as batch work reports it: the amounts, how the base was obtained, the warnings and the trace
 * of a {@link ContributionResult}, without the notes (they repeat the wage in words and are not part of the
 * batch output; {@code --audit-out} records carry complete results).
 */
public record PlannedContribution(ContributionRequest request, List<ContributionLine> lines,
                                  ContributionTotals totals, BaseAdjustment baseAdjustment, List<Message> warnings,
                                  Trace trace) {
    public PlannedContribution {
        Objects.requireNonNull(request);
        lines = List.copyOf(lines);
        Objects.requireNonNull(totals);
        Objects.requireNonNull(baseAdjustment);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(trace);
    }

    public static PlannedContribution of(ContributionResult r) {
        return new PlannedContribution(r.request(), r.lines(), r.totals(), r.baseAdjustment(), r.warnings(), r.trace());
    }
}
