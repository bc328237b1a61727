package io.shebao.internal.facts;

import io.shebao.contribution.BaseAdjustment;

import java.math.BigDecimal;

/** 缴费基数 decided by the base rules, shared by every insurance line. */
public final class Base {
    private final BigDecimal amount;
    private final BaseAdjustment adjustment;

    public Base(BigDecimal amount, BaseAdjustment adjustment) {
        this.amount = amount;
        this.adjustment = adjustment;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public BaseAdjustment getAdjustment() {
        return adjustment;
    }
}
