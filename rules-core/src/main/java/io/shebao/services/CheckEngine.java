package io.shebao.services;

/** How an item's conditions are decided. */
public enum CheckEngine {
    /** The services rule base (DRL under io/shebao/rules/services/). */
    RULES,
    /** The retirement rules, through {@code ShebaoRules#retirement}: no second copy of retirement logic. */
    RETIREMENT,
    /** Not decidable from facts a caller can supply: the guide's conditions in words, to verify. */
    DOCUMENTS
}
