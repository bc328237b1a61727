package io.shebao.certificate;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.amount.ChineseCapitals;
import io.shebao.batch.ContributionPlanner;
import io.shebao.batch.PlannedContribution;
import io.shebao.contribution.ContributionLine;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.Insurance;
import io.shebao.internal.engine.RuleEngine;
import io.shebao.internal.facts.AmountDue;
import io.shebao.internal.facts.CertificateNote;
import io.shebao.internal.facts.CertificateTerms;
import io.shebao.internal.facts.Deadline;
import io.shebao.internal.facts.Failure;
import io.shebao.internal.facts.MissingParam;
import io.shebao.internal.facts.MonthDecision;
import io.shebao.internal.facts.Param;
import io.shebao.internal.facts.PersonMonths;
import io.shebao.internal.facts.SuppliedRate;
import io.shebao.internal.facts.Surcharge;
import io.shebao.internal.hash.Sha256;
import io.shebao.parameter.ParameterDefinition;
import io.shebao.parameter.ParameterSet;
import io.shebao.parameter.ParameterValue;
import io.shebao.parameter.Provenance;
import io.shebao.parameter.Resolution;
import io.shebao.population.PopulationColumns;
import io.shebao.population.RowError;
import io.shebao.trace.Message;
import io.shebao.trace.ParameterUse;
import io.shebao.trace.RuleFiring;
import io.shebao.trace.Trace;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * 应缴认定单: issues a unit's monthly certificate from its roster. The certificate rules (kbase
 * {@code certificate}) decide which months of each person are charged, back-paid, listed for approval or
 * refunded, when the amounts fall due, the deadline and the surcharges; every person-month amount comes from
 * the contribution rules through the batch planner (the same amounts, traces and errors as
 * {@code rules.contribution}). The roster is read once, in order; only sums, the lists of excluded people,
 * approvals and refunds, and a bounded cache of month decisions are kept, so a streamed certificate's memory
 * does not grow with the number of people charged.
 */
public final class CertificateEvaluator {
    /** The insurance a {@link ChargeScope#WORK_INJURY_ONLY} decision keeps (工伤保险). */
    private static final String WORK_INJURY = "work_injury";
    /** The kbase name in the catalogue's kmodule.xml. */
    public static final String KIE_BASE = "certificate";
    private static final String PREFIX = "certificate.";
    private static final List<String> TERMS_PARAMS = List.of("certificate.validity_working_days",
            "certificate.late_fee.daily_rate", "certificate.late_fee.capped_at_principal",
            "certificate.interest.daily_rate", "contribution.rounding.scale", "contribution.rounding.mode");
    private static final List<String> MONTH_PARAMS = List.of("certificate.back_payment_months", "certificate.refund_months");
    /** Distinct month situations kept (start, stop, paid-through months and flags): a few hundred in practice. */
    private static final int MAX_CACHED = 10_000;

    private final ShebaoRules rules;
    private final ParameterSet parameters;
    private final RuleEngine engine;

    /** An evaluator over the catalogue's {@value #KIE_BASE} rule base, the contribution amounts from {@code rules}. */
    public CertificateEvaluator(ShebaoRules rules, ParameterSet parameters) {
        this.rules = Objects.requireNonNull(rules);
        this.parameters = Objects.requireNonNull(parameters);
        this.engine = RuleEngine.forKieBase(KIE_BASE);
    }

    /**
     * The certificate of the request's roster, with every person's months.
     *
     * @throws ShebaoException INVALID_INPUT naming the rows when some are in error and the request does not skip
     *                         them; PARAMETER_UNKNOWN when the certificate's own parameters are unknown
     */
    public Certificate evaluate(CertificateRequest req) {
        List<PersonBill> bills = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Certificate c = stream(req, req.roster().stream().map(RosterRow::of).iterator(), new CertificateSink() {
            @Override
            public void person(PersonBill bill) {
                bills.add(bill);
            }

            @Override
            public void error(RowError error) {
                errors.add(error);
            }
        });
        if (!errors.isEmpty() && !req.skipInvalid()) {
            throw rowsInError(errors);
        }
        return new Certificate(c.unit(), c.period(), c.issuedOn(), c.payOn(), c.deadline(), c.number(), c.lines(),
                c.total(), c.totalInWords(), c.collection(), bills, c.personCount(), c.rowsInError(), c.excluded(),
                c.needsApproval(), c.refunds(), c.refundTotal(), c.warnings(), c.notes(), c.trace());
    }

    /** The error of a certificate refused for rows in error: the first rows, with their numbers. */
    public static ShebaoException rowsInError(List<RowError> errors) {
        StringBuilder sb = new StringBuilder("roster: ").append(errors.size())
                .append(errors.size() == 1 ? " row is" : " rows are")
                .append(" in error, so no certificate is issued (a partial certificate is a wrong bill; skip them explicitly to issue one for the valid rows): ");
        for (int i = 0; i < Math.min(3, errors.size()); i++) {
            RowError e = errors.get(i);
            sb.append(i == 0 ? "" : "; ").append("row ").append(e.row()).append(": ").append(e.reason());
        }
        if (errors.size() > 3) {
            sb.append("; …");
        }
        return new ShebaoException(ErrorCode.INVALID_INPUT, "roster", String.valueOf(errors.get(0).row()), sb.toString());
    }

    /**
     * Streams the roster: each person's bill and each row in error go to the sink as soon as they are known;
     * the certificate returned has no persons (they went to the sink). Rows in error are counted
     * ({@link Certificate#rowsInError()}); whether to issue the certificate then is the caller's decision.
     */
    public Certificate stream(CertificateRequest req, Iterator<RosterRow> roster, CertificateSink sink) {
        CertificateUnit unit = req.unit();
        String region = parameters.regions().require("region", unit.region()).code();
        Set<Insurance> insurances = unit.insurances().isEmpty() ? defaultInsurances(region) : new java.util.TreeSet<>(unit.insurances());
        java.util.Optional<Insurance> keyed = insurances.stream().filter(Insurance::riskClassRequired).findFirst();
        if (keyed.isPresent() && unit.riskClass().isEmpty()) {
            String c = keyed.get().code();
            throw ShebaoException.invalid("risk_class", "", c.replace('_', ' ') + " applies to " + region
                    + ": give the unit's risk class 1 to 8 (or leave " + c + " out of its insurances)");
        }
        Run run = new Run(req, region, insurances, sink);
        while (roster.hasNext()) {
            RosterRow r = roster.next();
            if (r.error() != null) {
                run.errors++;
                sink.error(r.error());
            } else {
                run.person(r.entry());
            }
        }
        return run.finish();
    }

    private Set<Insurance> defaultInsurances(String region) {
        Set<Insurance> out = new java.util.TreeSet<Insurance>();
        for (Insurance i : Insurance.values()) {
            if (parameters.definesAnywhere(i.definingParameter(), region)) {
                out.add(i);
            }
        }
        return out;
    }

    /** Param and MissingParam facts of the given parameters for the region and month. */
    private List<Object> paramFacts(List<String> ids, String region, YearMonth month) {
        List<Object> facts = new ArrayList<>();
        for (String id : ids) {
            ParameterDefinition d = parameters.definitions().get(id);
            if (d == null) {
                facts.add(new MissingParam(id, "", region, month, ""));
                continue;
            }
            Resolution r = parameters.resolve(id, "", region, month);
            if (r instanceof Resolution.Known k) {
                facts.add(new Param(k.value(), false));
            } else if (r instanceof Resolution.Unknown u) {
                facts.add(new MissingParam(id, "", region, month, u.lastBefore().map(ParameterValue::validity).orElse("")));
            }
        }
        return facts;
    }

    /** What the month rules decided for one situation, with what they fired and used. */
    private record Decided(List<MonthDecision> decisions, List<RuleFiring> fired, List<Param> used) {
    }

    /** One certificate being issued: the sums and lists, built person by person. */
    private final class Run {
        final CertificateRequest req;
        final String region;
        final Set<Insurance> insurances;
        final CertificateSink sink;
        final ContributionPlanner planner = new ContributionPlanner(rules);
        final List<Object> monthParams;
        final Map<PersonMonths, Decided> decided = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<PersonMonths, Decided> e) {
                return size() > MAX_CACHED;
            }
        };
        /** month → insurance → {employer, employee}; the current month and each back-paid month. */
        final Map<YearMonth, Map<Insurance, BigDecimal[]>> due = new TreeMap<>();
        final Set<RuleFiring> fired = new LinkedHashSet<>();
        final Set<ParameterUse> used = new LinkedHashSet<>();
        final Set<Message> warnings = new LinkedHashSet<>();
        final Set<Message> notes = new LinkedHashSet<>();
        final List<Exclusion> excluded = new ArrayList<>();
        final List<ApprovalItem> approvals = new ArrayList<>();
        final List<Refund> refunds = new ArrayList<>();
        long persons;
        long errors;

        Run(CertificateRequest req, String region, Set<Insurance> insurances, CertificateSink sink) {
            this.req = req;
            this.region = region;
            this.insurances = insurances;
            this.sink = sink;
            this.monthParams = paramFacts(MONTH_PARAMS, region, req.period());
        }

        void person(RosterEntry e) {
            PersonMonths pm = new PersonMonths(req.period(), YearMonth.from(e.start()), e.stop().map(YearMonth::from).orElse(null),
                    e.paidThrough().orElse(null), e.paidElsewhere(), e.notBillable());
            Decided d = decided.computeIfAbsent(pm, this::decide);
            List<PersonMonth> months = new ArrayList<>();
            List<Refund> myRefunds = new ArrayList<>();
            List<Exclusion> myExcluded = new ArrayList<>();
            List<ApprovalItem> myApprovals = new ArrayList<>();
            List<PlannedContribution> computed = new ArrayList<>();
            for (MonthDecision md : d.decisions()) {
                switch (md.getKind()) {
                    case NOT_CHARGED -> myExcluded.add(new Exclusion(e.row(), e.id(), e.name(), md.getMessage(), md.getRuleId()));
                    case NEEDS_APPROVAL -> myApprovals.add(new ApprovalItem(e.row(), e.id(), e.name(), md.getFrom(), md.getTo(),
                            md.getMessage(), md.getRuleId()));
                    case CURRENT, BACK_PAYMENT, REFUND -> {
                        Set<Insurance> ins = new java.util.TreeSet<>(insurances);
                        if (req.unit().insurances().isEmpty()) {
                            // the region's default: only insurances with a value known by then (as for a contribution)
                            ins.removeIf(i -> parameters.cityFirstFrom(i.definingParameter(), region)
                                    .filter(first -> first.isAfter(md.getFrom().atEndOfMonth())).isPresent());
                        }
                        if (md.getScope() == ChargeScope.WORK_INJURY_ONLY) {
                            ins.retainAll(Set.of(Insurance.of(WORK_INJURY))); // 仅缴工伤: the scope names this one insurance
                        }
                        if (ins.isEmpty()) {
                            myExcluded.add(new Exclusion(e.row(), e.id(), e.name(), new Message("NOTHING_TO_CHARGE",
                                    md.getMessage().zh() + "；本单位未参加工伤保险，无应缴",
                                    md.getMessage().en() + "; the unit is not insured for work injury: nothing to charge"),
                                    md.getRuleId()));
                            continue;
                        }
                        PlannedContribution c;
                        try {
                            c = planner.evaluate(request(e, md.getFrom(), ins));
                        } catch (ShebaoException ex) {
                            errors++;
                            sink.error(rowError(e, ex, md));
                            return; // nothing of a person in error is charged
                        }
                        computed.add(c);
                        BigDecimal er = c.totals().employer();
                        BigDecimal ee = c.totals().employee();
                        if (md.getKind() == MonthKind.REFUND) {
                            myRefunds.add(new Refund(e.row(), e.id(), e.name(), md.getFrom(), er, ee));
                        }
                        months.add(new PersonMonth(md.getFrom(), md.getKind(), md.getScope(), c.lines(), er, ee, md.getRuleId()));
                    }
                }
            }
            // the person is computed whole: only now are the sums touched
            persons++;
            fired.addAll(d.fired());
            d.used().forEach(p -> use(p));
            for (PlannedContribution c : computed) {
                fired.addAll(c.trace().rules());
                used.addAll(c.trace().parameters());
                warnings.addAll(c.warnings());
            }
            for (PersonMonth m : months) {
                if (m.kind() == MonthKind.REFUND) {
                    continue;
                }
                Map<Insurance, BigDecimal[]> byIns = due.computeIfAbsent(m.month(), k -> new java.util.TreeMap<>());
                for (ContributionLine l : m.lines()) {
                    BigDecimal[] s = byIns.computeIfAbsent(l.insurance(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    s[0] = s[0].add(l.employer());
                    s[1] = s[1].add(l.employee());
                }
            }
            excluded.addAll(myExcluded);
            approvals.addAll(myApprovals);
            refunds.addAll(myRefunds);
            sink.person(new PersonBill(e.row(), e.id(), e.name(), months));
        }

        private void use(Param p) {
            ParameterValue v = p.getValue();
            used.add(ParameterUse.of(v, p.isCarriedForward()));
            if (v.provenance() == Provenance.SECONDARY) {
                notes.add(new Message("SECONDARY_SOURCE",
                        v.qualifiedId() + " = " + v.raw() + " 来自二手资料，尚未经发文机关核实：" + v.reference(),
                        v.qualifiedId() + " = " + v.raw() + " is from a secondary source, not yet checked against the issuing office: "
                                + v.reference()));
            }
        }

        private ContributionRequest request(RosterEntry e, YearMonth month, Set<Insurance> ins) {
            CertificateUnit u = req.unit();
            ContributionRequest.Builder b = ContributionRequest.builder(region, month).floatGrade(u.floatGrade())
                    .insurances(ins).allowCarryForward(req.allowCarryForward()).unitKind(u.kind());
            e.wage().ifPresent(b::wage);
            e.base().ifPresent(b::base);
            u.riskClass().ifPresent(b::riskClass);
            return b.build();
        }

        private RowError rowError(RosterEntry e, ShebaoException ex, MonthDecision md) {
            String field = ex.field().orElse("");
            String value = ex.value().orElse("");
            if (ex.code() == ErrorCode.PARAMETER_UNKNOWN) {
                // the month is charged because of the start or paid-through date; the parameter is named in the reason
                field = md.getKind() == MonthKind.CURRENT ? PopulationColumns.PERIOD : "start";
                value = md.getKind() == MonthKind.CURRENT ? md.getFrom().toString() : e.start().toString();
            } else if (field.equals("wage") || field.equals("base")) {
                value = e.wage().or(e::base).map(BigDecimal::toPlainString).orElse(value);
            }
            String what = switch (md.getKind()) {
                case CURRENT -> "";
                case BACK_PAYMENT -> "back payment " + md.getFrom() + ": ";
                default -> "refund " + md.getFrom() + ": ";
            };
            return new RowError(e.row(), e.id(), field, value, what + ex.getMessage());
        }

        private Decided decide(PersonMonths pm) {
            List<Object> facts = new ArrayList<>(monthParams);
            facts.add(pm);
            RuleEngine.Evaluation ev = engine.execute(facts);
            failIfAny(ev);
            List<MonthDecision> ds = new ArrayList<>(ev.inserted(MonthDecision.class));
            ds.sort((a, b) -> a.getFrom().compareTo(b.getFrom()) != 0 ? a.getFrom().compareTo(b.getFrom())
                    : a.getKind().compareTo(b.getKind()));
            return new Decided(List.copyOf(ds), List.copyOf(ev.fired()), List.copyOf(ev.paramsUsed()));
        }

        Certificate finish() {
            List<Object> facts = new ArrayList<>(paramFacts(TERMS_PARAMS, region, req.period()));
            facts.add(new CertificateTerms(req.period(), req.issuedOn(), req.paymentDate(), parameters.calendar()));
            req.interestRate().ifPresent(r -> facts.add(new SuppliedRate(r)));
            for (var m : due.entrySet()) {
                MonthKind k = m.getKey().equals(req.period()) ? MonthKind.CURRENT : MonthKind.BACK_PAYMENT;
                for (var i : m.getValue().entrySet()) {
                    facts.add(new AmountDue(i.getKey(), k, m.getKey(), i.getValue()[0], i.getValue()[1]));
                }
            }
            RuleEngine.Evaluation ev;
            try {
                ev = engine.execute(facts);
            } catch (RuntimeException ex) {
                throw unwrap(ex);
            }
            failIfAny(ev);
            fired.addAll(ev.fired());
            ev.paramsUsed().forEach(this::use);
            ev.inserted(CertificateNote.class).forEach(n -> warnings.add(n.message()));
            Deadline deadline = ev.inserted(Deadline.class).get(0);
            List<Surcharge> surcharges = ev.inserted(Surcharge.class);

            // per insurance and per month: amounts and surcharges
            Map<Insurance, BigDecimal[]> perIns = new java.util.TreeMap<>(); // employer, employee, interest, late fee
            Map<YearMonth, BigDecimal[]> perMonth = new TreeMap<>();
            for (Insurance i : insurances) {
                perIns.put(i, zeros(4));
            }
            for (var m : due.entrySet()) {
                BigDecimal[] pm = perMonth.computeIfAbsent(m.getKey(), k -> zeros(4));
                for (var i : m.getValue().entrySet()) {
                    BigDecimal[] pi = perIns.computeIfAbsent(i.getKey(), k -> zeros(4));
                    pi[0] = pi[0].add(i.getValue()[0]);
                    pi[1] = pi[1].add(i.getValue()[1]);
                    pm[0] = pm[0].add(i.getValue()[0]);
                    pm[1] = pm[1].add(i.getValue()[1]);
                }
            }
            for (Surcharge s : surcharges) {
                int slot = s.kind().equals(Surcharge.INTEREST) ? 2 : 3;
                BigDecimal[] pi = perIns.get(s.insurance());
                pi[slot] = pi[slot].add(s.amount());
                BigDecimal[] pm = perMonth.get(s.month());
                pm[slot] = pm[slot].add(s.amount());
            }
            List<CertificateLine> lines = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            for (var e : perIns.entrySet()) {
                BigDecimal[] v = scaled(e.getValue());
                BigDecimal t = v[0].add(v[1]).add(v[2]).add(v[3]);
                lines.add(new CertificateLine(e.getKey(), v[0], v[1], v[2], v[3], t));
                total = total.add(t);
            }
            List<CollectionItem> collection = new ArrayList<>();
            // the current month first, then the back-paid months in order, as the certificate lists them
            perMonth.entrySet().stream().sorted((a, b) -> a.getKey().equals(req.period()) ? -1
                            : b.getKey().equals(req.period()) ? 1 : a.getKey().compareTo(b.getKey()))
                    .forEach(e -> {
                        BigDecimal[] v = scaled(e.getValue());
                        collection.add(new CollectionItem(e.getKey().equals(req.period()) ? MonthKind.CURRENT : MonthKind.BACK_PAYMENT,
                                e.getKey(), v[0], v[1], v[3], v[2], v[0].add(v[1]).add(v[2]).add(v[3])));
                    });
            BigDecimal refundTotal = refunds.stream().map(Refund::total).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            if (errors > 0) {
                warnings.add(new Message("PARTIAL", "部分认定单：名册中 " + errors + " 行有误，未计入本单据",
                        "partial certificate: " + errors + " roster rows in error are not included"));
            }
            notes.add(new Message("DEADLINE_COUNTED",
                    "缴费截止日期 " + deadline.date() + "：自经办日期 " + req.issuedOn() + " 当日或其后第一个工作日起（该日不计）数有效期工作日，节假日与调休按国务院安排",
                    "deadline " + deadline.date() + ": the validity's working days counted after the first working day on or after the issue date "
                            + req.issuedOn() + " (that day not counted), on the State Council's holiday arrangements"));
            String number = req.issuedOn().format(DateTimeFormatter.BASIC_ISO_DATE) + digits(Sha256.of(
                    String.join("|", req.unit().code(), req.period().toString(), req.issuedOn().toString(), total.toPlainString(),
                            String.valueOf(persons))));
            return new Certificate(req.unit(), req.period(), req.issuedOn(), req.paymentDate(), deadline.date(), number, lines,
                    total, ChineseCapitals.of(total), collection, List.of(), persons, errors, excluded, approvals, refunds,
                    refundTotal, List.copyOf(warnings), List.copyOf(notes), new Trace(List.copyOf(fired), List.copyOf(used)));
        }
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] a = new BigDecimal[n];
        java.util.Arrays.fill(a, BigDecimal.ZERO);
        return a;
    }

    private static BigDecimal[] scaled(BigDecimal[] v) {
        BigDecimal[] out = new BigDecimal[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i].setScale(Math.max(2, v[i].scale()));
        }
        return out;
    }

    /** Eight decimal digits from a hex hash. */
    private static String digits(String hex) {
        return String.format("%08d", Long.parseLong(hex.substring(0, 12), 16) % 100_000_000L);
    }

    private static void failIfAny(RuleEngine.Evaluation ev) {
        List<Failure> failures = Failure.inOrder(ev.inserted(Failure.class));
        if (!failures.isEmpty()) {
            Failure f = failures.get(0);
            throw new ShebaoException(f.getCode(), f.getField(), f.getValue(), Failure.describe(failures));
        }
    }

    /** A calendar error raised inside a rule (a year with no holiday arrangement) surfaces as itself. */
    private static RuntimeException unwrap(RuntimeException ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ShebaoException s) {
                return s;
            }
        }
        return ex;
    }
}
