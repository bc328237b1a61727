package io.shebao.contribution;

import io.shebao.trace.Message;
import io.shebao.trace.Trace;

import java.util.List;
import java.util.Optional;

/**
 * The answer to a {@link ContributionRequest}: one line per insurance, the totals, and why.
 *
 * @param baseAdjustment how the base was obtained (within limits, raised to the floor, …, supplied)
 * @param notes          informational remarks (wage below the floor, a secondary source used…)
 * @param warnings       assumptions the caller must see (a value carried forward past its end)
 */
public record ContributionResult(ContributionRequest request, List<ContributionLine> lines,
                                 ContributionTotals totals, BaseAdjustment baseAdjustment, List<Message> notes,
                                 List<Message> warnings, Trace trace) {
    public ContributionResult {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }

    public Optional<ContributionLine> line(Insurance insurance) {
        return lines.stream().filter(l -> l.insurance() == insurance).findFirst();
    }
}
