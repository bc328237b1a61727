package io.shebao.internal.facts;

import io.shebao.contribution.Insurance;

/**
 * 免征单位缴费部分: the employer's share of an insurance is exempt this month (inserted by the exemption rules
 * before any line is computed; absent = the share is due). Employee shares are never exempt.
 */
public final class EmployerExempt {
    private final Insurance insurance;

    public EmployerExempt(Insurance insurance) {
        this.insurance = insurance;
    }

    public Insurance getInsurance() {
        return insurance;
    }

    /** The insurance's catalogue code: rules match on it ({@code Applicable(code == "pension")}). */
    public String getCode() {
        return insurance.code();
    }

    @Override
    public String toString() {
        return "EmployerExempt[" + insurance.code() + "]";
    }
}
