package io.shebao.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.ShebaoRules;
import io.shebao.audit.AuditRecord;
import io.shebao.contribution.ContributionLine;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.contribution.Insurance;
import io.shebao.contribution.UnitKind;
import io.shebao.contribution.Contributor;
import io.shebao.retirement.Sex;
import io.shebao.internal.json.ContributionJson;
import io.shebao.internal.json.WhatifJson;
import io.shebao.scenario.Scenario;
import io.shebao.contribution.ContributionTotals;
import io.shebao.trace.Message;
import io.shebao.trace.ParameterUse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

@Command(name = "contribution", mixinStandardHelpOptions = true,
        description = {"Monthly social-insurance contribution of one enterprise employee (缴费核定).",
                "Example: shebao contribution --region yichang --period 2023-05 --wage 3450 --risk-class 1"})
final class ContributionCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    Common common;

    @Mixin
    AuditOptions audit;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Option(names = "--region", required = true, paramLabel = "REGION",
            description = "Region code, e.g. wuhan, yichang, hubei (see `shebao params regions`).")
    String region;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", converter = Converters.Month.class,
            description = "The month the contribution is for.")
    YearMonth period;

    @Option(names = "--wage", paramLabel = "YUAN", converter = Converters.Amount.class,
            description = "Declared monthly wage (申报缴费工资); clamped to the base floor and ceiling.")
    BigDecimal wage;

    @Option(names = "--base", paramLabel = "YUAN", converter = Converters.Amount.class,
            description = "A base already declared (缴费基数): used as given, no floor or ceiling.")
    BigDecimal base;

    @Option(names = "--risk-class", paramLabel = "1-8", converter = Converters.RiskClass.class,
            description = "Employer's work-injury industry risk class (行业风险类别), 1 to 8.")
    Integer riskClass;

    @Option(names = "--float-grade", paramLabel = "PERCENT", converter = Converters.Percent.class,
            description = "Employer's work-injury float grade in percent (default 100).")
    BigDecimal floatGrade = ContributionRequest.DEFAULT_FLOAT_GRADE;

    @Option(names = "--insurances", split = ",", paramLabel = "LIST",
            description = "Insurances to compute, comma-separated: pension, unemployment, work_injury, medical, maternity (default: all the region's parameters define).")
    List<String> insurances = new ArrayList<>();

    @Option(names = "--unit-kind", paramLabel = "KIND", converter = Converters.Kind.class,
            description = "Kind of employer (参保单位类型): sme, large, individual-business or public-institution;"
                    + " needed for 2020-02…2020-12 (employer-share exemption, 人社部发〔2020〕11号, 49号).")
    UnitKind unitKind;

    @Option(names = "--contributor", paramLabel = "KIND", defaultValue = "employee",
            description = "Who pays: employee (企业职工, default) or flexible (灵活就业人员: give --base within the year's floor and ceiling).")
    String contributor = "employee";

    @Option(names = "--birth", paramLabel = "YYYY-MM", converter = Converters.Month.class,
            description = "Birth month of a flexible worker (with --sex), for the enrolment-age check (SBZX00029).")
    YearMonth birth;

    @Option(names = "--sex", paramLabel = "SEX", description = "male or female (with --birth).")
    String sex;

    @Option(names = "--allow-carry-forward",
            description = "Where a needed parameter has no value for the period, carry its last value forward (with a warning) instead of failing.")
    boolean allowCarryForward;

    /** 缴费核定 answers: computed, recorded and printed the same way as every one-question command. */
    static final Answer<ContributionRequest, ContributionResult> ANSWER = new Answer<>(new Answer.Kind<>() {
        @Override
        public ContributionResult evaluate(ShebaoRules rules, ContributionRequest request) {
            return rules.contribution(request);
        }

        @Override
        public AuditRecord record(ShebaoRules rules, ContributionResult answer) {
            return rules.audit().record(answer);
        }

        @Override
        public ObjectNode json(ContributionResult answer) {
            return ContributionJson.resultWithTrace(answer);
        }

        @Override
        public ObjectNode comparisonJson(ContributionResult before, ContributionResult after, Scenario s) {
            return WhatifJson.comparison(before, after, s);
        }

        @Override
        public void table(PrintWriter out, ContributionResult answer) {
            printTable(out, answer);
        }

        @Override
        public void comparisonTable(PrintWriter out, ContributionResult before, ContributionResult after, Scenario s) {
            printComparison(out, before, after, s);
        }
    });

    @Override
    public void run() {
        if ((wage == null) == (base == null)) {
            throw new CliException(2, "--wage/--base: give exactly one of --wage (declared wage) and --base (a base already declared)");
        }
        ContributionRequest.Builder b = ContributionRequest.builder(region, period).floatGrade(floatGrade)
                .allowCarryForward(allowCarryForward);
        if (wage != null) {
            b.wage(wage);
        } else {
            b.base(base);
        }
        if (riskClass != null) {
            b.riskClass(riskClass);
        }
        b.insurances(parseInsurances(insurances));
        b.unitKind(unitKind);
        b.contributor(Contributor.fromCode(contributor).orElseThrow(() ->
                CliException.badInput("--contributor", contributor, "allowed: " + Contributor.allowedCodes())));
        if (birth != null || sex != null) {
            if (birth == null || sex == null) {
                throw new CliException(2, (birth == null ? "--birth" : "--sex")
                        + ": missing; give both --birth YYYY-MM and --sex male|female, or neither");
            }
            b.person(birth, Sex.fromCode(sex).orElseThrow(() ->
                    CliException.badInput("--sex", sex, "allowed: " + Sex.allowedCodes())));
        }
        ANSWER.print(b.build(), common, scenarioOptions, audit, spec.commandLine().getOut());
    }

    static List<Insurance> parseInsurances(List<String> codes) {
        List<Insurance> out = new ArrayList<>();
        for (String c : codes) {
            out.add(Insurance.fromCode(c.trim()).orElseThrow(() ->
                    CliException.badInput("--insurances", c, "allowed: " + Insurance.allowedCodes())));
        }
        return out;
    }

    static void printTable(PrintWriter out, ContributionResult r) {
        out.printf("%s %s  (base: %s)%n", r.request().region(), r.request().period(), r.baseAdjustment());
        Table t = new Table("insurance", "险种", "base", "employer rate", "employee rate", "employer", "employee", "total");
        for (ContributionLine l : r.lines()) {
            t.row(l.insurance().code(), l.insurance().nameZh(), l.base().toPlainString(), pct(l.employerRate()),
                    pct(l.employeeRate()) + (l.employeeFixed().signum() != 0 ? " + " + l.employeeFixed().toPlainString() : ""),
                    l.employer().toPlainString(), l.employee().toPlainString(), l.total().toPlainString());
        }
        t.row("total", "合计", "", "", "", r.totals().employer().toPlainString(), r.totals().employee().toPlainString(),
                r.totals().total().toPlainString());
        t.print(out);
        // read at 100 columns: warnings, notes, rules and parameters wrap under their label
        for (Message m : r.warnings()) {
            ServicesCommand.wrap(out, "WARNING ", m.code() + ": " + m.en());
            ServicesCommand.wrap(out, "        ", m.zh());
        }
        for (Message m : r.notes()) {
            ServicesCommand.wrap(out, "note ", m.code() + ": " + m.en());
        }
        out.println();
        out.println("Rules fired:");
        ServicesCommand.printRules(out, r.trace().rules());
        out.println("Parameters used:");
        for (ParameterUse u : r.trace().parameters()) {
            ServicesCommand.wrap(out, "  ", String.format("%-32s %s", u.qualifiedId(), u.value()));
            ServicesCommand.wrap(out, "      ", u.region() + " " + u.validity().strip() + " [" + u.provenance() + "] "
                    + (u.pack().equals("bundled") ? "" : "pack " + u.pack() + " ") + u.file() + ":" + u.line()
                    + (u.carriedForward() ? " CARRIED FORWARD" : ""));
            ServicesCommand.wrap(out, "      ", u.reference());
        }
    }

    /** Baseline and scenario side by side, per insurance and side, with the differences. */
    static void printComparison(PrintWriter out, ContributionResult before, ContributionResult after, Scenario s) {
        out.printf("%s %s  baseline vs scenario %s%n", before.request().region(), before.request().period(),
                ScenarioOptions.label(s));
        Table t = new Table("insurance", "险种", "employer now", "employer scenario", "Δ employer",
                "employee now", "employee scenario", "Δ employee", "Δ total");
        java.util.TreeSet<Insurance> ins = new java.util.TreeSet<Insurance>();
        before.lines().forEach(l -> ins.add(l.insurance()));
        after.lines().forEach(l -> ins.add(l.insurance()));
        for (Insurance i : ins) {
            BigDecimal[] b = amounts(before, i);
            BigDecimal[] a = amounts(after, i);
            t.row(i.code(), i.nameZh(), b[0].toPlainString(), a[0].toPlainString(), signed(a[0].subtract(b[0])),
                    b[1].toPlainString(), a[1].toPlainString(), signed(a[1].subtract(b[1])),
                    signed(a[0].add(a[1]).subtract(b[0]).subtract(b[1])));
        }
        ContributionTotals tb = before.totals();
        ContributionTotals ta = after.totals();
        t.row("total", "合计", tb.employer().toPlainString(), ta.employer().toPlainString(),
                signed(ta.employer().subtract(tb.employer())), tb.employee().toPlainString(), ta.employee().toPlainString(),
                signed(ta.employee().subtract(tb.employee())), signed(ta.total().subtract(tb.total())));
        t.print(out);
        out.println("base: " + before.baseAdjustment() + " " + before.lines().stream().findFirst().map(l -> l.base().toPlainString()).orElse("")
                + " now; " + after.baseAdjustment() + " " + after.lines().stream().findFirst().map(l -> l.base().toPlainString()).orElse("")
                + " under the scenario");
        out.println("Scenario values used:");
        boolean any = false;
        for (ParameterUse u : after.trace().parameters()) {
            if (u.provenance().equals("scenario")) {
                any = true;
                out.printf("  %-32s %-10s %-12s %s  %s:%d%n", u.qualifiedId(), u.value(), u.region(), u.validity(), u.file(), u.line());
            }
        }
        if (!any) {
            out.println("  (none: the scenario does not touch this case)");
        }
        for (Message m : after.warnings()) {
            ServicesCommand.wrap(out, "WARNING ", m.code() + ": " + m.en());
        }
    }

    private static BigDecimal[] amounts(ContributionResult r, Insurance i) {
        return r.line(i).map(l -> new BigDecimal[]{l.employer(), l.employee()})
                .orElse(new BigDecimal[]{BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)});
    }

    static String signed(BigDecimal d) {
        return (d.signum() > 0 ? "+" : "") + d.toPlainString();
    }

    static String pct(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
