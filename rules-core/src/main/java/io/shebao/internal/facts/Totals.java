package io.shebao.internal.facts;

import io.shebao.contribution.ContributionLine;
import io.shebao.contribution.ContributionTotals;

import java.util.List;

/** The totals fact, inserted once all lines are in. */
public final class Totals {
    private final ContributionTotals totals;

    public Totals(List<ContributionLine> lines) {
        this.totals = ContributionTotals.of(lines);
    }

    public ContributionTotals getTotals() {
        return totals;
    }
}
