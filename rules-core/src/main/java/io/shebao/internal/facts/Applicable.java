package io.shebao.internal.facts;

import io.shebao.contribution.Insurance;

/** An insurance to be computed in this evaluation. */
public final class Applicable {
    private final Insurance insurance;

    public Applicable(Insurance insurance) {
        this.insurance = insurance;
    }

    public Insurance getInsurance() {
        return insurance;
    }

    /** The insurance's catalogue code: rules match on it ({@code Applicable(code == "pension")}). */
    public String getCode() {
        return insurance.code();
    }
}
