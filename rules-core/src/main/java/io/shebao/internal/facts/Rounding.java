package io.shebao.internal.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** 舍入规则: how amounts are rounded, read from the rounding parameters. */
public final class Rounding {
    private final int scale;
    private final RoundingMode mode;

    public Rounding(int scale, String mode) {
        this.scale = scale;
        this.mode = RoundingMode.valueOf(mode);
    }

    public BigDecimal apply(BigDecimal amount) {
        return amount.setScale(scale, mode);
    }

    public int getScale() {
        return scale;
    }

    public RoundingMode getMode() {
        return mode;
    }
}
