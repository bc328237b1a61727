package io.shebao.audit;

import java.util.Locale;

/** 重放结论: how a replayed record compares with today's recomputation. */
public enum ReplayStatus {
    /** Same result and trace, same rule-set and parameter-set hashes. */
    IDENTICAL,
    /** Same result, but the rule set or the parameter set has a different hash (changed without changing this answer). */
    CHANGED_HASH_ONLY,
    /** The recomputed result (or trace, under the same hashes) differs. */
    DIFFERENT,
    /** The line cannot be read, its digest does not match its content, or its signature fails. */
    INVALID;

    /** {@code identical}, {@code changed-hash-only}, {@code different}, {@code invalid}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
