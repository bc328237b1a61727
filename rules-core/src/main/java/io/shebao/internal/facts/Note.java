package io.shebao.internal.facts;

import io.shebao.trace.Message;

/** A remark a rule attaches to the result (a note, not an error). */
public final class Note {
    private final Message message;

    public Note(String code, String zh, String en) {
        this.message = new Message(code, zh, en);
    }

    public Message getMessage() {
        return message;
    }
}
