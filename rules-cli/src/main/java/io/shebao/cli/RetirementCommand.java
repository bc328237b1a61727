package io.shebao.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.ShebaoRules;
import io.shebao.audit.AuditRecord;
import io.shebao.internal.json.WhatifJson;
import io.shebao.scenario.Scenario;
import io.shebao.internal.json.RetirementJson;
import io.shebao.retirement.Category;
import io.shebao.retirement.Condition;
import io.shebao.retirement.EarlyRetirement;
import io.shebao.retirement.RetirementOption;
import io.shebao.retirement.RetirementQuery;
import io.shebao.retirement.RetirementResult;
import io.shebao.retirement.Sex;
import io.shebao.retirement.SpecialWork;
import io.shebao.retirement.TransferGround;
import io.shebao.trace.Message;
import io.shebao.trace.ParameterUse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

@Command(name = "retirement", mixinStandardHelpOptions = true,
        description = {"When a person may retire (退休审批): statutory age and month before and after the 2025 reform.",
                "Also the minimum contribution years, the options when short, the flexible window, early retirement and pension transfer-in.",
                "Example: shebao retirement --sex male --birth 1965-05 --category male --contribution-months 192 --as-of 2026-11-01"})
final class RetirementCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    Common common;

    @Mixin
    AuditOptions audit;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Option(names = "--sex", paramLabel = "SEX", converter = SexConverter.class,
            description = "male or female (read from --id-number when that is given).")
    Sex sex;

    @Option(names = "--birth", paramLabel = "YYYY-MM", converter = Converters.Month.class,
            description = "Birth month (read from --id-number when that is given).")
    YearMonth birth;

    @Option(names = "--id-number", paramLabel = "ID",
            description = "18-digit resident ID number: birth date and sex are read from it and its check digit verified.")
    String idNumber;

    @Option(names = "--category", paramLabel = "CATEGORY", converter = CategoryConverter.class,
            description = "Original-age category: male, female-cadre, female-worker, female-flexible, female-individual-50, female-individual-55 (default male for men).")
    Category category;

    @Option(names = "--contribution-months", required = true, paramLabel = "MONTHS", converter = MonthsConverter.class,
            description = "Contribution months so far, including deemed months (累计缴费月数，含视同缴费).")
    int contributionMonths;

    @Option(names = "--first-insured", paramLabel = "YYYY-MM", converter = Converters.Month.class,
            description = "Month first insured (首次参保), for the back-payment rule of SBZX00038.")
    YearMonth firstInsured;

    @Option(names = "--requested", paramLabel = "YYYY-MM", converter = Converters.Month.class,
            description = "A retirement month to check (flexible early or deferred retirement).")
    YearMonth requested;

    @Option(names = "--special-work", split = ",", paramLabel = "KIND:YEARS",
            description = "Years of special work by kind (heights, heavy-labour, underground, high-temperature, toxic), e.g. heights:11 (repeatable).")
    List<String> specialWork = new ArrayList<>();

    @Option(names = "--incapacity", description = "Complete loss of working capacity certified (完全丧失劳动能力鉴定).")
    boolean incapacity;

    @Option(names = "--soe-identity", description = "Regular employee of a state or collective enterprise (国有/集体企业正式职工身份).")
    boolean soeIdentity;

    @Option(names = "--transfer-ground", split = ",", paramLabel = "GROUND",
            description = "Declared grounds for a pension transfer-in (SBZX00041): hukou-return, approved-transfer, ten-year-return.")
    List<String> transferGrounds = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = Converters.Day.class,
            description = "Date of the question (default: today); contributions are counted up to it.")
    LocalDate asOf;

    @Option(names = "--region", defaultValue = RetirementQuery.DEFAULT_REGION, paramLabel = "REGION",
            description = "Region (the pension-receiving place), default ${DEFAULT-VALUE}.")
    String region;

    /** 退休 answers: computed, recorded and printed the same way as every one-question command. */
    static final Answer<RetirementQuery, RetirementResult> ANSWER = new Answer<>(new Answer.Kind<>() {
        @Override
        public RetirementResult evaluate(ShebaoRules rules, RetirementQuery query) {
            return rules.retirement(query);
        }

        @Override
        public AuditRecord record(ShebaoRules rules, RetirementResult answer) {
            return rules.audit().record(answer);
        }

        @Override
        public ObjectNode json(RetirementResult answer) {
            return RetirementJson.resultWithTrace(answer);
        }

        @Override
        public ObjectNode comparisonJson(RetirementResult before, RetirementResult after, Scenario s) {
            return WhatifJson.retirementComparison(before, after, s);
        }

        @Override
        public void table(PrintWriter out, RetirementResult answer) {
            printTable(out, answer);
        }

        @Override
        public void comparisonTable(PrintWriter out, RetirementResult before, RetirementResult after, Scenario s) {
            printComparison(out, before, after, s);
        }
    });

    @Override
    public void run() {
        RetirementQuery.Builder b = RetirementQuery.builder().region(region).sex(sex).birthMonth(birth)
                .category(category).contributionMonths(contributionMonths).firstInsured(firstInsured)
                .requested(requested).incapacityCertified(incapacity).soeIdentity(soeIdentity)
                .asOf(asOf == null ? LocalDate.now() : asOf);
        if (idNumber != null) {
            b.idNumber(idNumber);
        }
        for (String s : specialWork) {
            parseSpecialWork(b, s);
        }
        List<TransferGround> gs = new ArrayList<>();
        for (String g : transferGrounds) {
            gs.add(TransferGround.fromCode(g.trim()).orElseThrow(() ->
                    CliException.badInput("--transfer-ground", g, "allowed: " + TransferGround.allowedCodes())));
        }
        b.transferGrounds(gs);
        if (sex == null && idNumber == null) {
            throw new CliException(2, "--sex: missing; give --sex male|female or --id-number");
        }
        if (birth == null && idNumber == null) {
            throw new CliException(2, "--birth: missing; give --birth YYYY-MM or --id-number");
        }
        ANSWER.print(b.build(), common, scenarioOptions, audit, spec.commandLine().getOut());
    }

    private static void parseSpecialWork(RetirementQuery.Builder b, String s) {
        String[] p = s.trim().split(":", 2);
        SpecialWork k = SpecialWork.fromCode(p[0]).orElseThrow(() -> CliException.badInput("--special-work", s,
                "KIND:YEARS with KIND one of " + SpecialWork.allowedCodes()));
        String years = p.length > 1 ? p[1].strip() : "";
        if (!io.shebao.internal.number.WholeBounds.YEARS.accepts(years)) {
            throw CliException.badInput("--special-work", s, "KIND:YEARS with YEARS "
                    + io.shebao.internal.number.WholeBounds.YEARS.allowed() + ", e.g. heights:11");
        }
        b.specialWork(k, Integer.parseInt(years));
    }

    /** Baseline and scenario answers side by side. */
    static void printComparison(PrintWriter out, RetirementResult a, RetirementResult b, Scenario s) {
        out.println("baseline vs scenario " + ScenarioOptions.label(s));
        Table t = new Table("item 项目", "now 现行", "scenario 情景", "change 变化").maxWidths(32, 22, 22, 16)
                .leftAligned();
        t.row("statutory age 法定退休年龄", a.statutoryAge().en(), b.statutoryAge().en(),
                signedMonths(b.statutoryAge().totalMonths() - a.statutoryAge().totalMonths()));
        t.row("retirement month 退休月份", a.retirementMonth().toString(), b.retirementMonth().toString(),
                signedMonths(ChronoUnit.MONTHS.between(a.retirementMonth(), b.retirementMonth())));
        t.row("reform applied 适用改革", String.valueOf(a.reformApplied()), String.valueOf(b.reformApplied()), "");
        t.row("minimum months 最低缴费月数", String.valueOf(a.minimumContributionMonths()),
                String.valueOf(b.minimumContributionMonths()), signedMonths(b.minimumContributionMonths() - a.minimumContributionMonths()));
        t.row("minimum met 是否满足", a.contributionMet() ? "yes" : "no (short " + a.shortfallMonths() + ")",
                b.contributionMet() ? "yes" : "no (short " + b.shortfallMonths() + ")", "");
        t.print(out);
        for (Message m : b.warnings()) {
            ServicesCommand.wrap(out, "WARNING ", m.code() + ": " + m.en());
        }
    }

    private static String signedMonths(long m) {
        return m == 0 ? "0" : (m > 0 ? "+" : "") + m + " months";
    }

    static void printTable(PrintWriter out, RetirementResult r) {
        RetirementQuery q = r.query();
        ServicesCommand.wrap(out, "", String.format("%s · %s %s · 出生 born %s · 截至 as of %s", q.region(),
                q.category().nameZh(), q.category().code(), q.birthMonth(), q.asOf()));
        // read at 100 columns: long items, answers and rule lists wrap within their column
        Table t = new Table("item 项目", "answer 结果", "rules 规则").maxWidths(ITEM_WIDTH, ANSWER_WIDTH, RULES_WIDTH)
                .leftAligned();
        t.row("original age" + " " + "原法定退休年龄", r.originalAge().zh() + " / " + r.originalAge().en() + " · " + r.originalMonth(), "");
        t.row("statutory age" + " " + "法定退休年龄", r.statutoryAge().zh() + " / " + r.statutoryAge().en()
                + (r.reformApplied() ? " (+" + r.delayMonths() + ")" : " (reform n/a 不适用改革)"), String.join(",", r.ageRules()));
        t.row("retirement month" + " " + "退休月份", r.retirementMonth().toString(), "");
        t.row("minimum months" + " " + "最低缴费月数", String.valueOf(r.minimumContributionMonths()), String.join(",", r.contributionRules()));
        t.row("months at retirement" + " " + "届时缴费月数", String.valueOf(r.contributionMonthsAtRetirement()), "");
        t.row("minimum met" + " " + "是否满足", r.contributionMet() ? "yes 是" : "no 否 (short 差 " + r.shortfallMonths() + ")", "");
        r.flexibleWindow().ifPresent(w -> {
            t.row("flexible earliest" + " " + "弹性提前最早", w.earliest().map(YearMonth::toString).orElse("none 无"), String.join(",", w.rules()));
            t.row("flexible latest" + " " + "弹性延迟最晚", w.latest().toString(), "");
        });
        r.requested().ifPresent(d -> t.row("requested " + d.month() + " " + "申请退休月份", d.allowed() ? "allowed 可以" : "refused 不可以",
                String.join(",", d.rules())));
        for (RetirementOption o : r.options()) {
            String ans = o.available() ? "yes 可以" + o.month().map(m -> " from " + m).orElse("")
                    + (o.months() > 0 ? ", " + o.months() + " months 个月" : "") : "no 否";
            t.row(o.kind().code() + " " + o.kind().nameZh(), ans, String.join(",", o.rules()));
        }
        for (EarlyRetirement e : r.earlyRetirement()) {
            t.row("early: " + e.kind().code() + " " + e.kind().nameZh(), outcome(e.eligible()), String.join(",", e.rules()));
        }
        t.row("transfer-in" + " " + "养老保险关系转入", outcome(r.transferIn().allowed()), String.join(",", r.transferIn().rules()));
        t.print(out);
        out.println();
        out.println("Why 理由:");
        for (Message m : r.reasons()) {
            line(out, "", m);
        }
        r.flexibleWindow().ifPresent(w -> w.reasons().forEach(m -> line(out, "flexible", m)));
        r.requested().ifPresent(d -> d.reasons().forEach(m -> line(out, "requested", m)));
        for (RetirementOption o : r.options()) {
            if (o.available() || !r.contributionMet()) {
                o.reasons().forEach(m -> line(out, o.kind().code(), m));
            }
        }
        for (EarlyRetirement e : r.earlyRetirement()) {
            for (Condition c : e.conditions()) {
                line(out, e.kind().code() + " " + c.status(), c.text());
            }
        }
        for (Condition c : r.transferIn().grounds()) {
            line(out, "transfer-in " + c.status(), c.text());
        }
        for (Message m : r.warnings()) {
            line(out, "WARNING", m);
        }
        for (Message m : r.notes()) {
            line(out, "note", m);
        }
        out.println();
        out.println("Rules fired 规则:");
        ServicesCommand.printRules(out, r.trace().rules());
        out.println("Parameters used 参数:");
        // the id and value on one line, aligned; where the value comes from on the next
        int idWidth = Math.min(PARAMETER_ID_WIDTH,
                r.trace().parameters().stream().mapToInt(u -> u.qualifiedId().length()).max().orElse(0));
        for (ParameterUse u : r.trace().parameters()) {
            ServicesCommand.wrap(out, "  ", String.format("%-" + Math.max(1, idWidth) + "s %s", u.qualifiedId(), u.value()));
            ServicesCommand.wrap(out, "      ", u.region() + " " + u.validity().strip() + " [" + u.provenance() + "] "
                    + (u.pack().equals("bundled") ? "" : "pack " + u.pack() + " ") + u.file() + ":" + u.line()
                    + (u.carriedForward() ? " CARRIED FORWARD" : ""));
        }
    }

    /** Column widths of the answer table: 38 + 2 + 34 + 2 + 24 stays within 100 columns. */
    static final int ITEM_WIDTH = 38;
    static final int ANSWER_WIDTH = 34;
    static final int RULES_WIDTH = 24;
    /** Longest parameter id padded for alignment; a longer one (rare) pushes its value along. */
    private static final int PARAMETER_ID_WIDTH = 60;

    /** A reason in Chinese, then in English, each wrapped at 100 columns under its bullet. */
    private static void line(PrintWriter out, String label, Message m) {
        ServicesCommand.wrap(out, "  - ", (label.isEmpty() ? "" : "[" + label + "] ") + m.zh());
        ServicesCommand.wrap(out, "    ", m.en());
    }

    private static String outcome(io.shebao.retirement.Outcome o) {
        return switch (o) {
            case YES -> "yes 符合";
            case NO -> "no 不符合";
            case IF_VERIFIED -> "if verified 待核实";
        };
    }

    static final class SexConverter implements CommandLine.ITypeConverter<Sex> {
        @Override
        public Sex convert(String v) {
            return Sex.fromCode(v).orElseThrow(() ->
                    new CommandLine.TypeConversionException("'" + v + "' is not a sex; allowed: " + Sex.allowedCodes()));
        }
    }

    static final class CategoryConverter implements CommandLine.ITypeConverter<Category> {
        @Override
        public Category convert(String v) {
            return Category.fromCode(v).orElseThrow(() ->
                    new CommandLine.TypeConversionException("'" + v + "' is not a category; allowed: " + Category.allowedCodes()));
        }
    }

    static final class MonthsConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String v) {
            // ASCII digits and a bound before any arithmetic (docs/LIMITS.md)
            if (io.shebao.internal.number.WholeBounds.MONTHS.accepts(v)) {
                return Integer.parseInt(v);
            }
            throw new CommandLine.TypeConversionException("'" + v + "' is not a number of months; allowed: "
                    + io.shebao.internal.number.WholeBounds.MONTHS.allowed());
        }
    }
}
