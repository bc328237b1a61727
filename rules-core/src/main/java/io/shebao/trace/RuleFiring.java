package io.shebao.trace;

import com.google.common.collect.Interner;
import com.google.common.collect.Interners;

/**
 * One rule that fired, with the metadata it carries in its DRL file.
 *
 * @param id         the rule's {@code @id}, stable across releases
 * @param name       the rule's name (the condition it checks)
 * @param legalBasis {@code @legalBasis}: the law, document and article
 * @param source     {@code @source}: seed file and item code, or the document cited
 */
public record RuleFiring(String id, String name, String legalBasis, String source) {
    /** Weak: a firing lives as long as some result or trace holds it, and rule bases may come and go. */
    private static final Interner<RuleFiring> INTERNED = Interners.newWeakInterner();

    /**
     * The one shared instance equal to this firing: a batch or a replay holds thousands of traces that name the
     * same few rules, and each should not carry its own copy of the rule's name and legal basis.
     */
    public RuleFiring interned() {
        return INTERNED.intern(this);
    }
}
