package io.shebao.certificate;

import io.shebao.contribution.ContributionLine;
import io.shebao.population.CsvText;
import io.shebao.population.RowError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The certificate's details file (人员缴费明细): one CSV line per person, month and insurance charged or refunded,
 * written as the roster streams. Text cells that a spreadsheet would run as a formula (starting with = + - @,
 * a tab or a carriage return) are written with a leading apostrophe.
 */
public final class CertificateDetails {
    public static final String HEADER = "row,id,name,month,kind,scope,insurance,base,employer_rate,employee_rate,employer,employee,total,rule";

    private CertificateDetails() {
    }

    /** The lines of one person's bill (none when nothing is charged or refunded). */
    public static void write(Writer out, PersonBill b) {
        StringBuilder sb = new StringBuilder(256);
        for (PersonMonth m : b.months()) {
            for (ContributionLine l : m.lines()) {
                sb.append(b.row()).append(',');
                cell(sb, b.id());
                sb.append(',');
                cell(sb, b.name());
                sb.append(',').append(m.month()).append(',').append(m.kind().name()).append(',').append(m.scope().name())
                        .append(',').append(l.insurance().code()).append(',').append(l.base().toPlainString()).append(',')
                        .append(l.employerRate().toPlainString()).append(',').append(l.employeeRate().toPlainString())
                        .append(',').append(l.employer().toPlainString()).append(',').append(l.employee().toPlainString())
                        .append(',').append(l.total().toPlainString()).append(',').append(m.ruleId()).append('\n');
            }
        }
        append(out, sb);
    }

    /** One line of the error file {@code row,id,field,value,reason}, with the same neutralised cells. */
    public static void write(Writer out, RowError e) {
        StringBuilder sb = new StringBuilder(128);
        sb.append(e.row()).append(',');
        cell(sb, e.id());
        sb.append(',');
        cell(sb, e.field());
        sb.append(',');
        cell(sb, e.value());
        sb.append(',');
        cell(sb, e.reason());
        sb.append('\n');
        append(out, sb);
    }

    /** A text cell, neutralised against formula injection, then RFC 4180 quoted. */
    public static void cell(StringBuilder sb, String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        CsvText.append(sb, s);
    }

    private static void append(Writer out, CharSequence s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
