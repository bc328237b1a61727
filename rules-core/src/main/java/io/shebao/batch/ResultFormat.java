package io.shebao.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.contribution.ContributionLine;
import io.shebao.contribution.Insurance;
import io.shebao.internal.json.Json;
import io.shebao.internal.output.PlainDecimal;
import io.shebao.internal.output.Utf8Buffer;
import io.shebao.population.CsvText;
import io.shebao.population.RowError;
import io.shebao.trace.Message;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;

/**
 * How batch results are written: one line per input row, in input order.
 *
 * <p>CSV columns: {@code row, id, region, period, base_adjustment, total_employer, total_employee, total},
 * then for each insurance in the order pension, unemployment, work_injury, medical, maternity:
 * {@code <ins>_base, <ins>_employer_rate, <ins>_employee_rate, <ins>_employer, <ins>_employee} (empty where the
 * insurance does not apply; the employee amount includes a fixed amount such as 大额医疗), then
 * {@code warnings} (codes separated by {@code ;}), and {@code retirement_month} when the input has retirement
 * columns (empty for a row that leaves them blank). Decimals are plain ({@code 552.00}), rates as factors
 * ({@code 0.16}). JSONL: one object per row with {@code row}, {@code id} and the result as
 * {@code shebao contribution --format json} writes it, without notes and trace.
 */
public enum ResultFormat {
    CSV, JSONL;

    private static final String[] ADJUSTMENT = java.util.Arrays.stream(io.shebao.contribution.BaseAdjustment.values())
            .map(a -> a.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

    public static ResultFormat of(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jsonl") || n.endsWith(".ndjson") ? JSONL : CSV;
    }

    /** The header line (with its line end), or empty for JSONL; no retirement column. */
    public String header() {
        return header(false);
    }

    /** The header, with the column {@code retirement_month} last when the input has retirement fields. */
    public String header(boolean retirement) {
        if (this == JSONL) {
            return "";
        }
        StringBuilder sb = new StringBuilder("row,id,region,period,base_adjustment,total_employer,total_employee,total");
        for (Insurance i : Insurance.values()) {
            String c = i.code();
            sb.append(',').append(c).append("_base,").append(c).append("_employer_rate,").append(c)
                    .append("_employee_rate,").append(c).append("_employer,").append(c).append("_employee");
        }
        sb.append(",warnings");
        return sb.append(retirement ? ",retirement_month\n" : "\n").toString();
    }

    /** One output line, with its line end (no retirement column). */
    public void append(StringBuilder sb, long row, String id, PlannedContribution c) {
        append(sb, row, id, c, false, Optional.empty());
    }

    /**
     * One output line, with its line end.
     *
     * @param retirement       whether the header has {@code retirement_month}
     * @param retirementMonth  the month the statutory retirement age is reached (法定退休年月), when asked
     */
    public void append(StringBuilder sb, long row, String id, PlannedContribution c, boolean retirement,
                       Optional<YearMonth> retirementMonth) {
        if (this == JSONL) {
            ObjectNode o = json(row, id, c);
            retirementMonth.ifPresent(m -> o.put("retirementMonth", m.toString()));
            sb.append(Json.write(o, false)).append('\n');
            return;
        }
        sb.append(row).append(',');
        CsvText.append(sb, id);
        sb.append(',');
        CsvText.append(sb, c.request().region());
        sb.append(',');
        month(sb, c.request().period()).append(',').append(ADJUSTMENT[c.baseAdjustment().ordinal()]).append(',');
        // amounts and rates straight into the line, the characters of toPlainString (PlainDecimal)
        PlainDecimal.append(sb, c.totals().employer()).append(',');
        PlainDecimal.append(sb, c.totals().employee()).append(',');
        PlainDecimal.append(sb, c.totals().total());
        ContributionLine[] byInsurance = new ContributionLine[Insurance.values().size()];
        for (ContributionLine l : c.lines()) {
            byInsurance[l.insurance().index()] = l;
        }
        for (ContributionLine l : byInsurance) {
            if (l == null) {
                sb.append(",,,,,");
            } else {
                sb.append(',');
                PlainDecimal.append(sb, l.base()).append(',');
                PlainDecimal.append(sb, l.employerRate()).append(',');
                PlainDecimal.append(sb, l.employeeRate()).append(',');
                PlainDecimal.append(sb, l.employer()).append(',');
                PlainDecimal.append(sb, l.employee());
            }
        }
        sb.append(',');
        for (int i = 0; i < c.warnings().size(); i++) {
            sb.append(i == 0 ? "" : ";").append(c.warnings().get(i).code());
        }
        if (retirement) {
            sb.append(',');
            retirementMonth.ifPresent(sb::append);
        }
        sb.append('\n');
    }

    /**
     * The same line as {@link #append(StringBuilder, long, String, PlannedContribution, boolean, Optional)}, as
     * the UTF-8 bytes of it: for a batch that writes to a stream (issue 13: no character form of the results,
     * no second copy to encode it). JSONL lines are made as text and encoded.
     */
    void append(Utf8Buffer out, long row, String id, PlannedContribution c, boolean retirement,
                Optional<YearMonth> retirementMonth) {
        if (this == JSONL) {
            StringBuilder sb = new StringBuilder(512);
            append(sb, row, id, c, retirement, retirementMonth);
            out.text(sb);
            return;
        }
        out.number(row).ascii(',');
        csvField(out, id);
        out.ascii(',');
        csvField(out, c.request().region());
        out.ascii(',');
        month(out, c.request().period()).ascii(',').text(ADJUSTMENT[c.baseAdjustment().ordinal()]).ascii(',');
        out.decimal(c.totals().employer()).ascii(',');
        out.decimal(c.totals().employee()).ascii(',');
        out.decimal(c.totals().total());
        ContributionLine[] byInsurance = new ContributionLine[Insurance.values().size()];
        for (ContributionLine l : c.lines()) {
            byInsurance[l.insurance().index()] = l;
        }
        for (ContributionLine l : byInsurance) {
            if (l == null) {
                out.text(",,,,,");
            } else {
                out.ascii(',').decimal(l.base()).ascii(',').decimal(l.employerRate()).ascii(',')
                        .decimal(l.employeeRate()).ascii(',').decimal(l.employer()).ascii(',').decimal(l.employee());
            }
        }
        out.ascii(',');
        for (int i = 0; i < c.warnings().size(); i++) {
            if (i > 0) {
                out.ascii(';');
            }
            out.text(c.warnings().get(i).code());
        }
        if (retirement) {
            out.ascii(',');
            retirementMonth.ifPresent(m -> out.text(m.toString()));
        }
        out.ascii('\n');
    }

    /**
     * The same field as {@link CsvText#append(StringBuilder, String)}, as UTF-8 bytes: a field that needs neither
     * the formula guard nor quotes (an id, a region code) is copied as it is, any other goes through the text form.
     */
    static void csvField(Utf8Buffer out, String text) {
        if (plain(text)) {
            out.text(text);
            return;
        }
        StringBuilder sb = new StringBuilder(text.length() + 8);
        CsvText.append(sb, text);
        out.text(sb);
    }

    /** True when {@link CsvText#append(StringBuilder, String)} writes the text as it is (see SpreadsheetSafe). */
    private static boolean plain(String s) {
        int n = s.length();
        if (n > 0) {
            char first = s.charAt(0);
            if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
                return false; // perhaps a formula: the guard decides
            }
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    private static Utf8Buffer month(Utf8Buffer out, YearMonth m) {
        int year = m.getYear();
        if (year < 1000 || year > 9999) {
            return out.text(m.toString());
        }
        int month = m.getMonthValue();
        return out.number(year).text(month < 10 ? "-0" : "-").number(month);
    }

    /** {@link YearMonth#toString()} without its builder: {@code 2025-09}; other years as YearMonth writes them. */
    private static StringBuilder month(StringBuilder sb, YearMonth m) {
        int year = m.getYear();
        if (year < 1000 || year > 9999) {
            return sb.append(m);
        }
        int month = m.getMonthValue();
        return sb.append(year).append(month < 10 ? "-0" : "-").append(month);
    }

    private static ObjectNode json(long row, String id, PlannedContribution c) {
        ObjectNode o = Json.object();
        o.put("row", row).put("id", id);
        o.put("region", c.request().region()).put("period", c.request().period().toString());
        o.put("baseAdjustment", c.baseAdjustment().name());
        ArrayNode lines = o.putArray("lines");
        for (ContributionLine l : c.lines()) {
            ObjectNode n = lines.addObject();
            n.put("insurance", l.insurance().code()).put("base", Json.decimal(l.base()))
                    .put("employerRate", Json.decimal(l.employerRate()))
                    .put("employeeRate", Json.decimal(l.employeeRate()))
                    .put("employer", Json.decimal(l.employer())).put("employee", Json.decimal(l.employee()));
            if (l.employeeFixed().signum() != 0) {
                n.put("employeeFixed", Json.decimal(l.employeeFixed()));
            }
        }
        o.putObject("totals").put("employer", Json.decimal(c.totals().employer()))
                .put("employee", Json.decimal(c.totals().employee())).put("total", Json.decimal(c.totals().total()));
        ArrayNode w = o.putArray("warnings");
        for (Message m : c.warnings()) {
            w.addObject().put("code", m.code()).put("zh", m.zh()).put("en", m.en());
        }
        return o;
    }

    /** The error file's header: {@code row,id,field,value,reason} ({@link RowError#HEADER}), with its line end. */
    public static String errorHeader() {
        return RowError.HEADER + "\n";
    }

    /** One error line (RFC 4180 quoted where needed), with its line end. */
    public static void appendError(StringBuilder sb, long row, String id, String field, String value, String reason) {
        new RowError(row, id, field, value, reason).appendCsv(sb);
    }
}
