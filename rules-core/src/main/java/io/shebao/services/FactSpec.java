package io.shebao.services;

import io.shebao.ShebaoException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * One fact a check reads (snake_case name), its type, whether it must be given, and what it means.
 *
 * @param required an optional fact that is not given turns its condition into "to verify"
 * @param choices  the allowed codes of a {@link FactType#CHOICE}
 */
public record FactSpec(String name, FactType type, boolean required, List<String> choices, String zh, String en) {
    public FactSpec {
        choices = List.copyOf(choices);
    }

    /** What the CLI prints for the fact: {@code laid_off (a whole number ≥ 0)}. */
    public String allowed() {
        return type == FactType.CHOICE ? "one of " + String.join(", ", choices) : type.allowed();
    }

    /** The text as a typed value, or an error naming the fact, the value and what is allowed. */
    public Object parse(String text) {
        String t = text == null ? "" : text.trim();
        try {
            switch (type) {
                case FLAG -> {
                    String l = t.toLowerCase(Locale.ROOT);
                    if (List.of("yes", "y", "true", "是").contains(l)) {
                        return Boolean.TRUE;
                    }
                    if (List.of("no", "n", "false", "否").contains(l)) {
                        return Boolean.FALSE;
                    }
                }
                case COUNT -> {
                    int v = Integer.parseInt(t);
                    if (v >= 0) {
                        return v;
                    }
                }
                case RATE -> {
                    BigDecimal v = t.endsWith("%") ? new BigDecimal(t.substring(0, t.length() - 1).trim()).movePointLeft(2)
                            : new BigDecimal(t);
                    if (v.signum() >= 0 && v.compareTo(BigDecimal.ONE) <= 0) {
                        return v;
                    }
                }
                case DATE -> {
                    return LocalDate.parse(t);
                }
                case MONTH -> {
                    return YearMonth.parse(t);
                }
                case CHOICE -> {
                    if (choices.contains(t)) {
                        return t;
                    }
                }
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // reported below
        }
        throw new ShebaoException(io.shebao.ErrorCode.INVALID_INPUT, "fact " + name, t,
                "fact " + name + ": '" + t + "' is not allowed; allowed: " + allowed());
    }
}
