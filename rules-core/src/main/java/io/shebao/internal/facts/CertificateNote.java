package io.shebao.internal.facts;

import io.shebao.trace.Message;

/** A warning a certificate rule raises (an assumption, a payment after the deadline). */
public record CertificateNote(Message message) {
    public CertificateNote(String code, String zh, String en) {
        this(new Message(code, zh, en));
    }
}
