package io.shebao.internal.facts;

import io.shebao.trace.Message;

/**
 * 提示: a rule's warning that the result is incomplete or rests on something unknown (e.g. a fixed amount the
 * parameters do not know); it ends in the result's warnings, beside ASSUMED_VALUE, not in its notes.
 */
public final class Caution {
    private final Message message;

    public Caution(String code, String zh, String en) {
        this.message = new Message(code, zh, en);
    }

    public Message getMessage() {
        return message;
    }
}
