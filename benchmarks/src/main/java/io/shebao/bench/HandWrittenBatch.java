package io.shebao.bench;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * 手写基准程序: the honest baseline of issue 13 — what a competent programmer would write by hand to compute the
 * same batch, sharing <b>nothing</b> with the project but the bundled parameter YAML files it reads itself.
 *
 * <pre>{@code java -cp benchmarks.jar:lib/* io.shebao.bench.HandWrittenBatch IN.csv OUT.csv ERRORS.csv THREADS}</pre>
 *
 * <p>Its own byte-level CSV reading (RFC 4180 quotes, records may not span lines in a chunk split — the
 * reader splits only at a line break outside quotes), its own limit and rate tables (resolved from the YAML
 * once per region and month: region, then its groups, then its parent — the first value whose validity covers
 * the whole month), its own BigDecimal arithmetic for 养老 pension, 失业 unemployment, 工伤 work injury and, where
 * the region defines them, 医疗 medical and 生育 maternity (half-up to the fen per line, as the parameters
 * say), and its own CSV writer. A reader thread, {@code THREADS} workers, and the main thread writing in
 * input order: the same shape as {@code shebao batch}.
 *
 * <p>It writes the same result columns as {@code shebao batch} for every row it computes. A row it cannot
 * compute (a bad field, an unknown region or period, a float grade not allowed, a value the maintainers
 * assumed — which would need a warning it does not write) goes to its error file as {@code row,id,reason}: counted,
 * never dropped. {@code benchmarks/baseline.sh} checks that its results equal shebao's byte for byte and that
 * both reject the same row numbers before any time is printed.
 */
public final class HandWrittenBatch {
    private static final String[] INSURANCES = {"pension", "unemployment", "work_injury", "medical", "maternity"};
    private static final int PENSION = 0, UNEMPLOYMENT = 1, WORK_INJURY = 2, MEDICAL = 3, MATERNITY = 4;
    private static final String[] FILES = {"shebao/parameters/hubei/rounding.yaml", "shebao/parameters/hubei/pension.yaml",
            "shebao/parameters/hubei/unemployment.yaml", "shebao/parameters/hubei/work-injury.yaml",
            "shebao/parameters/wuhan/medical-maternity.yaml", "shebao/parameters/tiers/tier-1.yaml",
            "shebao/parameters/tiers/tier-2.yaml", "shebao/parameters/tiers/tier-3.yaml"};
    private static final int CHUNK_BYTES = 1 << 18;
    private static final int FIRST_YEAR = 1900;
    private static final int MONTHS = 300 * 12;

    private HandWrittenBatch() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: HandWrittenBatch IN.csv OUT.csv ERRORS.csv THREADS");
            System.exit(2);
        }
        Tables tables = Tables.load();
        int threads = Integer.parseInt(args[3]);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hand-worker");
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<Future<Output>> queue = new ArrayBlockingQueue<>(threads * 4);
        Future<Output> end = CompletableFuture.completedFuture(null);
        long[] counts = new long[3];
        try (InputStream in = Files.newInputStream(Path.of(args[0]));
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[1])), 1 << 20);
             OutputStream err = new BufferedOutputStream(Files.newOutputStream(Path.of(args[2])), 1 << 16)) {
            byte[] buf = new byte[CHUNK_BYTES * 2];
            int len = 0;
            // header
            int n;
            while ((n = in.read(buf, len, buf.length - len)) > 0) {
                len += n;
                if (indexOf(buf, 0, len, (byte) '\n') >= 0) {
                    break;
                }
            }
            int nl = indexOf(buf, 0, len, (byte) '\n');
            int start = buf.length >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF ? 3 : 0;
            Columns cols = Columns.of(new String(buf, start, nl - start, StandardCharsets.UTF_8).strip());
            System.arraycopy(buf, nl + 1, buf, 0, len - nl - 1);
            len -= nl + 1;
            final int leftover = len;
            final byte[] first = buf;
            Thread reader = new Thread(() -> {
                try {
                    read(in, first, leftover, cols, tables, pool, queue);
                } catch (Exception e) {
                    e.printStackTrace();
                } finally {
                    try {
                        queue.put(end);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, "hand-reader");
            reader.start();
            out.write(header().getBytes(StandardCharsets.UTF_8));
            err.write("row,id,reason\n".getBytes(StandardCharsets.UTF_8));
            while (true) {
                Future<Output> f = queue.take();
                if (f == end) {
                    break;
                }
                Output o = f.get();
                out.write(o.results.bytes, 0, o.results.len);
                err.write(o.errors.bytes, 0, o.errors.len);
                counts[0] += o.read;
                counts[1] += o.written;
                counts[2] += o.rejected;
            }
        }
        pool.shutdown();
        System.err.println("hand-written: rows read " + counts[0] + ", computed " + counts[1] + ", not handled "
                + counts[2] + " (in the error file)");
    }

    /** Cuts the file into chunks of whole records (at a line break outside quotes) and hands them to the workers. */
    private static void read(InputStream in, byte[] buf, int len, Columns cols, Tables tables, ExecutorService pool,
                             BlockingQueue<Future<Output>> queue) throws IOException, InterruptedException {
        long row = 0;
        boolean eof = false;
        while (!eof || len > 0) {
            while (!eof && len < CHUNK_BYTES) {
                int n = in.read(buf, len, buf.length - len);
                if (n < 0) {
                    eof = true;
                } else {
                    len += n;
                }
            }
            // find the last record end outside quotes, counting records
            boolean quoted = false;
            boolean content = false;
            int cut = -1;
            long records = 0;
            long recordsAtCut = 0;
            for (int i = 0; i < len; i++) {
                byte b = buf[i];
                if (b == '"') {
                    quoted = !quoted;
                    content = true;
                } else if (b == '\n' && !quoted) {
                    if (content) {
                        records++;
                    }
                    content = false;
                    cut = i + 1;
                    recordsAtCut = records;
                } else if (b != '\r') {
                    content = true;
                }
            }
            if (eof) {
                cut = len;
                recordsAtCut = records + (content ? 1 : 0);
            } else if (cut < 0) {
                buf = Arrays.copyOf(buf, buf.length * 2); // a record longer than the buffer
                continue;
            }
            byte[] chunk = Arrays.copyOf(buf, cut);
            long firstRow = row + 1;
            queue.put(pool.submit(() -> compute(chunk, firstRow, cols, tables)));
            row += recordsAtCut;
            System.arraycopy(buf, cut, buf, 0, len - cut);
            len -= cut;
            if (eof && len == 0) {
                break;
            }
        }
    }

    private record Output(Bytes results, Bytes errors, int read, int written, int rejected) {
    }

    private static Output compute(byte[] chunk, long firstRow, Columns cols, Tables tables) {
        Bytes res = new Bytes(chunk.length * 3);
        Bytes err = new Bytes(256);
        String[] fields = new String[cols.count];
        int read = 0;
        int written = 0;
        int rejected = 0;
        long row = firstRow;
        int pos = 0;
        StringBuilder field = new StringBuilder(64);
        while (pos < chunk.length) {
            // one record: fields by RFC 4180
            int f = 0;
            boolean blank = true;
            Arrays.fill(fields, null);
            int count = 0;
            while (true) {
                field.setLength(0);
                int i = pos;
                boolean quoted = i < chunk.length && chunk[i] == '"';
                String value;
                if (quoted) {
                    i++;
                    int s = i;
                    boolean plain = true;
                    while (i < chunk.length) {
                        if (chunk[i] == '"') {
                            if (i + 1 < chunk.length && chunk[i + 1] == '"') {
                                plain = false;
                                i += 2;
                                continue;
                            }
                            break;
                        }
                        i++;
                    }
                    value = new String(chunk, s, i - s, StandardCharsets.UTF_8);
                    if (!plain) {
                        value = value.replace("\"\"", "\"");
                    }
                    i++; // closing quote
                    blank = false;
                } else {
                    int s = i;
                    while (i < chunk.length && chunk[i] != ',' && chunk[i] != '\n' && chunk[i] != '\r') {
                        i++;
                    }
                    value = f < fields.length && cols.wanted[f] ? new String(chunk, s, i - s, StandardCharsets.ISO_8859_1) : null;
                    if (value != null && !isAscii(chunk, s, i)) {
                        value = new String(chunk, s, i - s, StandardCharsets.UTF_8);
                    }
                    if (i > s) {
                        blank = false;
                    }
                }
                if (f < fields.length) {
                    fields[f] = value;
                }
                f++;
                count++;
                if (i >= chunk.length || chunk[i] == '\n' || chunk[i] == '\r') {
                    if (i < chunk.length && chunk[i] == '\r') {
                        i++;
                    }
                    pos = i + 1;
                    break;
                }
                pos = i + 1; // after the comma
                if (chunk[i] != ',') {
                    // a character after a closing quote: malformed, skip to the line end
                    while (pos < chunk.length && chunk[pos - 1] != '\n') {
                        pos++;
                    }
                    count = -1;
                    break;
                }
            }
            if (blank && count == 1) {
                continue; // blank line
            }
            read++;
            String id = cols.id >= 0 && fields[cols.id] != null ? fields[cols.id] : "";
            String reason = count != cols.count ? "malformed record" : Row.compute(fields, cols, tables, row, id, res);
            if (reason == null) {
                written++;
            } else {
                err.ascii(Long.toString(row)).put((byte) ',').text(id).put((byte) ',').text(reason).put((byte) '\n');
                rejected++;
            }
            row++;
        }
        return new Output(res, err, read, written, rejected);
    }

    private static boolean isAscii(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, int from, int to, byte x) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private static String header() {
        StringBuilder sb = new StringBuilder("row,id,region,period,base_adjustment,total_employer,total_employee,total");
        for (String c : INSURANCES) {
            sb.append(',').append(c).append("_base,").append(c).append("_employer_rate,").append(c)
                    .append("_employee_rate,").append(c).append("_employer,").append(c).append("_employee");
        }
        // long-term care (荆门 from 2026-01 only): a column group shebao writes, empty for every row this program computes;
        // a row asking for it is not handled (an unknown insurance here)
        sb.append(",long_term_care_base,long_term_care_employer_rate,long_term_care_employee_rate,long_term_care_employer,long_term_care_employee");
        return sb.append(",warnings\n").toString();
    }

    /** Column positions of the fields the program reads. */
    private record Columns(int count, int id, int region, int period, int wage, int base, int riskClass,
                           int floatGrade, int insurances, boolean[] wanted) {
        static Columns of(String header) {
            List<String> names = new ArrayList<>();
            for (String h : header.split(",", -1)) {
                names.add(h.strip());
            }
            boolean[] wanted = new boolean[names.size()];
            int[] at = new int[8];
            String[] cols = {"id", "region", "period", "wage", "base", "risk_class", "float_grade", "insurances"};
            for (int i = 0; i < cols.length; i++) {
                at[i] = names.indexOf(cols[i]);
                if (at[i] >= 0) {
                    wanted[at[i]] = true;
                }
            }
            return new Columns(names.size(), at[0], at[1], at[2], at[3], at[4], at[5], at[6], at[7], wanted);
        }
    }

    /** The arithmetic of one row; returns null when written, or why it is not handled. */
    private static final class Row {
        static final BigDecimal HUNDRED = new BigDecimal(100);

        static String compute(String[] f, Columns c, Tables tables, long row, String id, Bytes out) {
            if (id.isBlank()) {
                return "no id";
            }
            String region = get(f, c.region);
            Region r = region == null ? null : tables.regions.get(region);
            if (r == null) {
                return "unknown region";
            }
            String period = get(f, c.period);
            int month = month(period);
            if (month < 0) {
                return "bad period";
            }
            String wage = get(f, c.wage);
            String base = get(f, c.base);
            if ((wage == null) == (base == null)) {
                return "give one of wage and base";
            }
            BigDecimal amount = amount(wage != null ? wage : base);
            if (amount == null) {
                return "bad amount";
            }
            String rc = get(f, c.riskClass);
            int riskClass = 0;
            if (rc != null) {
                riskClass = rc.length() == 1 && rc.charAt(0) >= '1' && rc.charAt(0) <= '8' ? rc.charAt(0) - '0' : -1;
                if (riskClass < 0) {
                    return "bad risk class";
                }
            }
            String fg = get(f, c.floatGrade);
            BigDecimal grade = HUNDRED;
            if (fg != null) {
                grade = amount(fg.endsWith("%") ? fg.substring(0, fg.length() - 1).strip() : fg);
                if (grade == null) {
                    return "bad float grade";
                }
            }
            String ins = get(f, c.insurances);
            int set;
            if (ins == null) {
                set = r.defaults;
            } else {
                set = 0;
                for (String code : ins.split("[;,\\s]+")) {
                    if (code.isEmpty()) {
                        continue;
                    }
                    int k = Arrays.asList(INSURANCES).indexOf(code);
                    if (k < 0) {
                        return "unknown insurance";
                    }
                    set |= 1 << k;
                }
            }
            Month m = r.month(month);
            if (m.assumed) {
                return "an assumed value (a warning this program does not write)";
            }
            if (m.scale == null || m.mode == null) {
                return "rounding unknown";
            }
            int scale = m.scale;
            RoundingMode mode = m.mode;
            BigDecimal b;
            String adjustment;
            if (base != null) {
                b = amount;
                adjustment = "supplied";
            } else {
                if (m.floor == null || m.ceiling == null) {
                    return "limits unknown";
                }
                if (amount.compareTo(m.floor) < 0) {
                    b = m.floor;
                    adjustment = "raised_to_floor";
                } else if (amount.compareTo(m.ceiling) > 0) {
                    b = m.ceiling;
                    adjustment = "lowered_to_ceiling";
                } else {
                    b = amount;
                    adjustment = "within_limits";
                }
            }
            BigDecimal[][] lines = new BigDecimal[5][];
            BigDecimal employer = BigDecimal.ZERO.setScale(scale);
            BigDecimal employee = employer;
            for (int k = 0; k < 5; k++) {
                if ((set & (1 << k)) == 0) {
                    continue;
                }
                BigDecimal er;
                BigDecimal ee;
                BigDecimal fixed = null;
                if (k == WORK_INJURY) {
                    if (riskClass == 0) {
                        return "work injury without a risk class";
                    }
                    BigDecimal factor = grade.movePointLeft(2);
                    BigDecimal classRate = m.injuryRate[riskClass];
                    if (classRate == null || m.reduction == null || m.grades[riskClass] == null) {
                        return "work-injury rates unknown";
                    }
                    boolean allowed = false;
                    for (BigDecimal g : m.grades[riskClass]) {
                        allowed |= g.compareTo(factor) == 0;
                    }
                    if (!allowed) {
                        return "float grade not allowed";
                    }
                    er = classRate.multiply(m.reduction).multiply(factor).stripTrailingZeros();
                    ee = BigDecimal.ZERO;
                } else {
                    er = m.employerRate[k];
                    ee = m.employeeRate[k];
                    if (er == null || ee == null) {
                        return INSURANCES[k] + " rates unknown";
                    }
                    if (k == MEDICAL) {
                        if (m.medicalFixed == null) {
                            return "medical fixed amount unknown";
                        }
                        fixed = m.medicalFixed.setScale(scale, mode);
                    }
                }
                BigDecimal a = b.multiply(er).setScale(scale, mode);
                BigDecimal e = b.multiply(ee).setScale(scale, mode);
                if (fixed != null) {
                    e = e.add(fixed);
                }
                lines[k] = new BigDecimal[]{b, er, ee, a, e};
                employer = employer.add(a);
                employee = employee.add(e);
            }
            out.ascii(Long.toString(row)).put((byte) ',').text(id).put((byte) ',').text(region).put((byte) ',')
                    .ascii(period).put((byte) ',').ascii(adjustment).put((byte) ',')
                    .ascii(employer.toPlainString()).put((byte) ',').ascii(employee.toPlainString()).put((byte) ',')
                    .ascii(employer.add(employee).toPlainString());
            for (BigDecimal[] l : lines) {
                if (l == null) {
                    out.ascii(",,,,,");
                } else {
                    for (BigDecimal x : l) {
                        out.put((byte) ',').ascii(x.toPlainString());
                    }
                }
            }
            out.ascii(",,,,,,\n"); // long-term care empty; no warnings: a row that would have one is not handled (see above)
            return null;
        }

        private static String get(String[] f, int i) {
            if (i < 0 || f[i] == null) {
                return null;
            }
            String s = f[i].strip();
            return s.isEmpty() ? null : s;
        }

        /** yyyy-MM as an index from January 1900, or -1. */
        static int month(String s) {
            if (s == null || s.length() != 7 || s.charAt(4) != '-') {
                return -1;
            }
            int y = 0;
            for (int i = 0; i < 4; i++) {
                char ch = s.charAt(i);
                if (ch < '0' || ch > '9') {
                    return -1;
                }
                y = y * 10 + ch - '0';
            }
            char a = s.charAt(5);
            char b = s.charAt(6);
            if (a < '0' || a > '9' || b < '0' || b > '9') {
                return -1;
            }
            int m = (a - '0') * 10 + b - '0';
            if (m < 1 || m > 12 || y < FIRST_YEAR || y >= FIRST_YEAR + MONTHS / 12) {
                return -1;
            }
            return (y - FIRST_YEAR) * 12 + m - 1;
        }

        /** Plain decimal, ASCII digits, at most 6 decimals and 12 integer digits; null otherwise. */
        static BigDecimal amount(String s) {
            int dot = -1;
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch == '.' && dot < 0 && i > 0) {
                    dot = i;
                } else if (ch < '0' || ch > '9') {
                    return null;
                }
            }
            if (dot == s.length() - 1 || (dot > 0 && s.length() - dot - 1 > 6) || (dot < 0 ? s.length() : dot) > 12) {
                return null;
            }
            return new BigDecimal(s);
        }
    }

    /** The values of one region in one month, resolved once. */
    private static final class Month {
        BigDecimal floor;
        BigDecimal ceiling;
        Integer scale;
        RoundingMode mode;
        final BigDecimal[] employerRate = new BigDecimal[5];
        final BigDecimal[] employeeRate = new BigDecimal[5];
        BigDecimal medicalFixed;
        final BigDecimal[] injuryRate = new BigDecimal[9];
        BigDecimal reduction;
        @SuppressWarnings("unchecked")
        final List<BigDecimal>[] grades = new List[9];
        boolean assumed;
    }

    private static final class Region {
        final List<String> chain; // the region, its groups, its parent
        final Tables tables;
        final AtomicReferenceArray<Month> months = new AtomicReferenceArray<>(MONTHS);
        int defaults;

        Region(List<String> chain, Tables tables) {
            this.chain = chain;
            this.tables = tables;
        }

        Month month(int index) {
            Month m = months.get(index);
            if (m == null) {
                m = resolve(index);
                months.set(index, m); // a race resolves twice, to the same values
            }
            return m;
        }

        private Month resolve(int index) {
            LocalDate first = LocalDate.of(FIRST_YEAR + index / 12, index % 12 + 1, 1);
            LocalDate last = first.plusMonths(1).minusDays(1);
            Month m = new Month();
            m.floor = decimal(m, "contribution_base.floor", "", first, last);
            m.ceiling = decimal(m, "contribution_base.ceiling", "", first, last);
            String scale = value(m, "contribution.rounding.scale", "", first, last);
            m.scale = scale == null ? null : Integer.valueOf(scale);
            String mode = value(m, "contribution.rounding.mode", "", first, last);
            m.mode = mode == null ? null : RoundingMode.valueOf(mode);
            for (int k : new int[]{PENSION, UNEMPLOYMENT, MEDICAL, MATERNITY}) {
                if ((defaults & (1 << k)) != 0) {
                    m.employerRate[k] = decimal(m, INSURANCES[k] + ".employer_rate", "", first, last);
                    m.employeeRate[k] = decimal(m, INSURANCES[k] + ".employee_rate", "", first, last);
                }
            }
            if ((defaults & (1 << MEDICAL)) != 0) {
                m.medicalFixed = decimal(m, "medical.employee_fixed", "", first, last);
            }
            m.reduction = decimal(m, "work_injury.reduction_factor", "", first, last);
            for (int k = 1; k <= 8; k++) {
                m.injuryRate[k] = decimal(m, "work_injury.base_rate", String.valueOf(k), first, last);
                String g = value(m, "work_injury.float_grades", String.valueOf(k), first, last);
                if (g != null) {
                    List<BigDecimal> gs = new ArrayList<>();
                    for (String x : g.split(",")) {
                        gs.add(new BigDecimal(x.strip()));
                    }
                    m.grades[k] = gs;
                }
            }
            return m;
        }

        private BigDecimal decimal(Month m, String id, String key, LocalDate first, LocalDate last) {
            String v = value(m, id, key, first, last);
            return v == null ? null : new BigDecimal(v);
        }

        private String value(Month m, String id, String key, LocalDate first, LocalDate last) {
            for (String r : chain) {
                List<Value> vs = tables.values.get(r + "/" + id + "/" + key);
                if (vs == null) {
                    continue;
                }
                for (Value v : vs) {
                    if (!v.from.isAfter(first) && (v.until == null || !v.until.isBefore(last))) {
                        m.assumed |= v.assumed;
                        return v.value;
                    }
                }
            }
            return null;
        }
    }

    private record Value(LocalDate from, LocalDate until, String value, boolean assumed) {
    }

    /** The bundled parameter YAML, read with SnakeYAML's node tree (scalars as written). */
    private static final class Tables {
        final Map<String, List<Value>> values = new HashMap<>();
        final Map<String, Region> regions = new HashMap<>();

        static Tables load() throws IOException {
            Tables t = new Tables();
            Yaml yaml = new Yaml(new LoaderOptions());
            for (String file : FILES) {
                MappingNode root = (MappingNode) compose(yaml, file);
                String owner = scalar(root, "region");
                if (owner == null) {
                    owner = scalar(root, "group");
                }
                MappingNode params = (MappingNode) get(root, "parameters");
                for (NodeTuple p : params.getValue()) {
                    String id = ((ScalarNode) p.getKeyNode()).getValue();
                    for (Node v : ((SequenceNode) get((MappingNode) p.getValueNode(), "values")).getValue()) {
                        MappingNode e = (MappingNode) v;
                        String key = scalar(e, "key");
                        String until = scalar(e, "until");
                        t.values.computeIfAbsent(owner + "/" + id + "/" + (key == null ? "" : key), k -> new ArrayList<>())
                                .add(new Value(LocalDate.parse(scalar(e, "from")), until == null ? null : LocalDate.parse(until),
                                        scalar(e, "value"), "assumed".equals(scalar(e, "provenance"))));
                    }
                }
            }
            MappingNode regions = (MappingNode) compose(yaml, "shebao/regions.yaml");
            Map<String, List<String>> groupsOf = new HashMap<>();
            for (NodeTuple g : ((MappingNode) get(regions, "groups")).getValue()) {
                String group = ((ScalarNode) g.getKeyNode()).getValue();
                for (Node r : ((SequenceNode) get((MappingNode) g.getValueNode(), "regions")).getValue()) {
                    groupsOf.computeIfAbsent(((ScalarNode) r).getValue(), k -> new ArrayList<>()).add(group);
                }
            }
            for (NodeTuple r : ((MappingNode) get(regions, "regions")).getValue()) {
                String code = ((ScalarNode) r.getKeyNode()).getValue();
                List<String> chain = new ArrayList<>();
                chain.add(code);
                chain.addAll(groupsOf.getOrDefault(code, List.of()));
                String parent = scalar((MappingNode) r.getValueNode(), "parent");
                if (parent != null) {
                    chain.add(parent);
                }
                Region region = new Region(chain, t);
                for (int k = 0; k < 5; k++) { // an insurance applies by default where the region defines its rate
                    String id = k == WORK_INJURY ? "work_injury.base_rate" : INSURANCES[k] + ".employer_rate";
                    for (String c : chain) {
                        if (t.values.keySet().stream().anyMatch(x -> x.startsWith(c + "/" + id + "/"))) {
                            region.defaults |= 1 << k;
                        }
                    }
                }
                t.regions.put(code, region);
            }
            return t;
        }

        private static Node compose(Yaml yaml, String resource) throws IOException {
            try (InputStream in = HandWrittenBatch.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("not on the class path: " + resource);
                }
                return yaml.compose(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }

        private static Node get(MappingNode m, String key) {
            for (NodeTuple t : m.getValue()) {
                if (((ScalarNode) t.getKeyNode()).getValue().equals(key)) {
                    return t.getValueNode();
                }
            }
            return null;
        }

        private static String scalar(MappingNode m, String key) {
            Node n = get(m, key);
            return n instanceof ScalarNode s ? s.getValue() : null;
        }
    }

    /** A growable byte buffer: ASCII written as is, text as UTF-8 with RFC 4180 quoting. */
    private static final class Bytes {
        byte[] bytes;
        int len;

        Bytes(int capacity) {
            bytes = new byte[Math.max(capacity, 64)];
        }

        Bytes put(byte b) {
            if (len == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[len++] = b;
            return this;
        }

        Bytes ascii(String s) {
            int n = s.length();
            if (len + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, len + n));
            }
            for (int i = 0; i < n; i++) {
                bytes[len++] = (byte) s.charAt(i);
            }
            return this;
        }

        /** A text field: a formula-like start gets an apostrophe (as spreadsheets need), quoted when needed. */
        Bytes text(String s) {
            if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !s.matches("[+-](?=[^0-9]*[0-9])[0-9]*\\.?[0-9]*")) {
                s = "'" + s;
            }
            boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
            byte[] b = (quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s).getBytes(StandardCharsets.UTF_8);
            if (len + b.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, len + b.length));
            }
            System.arraycopy(b, 0, bytes, len, b.length);
            len += b.length;
            return this;
        }
    }
}
