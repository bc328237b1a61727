package io.shebao.certificate;

import io.shebao.trace.Message;
import io.shebao.trace.Trace;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * 社会保险费应缴认定单: what the unit owes on this certificate.
 *
 * @param number        征集通知单据号 as this library numbers it: issue date + 8 digits of the content hash (the
 *                      tax office's own number is assigned when the certificate is synchronised)
 * @param lines         per insurance: 单位缴纳金额, 个人缴纳金额, 利息, 滞纳金, 应缴合计
 * @param total         实际应缴金额合计
 * @param totalInWords  the total in Chinese capitals (人民币大写)
 * @param collection    征集明细: current month and each back-paid month
 * @param persons       each person's months (empty when the certificate was streamed to a sink)
 * @param personCount   roster rows that were computed
 * @param rowsInError   roster rows in error (left out; the certificate is then partial)
 * @param excluded      people listed but not charged, with the reason
 * @param needsApproval months not computed online
 * @param refunds       months refundable online
 * @param deadline      缴费截止日期
 * @param warnings      assumptions and problems the reader must see
 * @param notes         how the dates were counted, secondary sources used
 */
public record Certificate(CertificateUnit unit, YearMonth period, LocalDate issuedOn, LocalDate payOn, LocalDate deadline,
                          String number, List<CertificateLine> lines, BigDecimal total, String totalInWords,
                          List<CollectionItem> collection, List<PersonBill> persons, long personCount, long rowsInError,
                          List<Exclusion> excluded, List<ApprovalItem> needsApproval, List<Refund> refunds,
                          BigDecimal refundTotal, List<Message> warnings, List<Message> notes, Trace trace) {
    public Certificate {
        lines = List.copyOf(lines);
        collection = List.copyOf(collection);
        persons = List.copyOf(persons);
        excluded = List.copyOf(excluded);
        needsApproval = List.copyOf(needsApproval);
        refunds = List.copyOf(refunds);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    /** Issued for the valid rows only: some roster rows were in error. */
    public boolean partial() {
        return rowsInError > 0;
    }

    /** The same certificate with each person's months (a streamed certificate's persons, collected by its sink). */
    public Certificate withPersons(List<PersonBill> all) {
        return new Certificate(unit, period, issuedOn, payOn, deadline, number, lines, total, totalInWords, collection, all,
                personCount, rowsInError, excluded, needsApproval, refunds, refundTotal, warnings, notes, trace);
    }

    public Optional<CertificateLine> line(io.shebao.contribution.Insurance insurance) {
        return lines.stream().filter(l -> l.insurance() == insurance).findFirst();
    }
}
