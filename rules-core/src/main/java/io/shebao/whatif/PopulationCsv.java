package io.shebao.whatif;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.Insurance;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * 参保人员名单: a population CSV read one record at a time (UTF-8, header row, comma-separated, RFC 4180
 * quoting, BOM and CRLF tolerated; columns in any order, extra columns ignored). Each record becomes a
 * {@link Person} or a {@link RowError}; none is skipped. Row numbers count records with the header as row 1,
 * as a spreadsheet shows them. A minimal reader for what-if comparisons; {@code shebao batch} reads the same
 * format (the two are to be reconciled).
 *
 * <p>Columns: {@code id}, {@code region}, {@code period} (YYYY-MM), {@code wage} or {@code base},
 * {@code risk_class}, and optionally {@code float_grade}, {@code insurances} (codes separated by ';', ',',
 * '|' or spaces), {@code allow_carry_forward}, and the retirement fields {@code sex}, {@code birth},
 * {@code category}, {@code contribution_months} (kept as given for the retirement comparison).
 */
public final class PopulationCsv implements Closeable {
    /** Columns read; every other column is ignored. */
    public static final List<String> COLUMNS = List.of("id", "region", "period", "wage", "base", "risk_class",
            "float_grade", "insurances", "sex", "birth", "category", "contribution_months");
    private static final List<String> RETIREMENT = List.of("sex", "birth", "category", "contribution_months");

    /** One record: a person whose request could be built, or an error naming the column. */
    public sealed interface Entry permits Person, RowError {
        int row();
    }

    /**
     * A person of the population with the contribution question built from the row.
     *
     * @param wageBand the declared wage, or the base when the row gives a base: what wage bands are made of
     * @param retirement the retirement columns as given (empty cells left out)
     */
    public record Person(int row, String id, ContributionRequest request, BigDecimal wageBand,
                         Map<String, String> retirement) implements Entry {
    }

    /** A row that cannot be computed: its number, id, the column (or parameter) at fault, the value, why. */
    public record RowError(int row, String id, String field, String value, String reason) implements Entry {
        /** Header of the error file. */
        public static final String CSV_HEADER = "row,id,field,value,reason";

        /** This error as a line of the error file (RFC 4180 quoting). */
        public String csv() {
            return row + "," + quote(id) + "," + quote(field) + "," + quote(value) + "," + quote(reason);
        }
    }

    /** A CSV field, quoted when it holds a comma, quote or line break. */
    public static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** Values filled in where the column is absent or the cell empty ({@code --region}, {@code --period}). */
    public record Defaults(Optional<String> region, Optional<YearMonth> period, boolean allowCarryForward) {
        public static Defaults none() {
            return new Defaults(Optional.empty(), Optional.empty(), false);
        }
    }

    private final Reader in;
    private final String file;
    private final Defaults defaults;
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private int headerSize;
    private int row = 1;
    private int pushback = -2;
    private boolean eof;

    private PopulationCsv(Reader in, String file, Defaults defaults) {
        this.in = in;
        this.file = file;
        this.defaults = defaults;
    }

    /**
     * Reads the header and checks the columns.
     *
     * @throws ShebaoException INVALID_INPUT naming the column when a needed one is missing or repeated
     */
    public static PopulationCsv open(Reader in, String file, Defaults defaults) {
        PopulationCsv c = new PopulationCsv(in, file, defaults);
        c.readHeader();
        return c;
    }

    private void readHeader() {
        Record h = record();
        if (h == null) {
            throw fail("population", file + ": the file is empty; expected a header row with id, region, period, wage or base, risk_class");
        }
        headerSize = h.cells.size();
        for (int i = 0; i < h.cells.size(); i++) {
            String name = h.cells.get(i).strip().toLowerCase(Locale.ROOT);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (COLUMNS.contains(name) && columns.put(name, i) != null) {
                throw fail(name, file + ": column '" + name + "' appears twice in the header");
            }
        }
        if (!columns.containsKey("id")) {
            throw fail("id", file + ": no 'id' column; the header needs id, region, period, wage or base, risk_class");
        }
        if (!columns.containsKey("region") && defaults.region().isEmpty()) {
            throw fail("region", file + ": no 'region' column; add it or give --region");
        }
        if (!columns.containsKey("period") && defaults.period().isEmpty()) {
            throw fail("period", file + ": no 'period' column; add it or give --period YYYY-MM");
        }
        if (!columns.containsKey("wage") && !columns.containsKey("base")) {
            throw fail("wage", file + ": no 'wage' or 'base' column; give the declared monthly wage or the contribution base");
        }
    }

    private static ShebaoException fail(String field, String message) {
        return new ShebaoException(ErrorCode.INVALID_INPUT, field, null, message);
    }

    /** The next person or row error; empty at the end of the file. */
    public Optional<Entry> next() {
        while (true) {
            Record r = record();
            if (r == null) {
                return Optional.empty();
            }
            if (r.cells.size() == 1 && r.cells.get(0).isEmpty() && r.problem == null) {
                continue; // a blank line is not a record
            }
            return Optional.of(entry(r));
        }
    }

    private Entry entry(Record r) {
        String id = cell(r, "id");
        if (r.problem != null) {
            return new RowError(r.row, id, "row", "", r.problem);
        }
        if (r.cells.size() != headerSize) {
            return new RowError(r.row, id, "row", String.valueOf(r.cells.size()),
                    "the row has " + r.cells.size() + " fields but the header has " + headerSize);
        }
        if (id.isEmpty()) {
            return new RowError(r.row, id, "id", "", "id is empty; every row needs an id");
        }
        String region = cell(r, "region");
        if (region.isEmpty()) {
            if (defaults.region().isEmpty()) {
                return new RowError(r.row, id, "region", "", "region is empty; give a region code or --region");
            }
            region = defaults.region().get();
        }
        YearMonth period;
        String p = cell(r, "period");
        if (p.isEmpty()) {
            if (defaults.period().isEmpty()) {
                return new RowError(r.row, id, "period", "", "period is empty; give YYYY-MM or --period");
            }
            period = defaults.period().get();
        } else {
            try {
                period = YearMonth.parse(p);
            } catch (DateTimeParseException e) {
                return new RowError(r.row, id, "period", p, "not a month; allowed: YYYY-MM, e.g. 2025-07");
            }
        }
        ContributionRequest.Builder b = ContributionRequest.builder(region, period)
                .allowCarryForward(defaults.allowCarryForward());
        String wage = cell(r, "wage");
        String base = cell(r, "base");
        if (wage.isEmpty() == base.isEmpty()) {
            return new RowError(r.row, id, wage.isEmpty() ? "wage" : "base", wage.isEmpty() ? "" : base,
                    "give exactly one of wage (declared monthly wage) and base (contribution base)");
        }
        String amountColumn = wage.isEmpty() ? "base" : "wage";
        BigDecimal amount = amount(wage.isEmpty() ? base : wage);
        if (amount == null) {
            return new RowError(r.row, id, amountColumn, wage.isEmpty() ? base : wage,
                    "not an amount; allowed: a number of yuan ≥ 0, e.g. 5200 or 5200.50");
        }
        if (wage.isEmpty()) {
            b.base(amount);
        } else {
            b.wage(amount);
        }
        String rc = cell(r, "risk_class");
        if (!rc.isEmpty()) {
            if (!rc.matches("[1-8]")) {
                return new RowError(r.row, id, "risk_class", rc, "not a risk class; allowed: 1 to 8 (一类…八类)");
            }
            b.riskClass(Integer.parseInt(rc));
        }
        String fg = cell(r, "float_grade");
        if (!fg.isEmpty()) {
            BigDecimal g = amount(fg.endsWith("%") ? fg.substring(0, fg.length() - 1) : fg);
            if (g == null || g.signum() <= 0) {
                return new RowError(r.row, id, "float_grade", fg, "not a percentage; allowed: a number > 0, e.g. 100 or 120");
            }
            b.floatGrade(g);
        }
        String ins = cell(r, "insurances");
        if (!ins.isEmpty()) {
            List<Insurance> list = new ArrayList<>();
            for (String code : ins.split("[;,|\\s]+")) {
                if (code.isEmpty()) {
                    continue;
                }
                Optional<Insurance> i = Insurance.fromCode(code.strip().toLowerCase(Locale.ROOT));
                if (i.isEmpty()) {
                    return new RowError(r.row, id, "insurances", code, "unknown insurance; allowed: " + Insurance.allowedCodes());
                }
                list.add(i.get());
            }
            b.insurances(list);
        }
        Map<String, String> retirement = new LinkedHashMap<>();
        for (String c : RETIREMENT) {
            String v = cell(r, c);
            if (!v.isEmpty()) {
                retirement.put(c, v);
            }
        }
        try {
            return new Person(r.row, id, b.build(), amount, Map.copyOf(retirement));
        } catch (ShebaoException e) {
            return PopulationComparison.rowError(r.row, id, e, "");
        }
    }

    private static BigDecimal amount(String s) {
        try {
            BigDecimal d = new BigDecimal(s);
            return d.signum() < 0 ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String cell(Record r, String column) {
        Integer i = columns.get(column);
        return i == null || i >= r.cells.size() ? "" : r.cells.get(i).strip();
    }

    private record Record(int row, List<String> cells, String problem) {
    }

    /** One RFC 4180 record, or null at the end of the input. */
    private Record record() {
        if (eof) {
            return null;
        }
        int thisRow = row++;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        String problem = null;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean any = false;
        while (true) {
            int c = read();
            if (c == -1) {
                eof = true;
                if (!any) {
                    return null;
                }
                if (quoted) {
                    problem = "a quoted field is not closed before the end of the file";
                }
                cells.add(cell.toString());
                return new Record(thisRow, cells, problem);
            }
            any = true;
            if (quoted) {
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                        unread(n);
                    }
                } else {
                    cell.append((char) c);
                }
                continue;
            }
            if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                afterQuote = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        unread(n);
                    }
                }
                cells.add(cell.toString());
                return new Record(thisRow, cells, problem);
            } else if (c == '"' && cell.length() == 0 && !afterQuote) {
                quoted = true;
            } else {
                if ((c == '"' || afterQuote) && problem == null) {
                    problem = "a quote in field " + (cells.size() + 1) + " does not follow RFC 4180 (quote the whole field and double inner quotes)";
                }
                cell.append((char) c);
            }
        }
    }

    private int read() {
        if (pushback != -2) {
            int c = pushback;
            pushback = -2;
            return c;
        }
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void unread(int c) {
        pushback = c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
