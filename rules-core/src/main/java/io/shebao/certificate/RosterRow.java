package io.shebao.certificate;

import io.shebao.population.RowError;

/** One roster record as read: a person, or the error that kept it from being one. Exactly one is non-null. */
public record RosterRow(RosterEntry entry, RowError error) {
    public RosterRow {
        if ((entry == null) == (error == null)) {
            throw new IllegalArgumentException("a roster row is an entry or an error");
        }
    }

    public static RosterRow of(RosterEntry e) {
        return new RosterRow(e, null);
    }

    public static RosterRow of(RowError e) {
        return new RosterRow(null, e);
    }
}
