package io.shebao.certificate;

import io.shebao.population.RowError;

import static com.google.common.base.Preconditions.checkArgument;

/** One roster record as read: a person, or the error that kept it from being one. Exactly one is non-null. */
public record RosterRow(RosterEntry entry, RowError error) {
    public RosterRow {
        checkArgument((entry == null) != (error == null), "a roster row is an entry or an error");
    }

    public static RosterRow of(RosterEntry e) {
        return new RosterRow(e, null);
    }

    public static RosterRow of(RowError e) {
        return new RosterRow(null, e);
    }
}
