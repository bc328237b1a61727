package io.shebao.certificate;

import io.shebao.ShebaoException;
import io.shebao.population.Columns;
import io.shebao.population.PopulationReader;
import io.shebao.population.PopulationRow;
import io.shebao.population.RowError;

import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * 参保人员名单: reads a unit's roster (CSV or JSONL, the population file formats) row by row, in constant memory
 * apart from the ids seen (a person listed twice would be billed twice, so a repeated id is an error row).
 * Columns in any order: {@code id}, {@code name}, {@code wage} or {@code base}, {@code start}, {@code stop},
 * {@code paid_through}, {@code paid_elsewhere}, {@code not_billable}; others are ignored.
 */
public final class RosterReader implements Iterator<RosterRow>, Closeable {
    /** The largest wage or base accepted (a typo of a few more digits is an error, not a bill). */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");

    private final PopulationReader in;
    private final Map<String, Long> seen = new HashMap<>();

    private RosterReader(PopulationReader in) {
        this.in = in;
        Columns c = in.columns();
        for (String col : new String[] {"id", "start"}) {
            if (c.indexOf(col) < 0) {
                close(in);
                throw ShebaoException.invalid("roster", col, "the roster needs the columns id, start and wage or base; '"
                        + col + "' is missing");
            }
        }
        if (c.indexOf("wage") < 0 && c.indexOf("base") < 0) {
            close(in);
            throw ShebaoException.invalid("roster", "wage", "the roster needs a wage or a base column; neither is there");
        }
    }

    /** Opens a roster file (.csv or .jsonl). */
    public static RosterReader open(Path file) {
        return new RosterReader(PopulationReader.open(file));
    }

    public static RosterReader of(PopulationReader in) {
        return new RosterReader(in);
    }

    private static void close(PopulationReader in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the header's problem is the one to report
        }
    }

    @Override
    public boolean hasNext() {
        return in.hasNext();
    }

    @Override
    public RosterRow next() {
        PopulationRow r = in.next();
        if (r.isMalformed()) {
            return RosterRow.of(new RowError(r.rowNumber(), r.id(), "", "", r.malformed()));
        }
        try {
            RosterEntry e = parse(r);
            Long first = seen.putIfAbsent(e.id(), r.rowNumber());
            if (first != null) {
                return RosterRow.of(new RowError(r.rowNumber(), r.id(), "id", r.id(),
                        "id: '" + r.id() + "' is listed already at row " + first + "; each person once on a certificate"));
            }
            return RosterRow.of(e);
        } catch (ShebaoException ex) {
            String field = ex.field().orElse("");
            String value = ex.value().orElse("");
            return RosterRow.of(new RowError(r.rowNumber(), r.id(), field, value, ex.getMessage()));
        }
    }

    /** One row as a person; {@link ShebaoException} naming the column when a field is not allowed. */
    public static RosterEntry parse(PopulationRow r) {
        String id = r.nonBlank("id").orElseThrow(() -> ShebaoException.invalid("id", "", "id: every person needs an id"));
        Optional<String> wage = r.nonBlank("wage");
        Optional<String> base = r.nonBlank("base");
        if (wage.isPresent() == base.isPresent()) {
            throw ShebaoException.invalid(wage.isPresent() ? "base" : "wage", wage.isPresent() ? base.get() : "",
                    "give exactly one of wage (申报缴费工资) and base (缴费基数)");
        }
        LocalDate start = date(r, "start").orElseThrow(() -> ShebaoException.invalid("start", "",
                "start: 本次参工时间 is required, YYYY-MM-DD"));
        Optional<LocalDate> stop = date(r, "stop");
        Optional<YearMonth> paidThrough = r.nonBlank("paid_through").map(v -> {
            try {
                return YearMonth.parse(v);
            } catch (DateTimeParseException e) {
                throw ShebaoException.invalid("paid_through", v, "a month YYYY-MM, or empty for none");
            }
        });
        boolean elsewhere = r.nonBlank("paid_elsewhere").map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw ShebaoException.invalid("paid_elsewhere", v, "yes, no or empty (= no)");
        }).orElse(false);
        String notBillable = r.nonBlank("not_billable").orElse("");
        return new RosterEntry(r.rowNumber(), id, r.nonBlank("name").orElse(""), wage.map(v -> amount("wage", v)),
                base.map(v -> amount("base", v)), start, stop, paidThrough, elsewhere, notBillable);
    }

    private static Optional<LocalDate> date(PopulationRow r, String col) {
        return r.nonBlank(col).map(v -> {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw ShebaoException.invalid(col, v, "a date YYYY-MM-DD");
            }
        });
    }

    private static BigDecimal amount(String col, String v) {
        if (v.length() > 20 || !v.matches("[0-9]+(\\.[0-9]{1,2})?")) {
            throw ShebaoException.invalid(col, v.length() > 40 ? v.substring(0, 40) + "…" : v,
                    "an amount in yuan ≥ 0 with at most two decimals, e.g. 3450 or 3450.50");
        }
        BigDecimal d = new BigDecimal(v);
        if (d.compareTo(MAX_AMOUNT) > 0) {
            throw ShebaoException.invalid(col, v, "at most " + MAX_AMOUNT.toPlainString() + " yuan a month");
        }
        return d;
    }

    /** Bytes of the roster file consumed so far (progress and ETA; at most the reader's buffer ahead of the rows). */
    public long bytesRead() {
        return in.bytesRead();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
