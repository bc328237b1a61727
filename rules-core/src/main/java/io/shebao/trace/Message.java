package io.shebao.trace;

import java.util.Objects;

/**
 * A note or warning attached to a result, in words a counter officer can read out, in Chinese and English.
 *
 * @param code stable machine code, e.g. {@code WAGE_BELOW_FLOOR}
 */
public record Message(String code, String zh, String en) {
    public Message {
        Objects.requireNonNull(code);
        Objects.requireNonNull(zh);
        Objects.requireNonNull(en);
    }

    public String text(boolean chinese) {
        return chinese ? zh : en;
    }
}
