package io.shebao.parameter;

import java.util.Locale;

/** How sure a value is: where it was read. */
public enum Provenance {
    /** Stated in a source document shipped in the project's seeds (file and item code in the reference). */
    SEED,
    /** A national law or State Council text, cited by name and number. */
    LAW,
    /** Reported by secondary sources, not yet checked against the issuing office: shown in every result that uses it. */
    SECONDARY,
    /**
     * 推定: inferred by the maintainers where no document states the value (e.g. a reduced rate extended
     * again), with the reasoning in the reference. Every result that uses one carries an {@code ASSUMED_VALUE}
     * warning; strict mode ({@code ShebaoRules.builder().strict()}) treats it as unknown.
     */
    ASSUMED,
    /** A hypothetical value from a what-if scenario (假设情景), not a rule in force; never valid in a parameter file. */
    SCENARIO;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Provenance parse(String s) {
        for (Provenance p : values()) {
            if (p.code().equals(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException("provenance must be one of seed, law, secondary, assumed");
    }
}
