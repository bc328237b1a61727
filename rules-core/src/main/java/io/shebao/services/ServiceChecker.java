package io.shebao.services;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.calendar.HolidayCalendar;
import io.shebao.internal.engine.RuleEngine;
import io.shebao.internal.facts.Failure;
import io.shebao.internal.facts.Finding;
import io.shebao.internal.facts.Param;
import io.shebao.internal.facts.ServiceRequest;
import io.shebao.parameter.ParameterSet;
import io.shebao.parameter.ParameterValue;
import io.shebao.parameter.Provenance;
import io.shebao.parameter.Resolution;
import io.shebao.retirement.Category;
import io.shebao.retirement.ConditionStatus;
import io.shebao.retirement.EarlyKind;
import io.shebao.retirement.OptionKind;
import io.shebao.retirement.RetirementOption;
import io.shebao.retirement.RetirementQuery;
import io.shebao.retirement.RetirementResult;
import io.shebao.retirement.Sex;
import io.shebao.retirement.SpecialWork;
import io.shebao.retirement.TransferGround;
import io.shebao.trace.Message;
import io.shebao.trace.ParameterUse;
import io.shebao.trace.Trace;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * 事项核验: checks one item for one applicant. Facts arrive as text and are parsed by the item's
 * {@link FactSpec}s; a required fact not given is an error naming every missing fact. Rule items run the
 * {@code services} rule base over the request and the item's parameters in force at the application month;
 * retirement items delegate to {@link ShebaoRules#retirement}; other items answer TO_VERIFY with the guide's
 * conditions in words. Deadlines come from the time limits on the holiday calendar.
 */
public final class ServiceChecker {
    /** The kbase name in the catalogue's kmodule.xml. */
    public static final String KIE_BASE = "services";
    /** Region of the guide's parameters: the guide is Wuhan's. */
    public static final String REGION = "wuhan";

    private final ServiceCatalogue catalogue;
    private final ShebaoRules rules;
    private final ParameterSet parameters;

    public ServiceChecker(ServiceCatalogue catalogue, ShebaoRules rules) {
        this.catalogue = catalogue;
        this.rules = rules;
        this.parameters = rules.parameters();
    }

    public ServiceCheck check(String code, Map<String, String> given, LocalDate appliedOn) {
        ServiceItem item = catalogue.item(code);
        CheckSpec spec = catalogue.check(item.code());
        Map<String, Object> typed = typedFacts(spec, given);
        List<ServiceCondition> conditions;
        List<Message> notes = new ArrayList<>();
        Trace trace;
        Optional<Integer> benefit = Optional.empty();
        switch (spec.engine()) {
            case RULES -> {
                Ruled r = runRules(item, spec, typed, appliedOn, notes);
                conditions = r.conditions();
                trace = r.trace();
                benefit = r.benefitMonths();
            }
            case RETIREMENT -> {
                RetirementResult rr = rules.retirement(retirementQuery(item, typed, appliedOn));
                conditions = retirementConditions(item, rr, typed, appliedOn);
                rr.notes().forEach(notes::add);
                rr.warnings().forEach(notes::add);
                trace = rr.trace();
            }
            default -> {
                conditions = List.of(new ServiceCondition("GUIDE_CONDITIONS", ConditionStatus.TO_VERIFY,
                        new Message("GUIDE_CONDITIONS", "办事条件（待窗口核实）：" + item.conditions(),
                                "Conditions of the guide (Chinese text above), to be verified at the counter from the documents: "
                                        + "no rule decides this item from facts."), List.of()));
                trace = new Trace(List.of(), List.of());
            }
        }
        ServiceOutcome outcome = anyOf(item.code()) ? anyOfOutcome(conditions) : ServiceOutcome.of(conditions);
        HolidayCalendar cal = rules.calendar();
        return new ServiceCheck(item.code(), item.name(), spec.engine(), appliedOn, new TreeMap<>(given), outcome,
                conditions, item.materials().isEmpty() ? List.of(item.materialsText()) : item.materials(),
                deadline(item.statutoryLimit(), appliedOn, cal), deadline(item.promisedLimit(), appliedOn, cal), benefit,
                notes, trace);
    }

    /** Items whose conditions are grounds of which one suffices (条件之一). */
    static boolean anyOf(String code) {
        return code.equals("SBZX00041") || code.equals("SBZX00062");
    }

    static ServiceOutcome anyOfOutcome(List<ServiceCondition> grounds) {
        if (grounds.stream().anyMatch(c -> c.status() == ConditionStatus.MET)) {
            return ServiceOutcome.ELIGIBLE;
        }
        return grounds.stream().anyMatch(c -> c.status() == ConditionStatus.TO_VERIFY)
                ? ServiceOutcome.TO_VERIFY : ServiceOutcome.NOT_ELIGIBLE;
    }

    private static Map<String, Object> typedFacts(CheckSpec spec, Map<String, String> given) {
        Map<String, FactSpec> byName = new LinkedHashMap<>();
        spec.facts().forEach(f -> byName.put(f.name(), f));
        for (String k : given.keySet()) {
            if (!byName.containsKey(k)) {
                throw ShebaoException.invalid("fact", k, spec.code() + " reads "
                        + (byName.isEmpty() ? "no facts (its conditions are verified from documents)"
                        : "only: " + String.join(", ", byName.keySet())));
            }
        }
        List<String> missing = spec.facts().stream().filter(f -> f.required() && !given.containsKey(f.name()))
                .map(f -> f.name() + " (" + f.allowed() + ")").toList();
        if (!missing.isEmpty()) {
            throw new ShebaoException(ErrorCode.INVALID_INPUT, "facts", String.join(",", missing.stream()
                    .map(m -> m.substring(0, m.indexOf(' '))).toList()),
                    spec.code() + " needs the facts: " + String.join(", ", missing));
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        for (FactSpec f : spec.facts()) {
            String v = given.get(f.name());
            if (v != null) {
                typed.put(f.name(), f.parse(v));
            }
        }
        return typed;
    }

    private record Ruled(List<ServiceCondition> conditions, Optional<Integer> benefitMonths, Trace trace) {
    }

    private Ruled runRules(ServiceItem item, CheckSpec spec, Map<String, Object> typed, LocalDate appliedOn,
                           List<Message> notes) {
        YearMonth at = YearMonth.from(appliedOn);
        List<Object> facts = new ArrayList<>();
        facts.add(new ServiceRequest(item.code(), appliedOn, typed));
        for (String id : spec.parameters()) {
            var def = parameters.definition(id).orElseThrow(() -> new ShebaoException(ErrorCode.RULES_UNAVAILABLE, id, null,
                    "checks.yaml names parameter " + id + " for " + item.code() + " but no parameter file declares it"));
            List<String> keys = def.keyed() ? parameters.keys(id, REGION) : List.of("");
            if (keys.isEmpty()) {
                throw unknownParameter(id, at, item);
            }
            for (String key : keys) {
                Resolution r = parameters.resolve(id, key, REGION, at);
                if (r instanceof Resolution.Known k) {
                    facts.add(new Param(k.value(), false));
                } else {
                    throw unknownParameter(def.keyed() ? id + "[" + key + "]" : id, at, item);
                }
            }
        }
        RuleEngine.Evaluation ev = RuleEngine.forKieBase(KIE_BASE).execute(facts);
        List<Failure> failures = Failure.inOrder(ev.inserted(Failure.class));
        if (!failures.isEmpty()) {
            Failure f = failures.get(0);
            throw new ShebaoException(f.getCode(), f.getField(), f.getValue(), f.getMessage());
        }
        List<Finding> findings = ev.inserted(Finding.class);
        List<ServiceCondition> conditions = findings.stream().filter(f -> f.getTopic().equals(item.code()))
                .map(f -> new ServiceCondition(f.getCode(), f.getStatus(), f.getMessage(), List.of(f.getRuleId())))
                .toList();
        if (conditions.isEmpty()) {
            throw new ShebaoException(ErrorCode.RULES_UNAVAILABLE, "code", item.code(),
                    "no services rule concluded on " + item.code() + ": checks.yaml says it is decided by rules");
        }
        findings.stream().filter(f -> f.getTopic().equals("note")).map(Finding::getMessage).forEach(notes::add);
        Optional<Integer> benefit = findings.stream().filter(f -> f.getTopic().equals("benefit"))
                .map(Finding::getMonths).findFirst();
        List<ParameterUse> used = new ArrayList<>();
        for (Param p : ev.paramsUsed()) {
            ParameterValue v = p.getValue();
            used.add(ParameterUse.of(v, false));
            if (v.provenance() == Provenance.SECONDARY) {
                notes.add(new Message("SECONDARY_SOURCE",
                        v.qualifiedId() + " = " + v.raw() + " 来自二手资料，尚未经发文机关核实：" + v.reference(),
                        v.qualifiedId() + " = " + v.raw() + " is from a secondary source, not yet checked against the issuing office: "
                                + v.reference()));
            }
            if (v.provenance() == Provenance.SCENARIO) {
                notes.add(new Message("SCENARIO_VALUE", v.qualifiedId() + " = " + v.raw() + " 是假设情景的取值，并非现行规定",
                        v.qualifiedId() + " = " + v.raw() + " is a what-if value, not a rule in force"));
            }
        }
        return new Ruled(conditions, benefit, new Trace(ev.fired(), used));
    }

    private static ShebaoException unknownParameter(String id, YearMonth at, ServiceItem item) {
        return new ShebaoException(ErrorCode.PARAMETER_UNKNOWN, id, at.toString(),
                "no value of " + id + " known for " + REGION + " in " + at + " (needed by " + item.code() + ")");
    }

    // ---- retirement items: the retirement rules decide, this maps their answer onto the item's conditions

    private static RetirementQuery retirementQuery(ServiceItem item, Map<String, Object> f, LocalDate appliedOn) {
        Sex sex = Sex.fromCode((String) f.get("sex")).orElseThrow();
        RetirementQuery.Builder b = RetirementQuery.builder().region(REGION).sex(sex).birthMonth((YearMonth) f.get("birth"))
                .contributionMonths((Integer) f.get("contribution_months")).asOf(appliedOn);
        if (f.containsKey("category")) {
            b.category(Category.fromCode((String) f.get("category")).orElseThrow());
        } else if (sex == Sex.FEMALE) {
            throw ShebaoException.invalid("category", "", item.code() + " needs the fact category for a woman; allowed: "
                    + Category.allowedCodes());
        }
        if (f.containsKey("first_insured")) {
            b.firstInsured((YearMonth) f.get("first_insured"));
        }
        if (f.containsKey("special_work")) {
            b.specialWork(SpecialWork.fromCode((String) f.get("special_work")).orElseThrow(),
                    (Integer) f.getOrDefault("special_work_years", 0));
        }
        b.incapacityCertified(Boolean.TRUE.equals(f.get("incapacity_certified")));
        b.soeIdentity(Boolean.TRUE.equals(f.get("soe_identity")));
        Set<TransferGround> grounds = EnumSet.noneOf(TransferGround.class);
        if (Boolean.TRUE.equals(f.get("hukou_return"))) {
            grounds.add(TransferGround.HUKOU_RETURN);
        }
        if (Boolean.TRUE.equals(f.get("approved_transfer"))) {
            grounds.add(TransferGround.APPROVED_TRANSFER);
        }
        if (Boolean.TRUE.equals(f.get("ten_year_return"))) {
            grounds.add(TransferGround.TEN_YEAR_RETURN);
        }
        b.transferGrounds(grounds);
        return b.build();
    }

    private static List<ServiceCondition> retirementConditions(ServiceItem item, RetirementResult r, Map<String, Object> f,
                                                               LocalDate appliedOn) {
        YearMonth at = YearMonth.from(appliedOn);
        return switch (item.code()) {
            case "SBZX00060" -> {
                boolean aged = !r.retirementMonth().isAfter(at);
                int have = r.query().contributionMonths();
                boolean years = have >= r.minimumContributionMonths();
                yield List.of(
                        new ServiceCondition("STATUTORY_AGE", aged ? ConditionStatus.MET : ConditionStatus.NOT_MET,
                                new Message("STATUTORY_AGE", "法定退休年龄 " + r.statutoryAge() + "，于 " + r.retirementMonth()
                                        + (aged ? " 已达到" : " 达到，申请月 " + at + " 尚未达到"),
                                        "statutory retirement age " + r.statutoryAge() + ", reached in " + r.retirementMonth()
                                                + (aged ? "" : "; not yet reached in the application month " + at)),
                                r.ageRules()),
                        new ServiceCondition("MINIMUM_CONTRIBUTION", years ? ConditionStatus.MET : ConditionStatus.NOT_MET,
                                new Message("MINIMUM_CONTRIBUTION", "累计缴费（含视同）" + have + " 个月，最低缴费年限 "
                                        + r.minimumContributionMonths() + " 个月" + (years ? "，已满足" : "，尚差 "
                                        + (r.minimumContributionMonths() - have) + " 个月（可延长缴费或一次性补缴，见 SBZX00038）"),
                                        have + " months of contributions (incl. deemed), minimum " + r.minimumContributionMonths()
                                                + " months" + (years ? ": met" : ": " + (r.minimumContributionMonths() - have)
                                                + " months short (extend or pay in one sum, see SBZX00038)")),
                                r.contributionRules()));
            }
            case "SBZX00062" -> {
                List<ServiceCondition> grounds = new ArrayList<>();
                grounds.add(option("AGE_AND_SHORT", r.option(OptionKind.ONE_OFF_ACCOUNT_PAYMENT).orElseThrow()));
                grounds.add(declared(f, "died_before_retirement", "DIED_BEFORE_RETIREMENT",
                        "参保职工未达到法定退休年龄死亡（凭死亡证明核实）", "the insured died before the statutory age (death certificate to verify)"));
                grounds.add(declared(f, "emigrated", "EMIGRATED",
                        "出国（境）定居要求退保（凭定居证明核实）", "settled abroad and asks to withdraw (proof of settlement to verify)"));
                yield grounds;
            }
            case "SBZX00038" -> List.of(option("LUMP_SUM_BACK_PAYMENT", r.option(OptionKind.LUMP_SUM_BACK_PAYMENT).orElseThrow()));
            case "SBZX00041" -> r.transferIn().grounds().stream()
                    .map(c -> new ServiceCondition(c.code(), c.status(), c.text(), c.rules())).toList();
            case "YLC00001" -> early(r, EarlyKind.SPECIAL_WORK);
            case "YLC00002" -> early(r, EarlyKind.ILLNESS);
            default -> throw new ShebaoException(ErrorCode.RULES_UNAVAILABLE, "code", item.code(),
                    "checks.yaml sends " + item.code() + " to the retirement rules, which do not answer it");
        };
    }

    private static ServiceCondition option(String code, RetirementOption o) {
        String zh = o.reasons().stream().map(Message::zh).collect(Collectors.joining("；"));
        String en = o.reasons().stream().map(Message::en).collect(Collectors.joining("; "));
        return new ServiceCondition(code, o.available() ? ConditionStatus.MET : ConditionStatus.NOT_MET,
                new Message(code, zh, en), o.rules());
    }

    private static ServiceCondition declared(Map<String, Object> f, String fact, String code, String zh, String en) {
        ConditionStatus s = Boolean.TRUE.equals(f.get(fact)) ? ConditionStatus.TO_VERIFY : ConditionStatus.NOT_MET;
        return new ServiceCondition(code, s, new Message(code, (s == ConditionStatus.NOT_MET ? "未申报：" : "已申报，待核实：") + zh,
                (s == ConditionStatus.NOT_MET ? "not declared: " : "declared, to verify: ") + en), List.of());
    }

    private static List<ServiceCondition> early(RetirementResult r, EarlyKind kind) {
        return r.early(kind).orElseThrow().conditions().stream()
                .map(c -> new ServiceCondition(c.code(), c.status(), c.text(), c.rules())).toList();
    }

    // ---- deadlines

    /** The completion date of a time limit for an application on {@code appliedOn}. */
    public static Deadline deadline(TimeLimit limit, LocalDate appliedOn, HolidayCalendar cal) {
        if (!limit.fromApplication() && limit.kind() != TimeLimitKind.NONE) {
            return new Deadline(limit, Optional.empty(), new Message("NOT_FROM_APPLICATION",
                    "时限不从申请日起算（" + limit.text() + "），无法仅凭申请日推算",
                    "the limit does not count from the application date (see the text), so no date is computed from it"));
        }
        return switch (limit.kind()) {
            case NONE -> new Deadline(limit, Optional.empty(), new Message("NO_LIMIT", "无时限", "no time limit stated"));
            case IMMEDIATE -> new Deadline(limit, Optional.of(appliedOn), new Message("IMMEDIATE",
                    "即时办结：申请当日", "done at the counter on the day of application"));
            case WORKING_DAYS -> new Deadline(limit, Optional.of(cal.plusWorkingDays(appliedOn, limit.number())),
                    new Message("WORKING_DAYS", "申请日后第 " + limit.number() + " 个工作日（申请日不计，按国务院节假日安排）",
                            "the " + limit.number() + "th working day after the application date (not counted), on the State Council holiday arrangements"));
            case DAYS -> {
                LocalDate last = appliedOn.plusDays(limit.number());
                LocalDate end = cal.firstWorkingDayFrom(last);
                yield new Deadline(limit, Optional.of(end), new Message("CALENDAR_DAYS",
                        "申请日起 " + limit.number() + " 日" + (end.equals(last) ? "" : "；期间最后一日 " + last
                                + " 为休息日，顺延至 " + end + "（民法典 第二百零三条）"),
                        limit.number() + " calendar days from the application date" + (end.equals(last) ? "" : "; the last day "
                                + last + " is a day off, so the period ends on the next working day " + end
                                + " (Civil Code Art. 203)")));
            }
            case SCHEDULE -> new Deadline(limit, Optional.empty(), new Message("SCHEDULE",
                    "按固定日程办理（" + limit.text() + "），不从申请日起算", "on a fixed schedule (see the text), not counted from the application date"));
        };
    }
}
