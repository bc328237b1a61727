package io.shebao.population;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, streaming: quoted fields may hold commas, doubled quotes and line breaks; a leading BOM is
 * skipped; records end in LF or CRLF; blank lines are skipped. Written here (not a library) because the
 * rules of the format are few and a record that breaks them must become an error row, not an exception.
 */
final class CsvPopulationReader extends StreamingPopulationReader {
    private static final int EOF = -1;
    private static final String[] NONE = new String[0];

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private final Columns columns;
    private final int idIndex;
    private long record;

    // state of the record being read
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private String problem;
    /** Characters of the record being read, and the most a record may have. */
    private long recordChars;
    private final int maxRecordChars;

    CsvPopulationReader(PopulationReader.ByteCount bytes, int maxRecordChars) {
        super(bytes);
        this.maxRecordChars = maxRecordChars;
        this.in = new InputStreamReader(bytes, PopulationReader.strictUtf8());
        int first = read();
        if (first != '\uFEFF' && first != EOF) {
            pos--; // not a BOM: read it again
        }
        String[] header = first == EOF ? null : readRecord();
        if (header == null) {
            throw new ShebaoException(ErrorCode.INVALID_INPUT, "in", "", "in: the file is empty; a population CSV starts with a header row, e.g. id,region,period,wage,risk_class");
        }
        if (problem != null) {
            throw new ShebaoException(ErrorCode.INVALID_INPUT, "in", "header", "in: the header row cannot be read: " + problem);
        }
        List<String> names = new ArrayList<>(header.length);
        for (String h : header) {
            names.add(h.strip());
        }
        this.columns = new Columns(names);
        this.idIndex = columns.indexOf(PopulationColumns.ID);
    }

    @Override
    public Columns columns() {
        return columns;
    }

    @Override
    PopulationRow advance() {
        String[] rec = readRecord();
        if (rec == null) {
            return null;
        }
        record++;
        String id = idIndex >= 0 && idIndex < rec.length ? rec[idIndex] : "";
        if (problem != null) {
            return PopulationRow.malformed(record, id, columns, problem);
        }
        if (rec.length != columns.size()) {
            return PopulationRow.malformed(record, id, columns,
                    "the record has " + rec.length + " fields; the header has " + columns.size());
        }
        return new PopulationRow(record, id, columns, rec, "");
    }

    /** The next non-blank record, or null at the end; sets {@link #problem} when it is malformed. */
    private String[] readRecord() {
        while (true) {
            fields.clear();
            field.setLength(0);
            problem = null;
            int c = read();
            if (c == EOF) {
                return null;
            }
            if (c == '\n') {
                continue; // blank line
            }
            if (c == '\r') {
                if (peek() == '\n') {
                    read();
                }
                continue;
            }
            pos--;
            recordChars = 0;
            return readFields();
        }
    }

    private String[] readFields() {
        boolean quoted = false;
        boolean afterQuote = false;
        while (true) {
            if (!quoted && !afterQuote && field.length() == 0 && pos < len && buf[pos] != '"') {
                // fast path: an unquoted field that ends inside the buffer becomes a String in one copy,
                // with the same record-size accounting as the loop below (its characters and the delimiter)
                int i = pos;
                char d = 0;
                while (i < len) {
                    d = buf[i];
                    if (d == ',' || d == '\n' || d == '\r') {
                        break;
                    }
                    i++;
                }
                if (i < len && recordChars + (i - pos + 1) <= maxRecordChars) {
                    fields.add(new String(buf, pos, i - pos));
                    recordChars += i - pos + 1;
                    pos = i + 1;
                    if (d == ',') {
                        continue;
                    }
                    if (d == '\r' && peek() == '\n') {
                        read();
                    }
                    return fields.toArray(NONE);
                }
            }
            int c = read();
            if (++recordChars > maxRecordChars && c != EOF) {
                return oversized(quoted);
            }
            if (quoted) {
                if (c == EOF) {
                    problem = "a quoted field is not closed before the end of the file";
                    fields.add(field.toString());
                    return fields.toArray(NONE);
                }
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        field.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    field.append((char) c);
                }
                continue;
            }
            if (c == ',' ) {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == EOF) {
                fields.add(field.toString());
                return fields.toArray(NONE);
            } else if (c == '\r') {
                if (peek() == '\n') {
                    read();
                }
                fields.add(field.toString());
                return fields.toArray(NONE);
            } else if (afterQuote) {
                if (problem == null) {
                    problem = "unexpected character '" + (char) c + "' after a closing quote in field "
                            + (fields.size() + 1) + " (a quote inside a quoted field is written twice: \"\")";
                }
                field.append((char) c);
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else {
                field.append((char) c); // a quote inside an unquoted field is kept as text
            }
        }
    }

    /**
     * The record is longer than the limit (an unclosed quote, a runaway field): it becomes a malformed row
     * and reading resumes after the next line break, so one bad record costs at most the limit in memory.
     */
    private String[] oversized(boolean quoted) {
        field.setLength(0); // the fields read so far stay (the id, when it came first)
        problem = "the record is longer than " + maxRecordChars + " characters" + (quoted
                ? " (a quoted field is probably never closed)" : "")
                + "; skipped up to the next line break (limit: --max-record-size, docs/LIMITS.md)";
        for (int c = read(); c != EOF && c != '\n'; c = read()) {
            // discard the rest of the line; the next record starts after it
        }
        return fields.toArray(NONE);
    }

    private int read() {
        if (pos >= len && !fill()) {
            pos = len + 1; // so that pos-- after EOF stays at EOF
            return EOF;
        }
        return buf[pos++];
    }

    private int peek() {
        if (pos >= len && !fill()) {
            return EOF;
        }
        return buf[pos];
    }

    private boolean fill() {
        try {
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                len = 0;
                pos = 0;
                return false;
            }
            len = n;
            pos = 0;
            return true;
        } catch (IOException e) {
            throw PopulationReader.failed(e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
