package io.shebao.population;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;

import java.time.YearMonth;
import java.util.Objects;

/**
 * A population row that cannot be computed, as a line of the error file {@code row,id,field,value,reason}
 * written by {@code shebao batch} and {@code shebao whatif}: its row number ({@link PopulationRow#rowNumber()}),
 * its id, the column (or parameter) at fault, the value as written and why.
 */
public record RowError(long row, String id, String field, String value, String reason) {
    /** Header of the error file. */
    public static final String HEADER = "row,id,field,value,reason";

    public RowError {
        Objects.requireNonNull(id);
        Objects.requireNonNull(field);
        Objects.requireNonNull(value);
        Objects.requireNonNull(reason);
    }

    /**
     * The error of a row from the exception that rejected it: the field is the population column the user
     * wrote ({@link ContributionRowParser#column}).
     *
     * @param prefix put before the message, e.g. {@code "under the scenario: "}; may be empty
     * @param period the row's period when the failure came from computing its contribution: a parameter not
     *               known for that period ({@link ErrorCode#PARAMETER_UNKNOWN}) is then the fault of the
     *               {@code period} column (the parameter is named in the reason); null otherwise
     */
    public static RowError of(PopulationRow row, ShebaoException e, String prefix, YearMonth period) {
        String field = e.field().map(ContributionRowParser::column).orElse("");
        String value = e.value().orElse("");
        if (e.code() == ErrorCode.PARAMETER_UNKNOWN && period != null) {
            field = PopulationColumns.PERIOD;
            value = period.toString();
        }
        return new RowError(row.rowNumber(), row.id(), field, value, prefix + e.getMessage());
    }

    /** This error as a line of the error file, with its line end (RFC 4180 quoting). */
    public void appendCsv(StringBuilder sb) {
        sb.append(row).append(',');
        CsvText.append(sb, id);
        sb.append(',');
        CsvText.append(sb, field);
        sb.append(',');
        CsvText.append(sb, value);
        sb.append(',');
        CsvText.append(sb, reason);
        sb.append('\n');
    }

    /** This error as a line of the error file, without its line end. */
    public String csv() {
        StringBuilder sb = new StringBuilder();
        appendCsv(sb);
        return sb.substring(0, sb.length() - 1);
    }
}
