package io.shebao.internal.facts;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** Writes factors as percentages for messages (1.2 → "120"). */
public final class Percent {
    private Percent() {
    }

    public static String of(BigDecimal factor) {
        return factor.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    public static String list(List<BigDecimal> factors) {
        return factors.stream().map(Percent::of).collect(Collectors.joining(", "));
    }
}
