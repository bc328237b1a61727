package io.shebao.certificate;

import io.shebao.trace.Message;

import java.time.YearMonth;

/**
 * 需审批: months of a person that are not computed online (an older back payment, a refund outside the window),
 * with the service item to declare and the materials to bring.
 */
public record ApprovalItem(long row, String id, String name, YearMonth from, YearMonth to, Message reason, String ruleId) {
}
