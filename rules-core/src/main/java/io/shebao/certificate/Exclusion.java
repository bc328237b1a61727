package io.shebao.certificate;

import io.shebao.trace.Message;

/** 不核定人员: a roster person the certificate lists but does not charge this month, and why. */
public record Exclusion(long row, String id, String name, Message reason, String ruleId) {
}
