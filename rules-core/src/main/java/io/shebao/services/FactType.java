package io.shebao.services;

/** The type of a fact a check reads; the CLI and API take every fact as text and parse it by its type. */
public enum FactType {
    /** yes / no (also true/false, 是/否). */
    FLAG("yes/no"),
    /** A whole number ≥ 0. */
    COUNT("a whole number ≥ 0"),
    /** A rate: 0.018 or 1.8%. */
    RATE("a rate such as 0.018 or 1.8%"),
    /** YYYY-MM-DD. */
    DATE("a date YYYY-MM-DD"),
    /** YYYY-MM. */
    MONTH("a month YYYY-MM"),
    /** One of the allowed codes. */
    CHOICE("one of the allowed codes");

    private final String allowed;

    FactType(String allowed) {
        this.allowed = allowed;
    }

    public String allowed() {
        return allowed;
    }
}
