package io.shebao.internal.facts;

import java.math.BigDecimal;

/** A daily interest rate the caller supplied for this certificate (may be an explicit zero). */
public record SuppliedRate(BigDecimal dailyRate) {
    public BigDecimal getDailyRate() {
        return dailyRate;
    }
}
