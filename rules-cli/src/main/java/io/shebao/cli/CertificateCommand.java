package io.shebao.cli;

import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.certificate.ApprovalItem;
import io.shebao.certificate.Certificate;
import io.shebao.certificate.CertificateDetails;
import io.shebao.certificate.CertificateHtml;
import io.shebao.certificate.CertificateLine;
import io.shebao.certificate.CertificateRequest;
import io.shebao.certificate.CertificateSink;
import io.shebao.certificate.CertificateUnit;
import io.shebao.certificate.CollectionItem;
import io.shebao.certificate.Exclusion;
import io.shebao.certificate.PersonBill;
import io.shebao.certificate.Refund;
import io.shebao.certificate.RosterEntry;
import io.shebao.certificate.RosterReader;
import io.shebao.certificate.RosterRow;
import io.shebao.certificate.UnitFile;
import io.shebao.internal.json.CertificateJson;
import io.shebao.internal.json.Json;
import io.shebao.population.RowError;
import io.shebao.trace.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "certificate", mixinStandardHelpOptions = true,
        description = {"The employer's monthly contribution certificate (社会保险费应缴认定单) from its roster.",
                "Unit file (YAML/JSON): code, name, region, risk_class, float_grade, unit_kind, insurances.",
                "Roster (CSV or JSONL, streamed): id, name, wage or base, start, stop, paid_through,",
                "paid_elsewhere, not_billable. Rows in error go to --errors (row,id,field,value,reason);",
                "then no certificate is issued (exit 1) unless --skip-invalid (a partial one, marked).",
                "Exit: 0 issued, 1 rows in error, 2 bad input. Rules and formats: docs/CERTIFICATE.md",
                "Example: shebao certificate --unit examples/certificate/unit.yaml",
                "  --roster examples/certificate/staff.csv --period 2021-11 --issued-on 2021-11-13",
                "  --out certificate.html"})
final class CertificateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--unit", required = true, paramLabel = "FILE", description = "The unit file (.yaml, .yml or .json).")
    Path unitFile;

    @Option(names = "--roster", required = true, paramLabel = "FILE", description = "The staff roster: .csv or .jsonl.")
    Path roster;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", converter = Converters.Month.class,
            description = "费款所属期: the declaration month.")
    YearMonth period;

    @Option(names = "--issued-on", required = true, paramLabel = "YYYY-MM-DD", converter = Converters.Day.class,
            description = "经办日期: the day the certificate is generated.")
    LocalDate issuedOn;

    @Option(names = "--pay-on", paramLabel = "YYYY-MM-DD", converter = Converters.Day.class,
            description = "Payment date for late fee and interest (default: the issue date).")
    LocalDate payOn;

    @Option(names = "--interest-rate", paramLabel = "RATE", converter = Converters.Amount.class,
            description = "Daily interest rate (利息) to use when interest is due, e.g. 0.0001, or 0; Hubei's rate is not known.")
    BigDecimal interestRate;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the printable certificate (self-contained HTML).")
    Path out;

    @Option(names = "--details", paramLabel = "FILE",
            description = "Write every person, month and insurance charged or refunded (CSV).")
    Path details;

    @Option(names = "--errors", paramLabel = "FILE",
            description = "Roster rows in error (CSV: row,id,field,value,reason); default: <roster>.errors.csv beside the roster.")
    Path errors;

    @Option(names = "--skip-invalid", description = "Issue the certificate for the valid rows, marked partial everywhere.")
    boolean skipInvalid;

    @Option(names = "--allow-carry-forward",
            description = "Where a person-month needs a parameter with no value, carry its last value forward (with a warning).")
    boolean allowCarryForward;

    @Mixin
    Common common;

    @Mixin
    AuditOptions audit;

    @Override
    public Integer call() throws IOException {
        if (audit.explain) {
            throw new CliException(2, "--explain: not for certificate; write --audit-out FILE and run `shebao explain` on it");
        }
        ShebaoRules rules = common.rules();
        CertificateUnit unit = UnitFile.read(unitFile);
        CertificateRequest.Builder rb = CertificateRequest.builder(unit, period, issuedOn).payOn(payOn)
                .interestRate(interestRate).allowCarryForward(allowCarryForward).skipInvalid(skipInvalid);
        CertificateRequest header = request(rb);
        Path errorsFile = errors != null ? errors : BatchCommand.defaultErrors(roster);
        refuseToOverwriteInputs(errorsFile, "--errors");
        refuseToOverwriteInputs(details, "--details");
        refuseToOverwriteInputs(out, "--out");
        boolean keepPersons = common.format == Common.Format.json || audit.wanted();
        boolean keepRoster = audit.wanted();
        List<PersonBill> persons = new ArrayList<>();
        List<RosterEntry> entries = new ArrayList<>();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RosterReader reader;
        try {
            reader = RosterReader.open(roster);
        } catch (ShebaoException e) {
            throw new CliException(2, "--roster " + roster + ": " + (e.getMessage().startsWith("in: ") ? e.getMessage().substring(4) : e.getMessage()));
        }
        try (reader; AtomicOutput errOut = new AtomicOutput(errorsFile, "--errors");
             AtomicOutput detOut = details == null ? null : new AtomicOutput(details, "--details")) {
            errOut.write(RowError.HEADER + "\n");
            if (detOut != null) {
                detOut.write(CertificateDetails.HEADER + "\n");
            }
            long[] readErrors = {0};
            Iterator<RosterRow> rows = keepRoster ? remembering(reader, entries, readErrors) : reader;
            io.shebao.batch.BatchProgress progress = ProgressBar.onTerminal(err, java.nio.file.Files.size(roster));
            rows = RosterProgress.of(rows, reader::bytesRead, progress);
            CertificateSink sink = new CertificateSink() {
                @Override
                public void person(PersonBill bill) {
                    if (detOut != null) {
                        CertificateDetails.write(detOut.writer(), bill);
                    }
                    if (keepPersons) {
                        persons.add(bill);
                    }
                }

                @Override
                public void error(RowError error) {
                    CertificateDetails.write(errOut.writer(), error);
                }
            };
            Certificate c;
            try {
                c = rules.certificates().stream(header, rows, sink);
            } finally {
                progress.finished(); // the bar's line is blanked before anything else is printed
            }
            errOut.commit();
            if (c.rowsInError() > 0 && !skipInvalid) {
                err.println("shebao certificate: " + c.rowsInError() + " roster rows in error (see " + errorsFile
                        + "); no certificate issued — a partial certificate is a wrong bill. Fix the rows, or use --skip-invalid.");
                return 1;
            }
            if (keepPersons) {
                c = c.withPersons(persons);
            }
            if (detOut != null) {
                detOut.commit();
            }
            if (out != null) {
                try (AtomicOutput html = new AtomicOutput(out, "--out")) {
                    html.write(CertificateHtml.of(c, rules.regions().require("region", unit.region()).nameZh()));
                    html.commit();
                }
            }
            if (audit.wanted()) {
                audit.write(rules.audit().record(header.withRoster(entries), c, readErrors[0]));
            }
            if (common.format == Common.Format.json) {
                stdout.println(Json.write(CertificateJson.resultWithTrace(c), true));
            } else {
                print(stdout, c, rules);
            }
            stdout.flush();
            if (c.partial()) {
                err.println("shebao certificate: PARTIAL — " + c.rowsInError() + " roster rows in error were left out (see " + errorsFile + ")");
                return 1;
            }
            return 0;
        }
    }

    /** Inputs are never overwritten: an output naming the roster or the unit file is bad input. */
    private void refuseToOverwriteInputs(Path output, String option) {
        if (output == null) {
            return;
        }
        Path o = output.toAbsolutePath().normalize();
        for (Path in : new Path[] {roster, unitFile}) {
            if (o.equals(in.toAbsolutePath().normalize())) {
                throw new CliException(2, option + ": '" + output + "' is an input file; write the output elsewhere");
            }
        }
    }

    private CertificateRequest request(CertificateRequest.Builder b) {
        try {
            return b.build();
        } catch (ShebaoException e) {
            String opt = switch (e.field().orElse("")) {
                case "issuedOn" -> "--issued-on";
                case "payOn" -> "--pay-on";
                case "interestRate" -> "--interest-rate";
                default -> e.field().orElse("");
            };
            String m = e.getMessage();
            int colon = m.indexOf(':');
            throw new CliException(2, opt + (colon > 0 ? m.substring(colon) : ": " + m));
        }
    }

    private static Iterator<RosterRow> remembering(Iterator<RosterRow> in, List<RosterEntry> into, long[] errors) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public RosterRow next() {
                RosterRow r = in.next();
                if (r.entry() != null) {
                    into.add(r.entry());
                } else {
                    errors[0]++;
                }
                return r;
            }
        };
    }

    private void print(PrintWriter o, Certificate c, ShebaoRules rules) {
        String regionZh = rules.regions().require("region", c.unit().region()).nameZh();
        o.println("社会保险费应缴认定单 · " + regionZh + " · 单位编号 " + c.unit().code() + " " + c.unit().name());
        o.println("费款所属期 " + c.period() + " · 经办日期 issued " + c.issuedOn() + " · 缴费截止日期 deadline " + c.deadline()
                + " · 单据号 " + c.number() + (c.partial() ? " · PARTIAL 部分" : ""));
        Table t = new Table("insurance", "险种", "employer 单位", "employee 个人", "interest 利息", "late fee 滞纳金", "total 合计");
        for (CertificateLine l : c.lines()) {
            t.row(l.insurance().code(), l.insurance().nameZh(), s(l.employer()), s(l.employee()), s(l.interest()), s(l.lateFee()), s(l.total()));
        }
        t.row("total", "合计", "", "", "", "", s(c.total()));
        t.print(o);
        o.println("实际应缴金额合计大写: " + c.totalInWords());
        o.println();
        Table col = new Table("征集明细", "month", "employer 单位", "employee 个人", "late fee 滞纳金", "interest 利息", "total 应缴");
        for (CollectionItem i : c.collection()) {
            col.row(i.label(), i.month().toString(), s(i.employer()), s(i.employee()), s(i.lateFee()), s(i.interest()), s(i.total()));
        }
        col.print(o);
        o.println();
        o.println("persons computed 核定人数 " + c.personCount() + " · not charged 不核定 " + c.excluded().size()
                + " · needs approval 需审批 " + c.needsApproval().size() + " · refunds 退费 " + c.refunds().size()
                + " (" + s(c.refundTotal()) + ")" + (c.rowsInError() > 0 ? " · rows in error " + c.rowsInError() : ""));
        // the first few of each list; every one is in --out, --format json and the audit record
        int shown = 0;
        for (Exclusion e : c.excluded()) {
            if (shown++ < LISTED) {
                o.println("  not charged  row " + e.row() + " " + e.id() + ": " + e.reason().zh() + " / " + e.reason().en());
            }
        }
        more(o, c.excluded().size(), "not charged");
        shown = 0;
        for (ApprovalItem a : c.needsApproval()) {
            if (shown++ < LISTED) {
                o.println("  approval     row " + a.row() + " " + a.id() + " " + a.from() + (a.to().equals(a.from()) ? "" : "…" + a.to())
                        + ": " + a.reason().en());
            }
        }
        more(o, c.needsApproval().size(), "needing approval");
        shown = 0;
        for (Refund r : c.refunds()) {
            if (shown++ < LISTED) {
                o.println("  refund       row " + r.row() + " " + r.id() + " " + r.month() + ": " + s(r.total()));
            }
        }
        more(o, c.refunds().size(), "refunds");
        if (!c.warnings().isEmpty()) {
            o.println("Warnings:");
            for (Message m : c.warnings()) {
                o.println("  " + m.code() + ": " + m.en());
            }
        }
        o.println("Rules fired: " + String.join(" ", c.trace().rules().stream().map(r -> r.id()).distinct().toList()));
    }

    /** Lines of each list the table shows. */
    private static final int LISTED = 10;

    private static void more(PrintWriter o, int size, String what) {
        if (size > LISTED) {
            o.println("  … " + (size - LISTED) + " more " + what + " (all of them: --out FILE, --format json)");
        }
    }

    private static String s(BigDecimal d) {
        return d.toPlainString();
    }
}
