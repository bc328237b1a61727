package io.shebao.population;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of a population file (参保人员名单的一行): its row number, its id and its fields by column name.
 *
 * @param rowNumber 1 for the first record after the CSV header (records, not physical lines: a quoted field
 *                  may span lines); for JSONL the line number
 * @param id        the {@code id} field, empty when absent
 * @param malformed why the record could not be read (a quote left open, a wrong number of fields), or empty;
 *                  a malformed row has no fields
 */
public record PopulationRow(long rowNumber, String id, Columns columns, String[] values, String malformed) {
    public PopulationRow {
        Objects.requireNonNull(id);
        Objects.requireNonNull(columns);
        Objects.requireNonNull(values);
        Objects.requireNonNull(malformed);
    }

    static PopulationRow malformed(long rowNumber, String id, Columns columns, String reason) {
        return new PopulationRow(rowNumber, id, columns, new String[0], reason);
    }

    public boolean isMalformed() {
        return !malformed.isEmpty();
    }

    /** The field of the column, if the file has that column (the value may be empty). */
    public Optional<String> field(String column) {
        int i = columns.indexOf(column);
        return i < 0 || i >= values.length ? Optional.empty() : Optional.ofNullable(values[i]);
    }

    /** The field, trimmed, if the column exists and the value is not blank. */
    public Optional<String> nonBlank(String column) {
        return Optional.ofNullable(text(column));
    }

    /** The field, trimmed, or null when the column is absent or the value blank (for per-row parsing). */
    public String text(String column) {
        return textAt(columns.indexOf(column));
    }

    /**
     * As {@link #text(String)}, by the column's position in {@link #columns()} (-1: absent), for a parser that
     * looked its columns up once per file rather than by name on every row.
     */
    public String textAt(int i) {
        if (i < 0 || i >= values.length || values[i] == null) {
            return null;
        }
        String s = values[i];
        int n = s.length();
        if (n == 0) {
            return null;
        }
        char first = s.charAt(0);
        char last = s.charAt(n - 1);
        if (first > ' ' && first < 0x7F && last > ' ' && last < 0x7F) {
            return s; // what strip() returns: no ASCII character above the space is white space
        }
        s = s.strip();
        return s.isEmpty() ? null : s;
    }

    /** Every field by column name, in column order (a copy; use {@link #field} in hot loops). */
    public Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length && i < columns.size(); i++) {
            if (values[i] != null) {
                m.put(columns.name(i), values[i]);
            }
        }
        return m;
    }
}
