package io.shebao.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.shebao.contribution.Insurance;
import io.shebao.parameter.ParameterOrigin;
import io.shebao.trace.ParameterUse;
import io.shebao.trace.RuleFiring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 计算说明: a readable account of a recorded evaluation, built from the record alone (request, result and
 * trace), so a record can be explained years later without the library that made it: each amount, the
 * rule that produced it with its legal basis, and the parameter values with their documents.
 */
public record Explanation(List<String> lines) {
    public Explanation {
        lines = List.copyOf(lines);
    }

    public String text() {
        return String.join("\n", lines) + "\n";
    }

    public static Explanation of(AuditRecord record, Language lang) {
        return switch (record.kind()) {
            case CONTRIBUTION -> contribution(record, lang);
            case RETIREMENT -> retirement(record, lang);
            case CERTIFICATE -> certificate(record, lang);
            case SERVICE -> new Explanation(ServiceAudit.explain(record, lang));
        };
    }

    private static Explanation certificate(AuditRecord record, Language lang) {
        boolean zh = lang.chinese();
        JsonNode req = record.request();
        JsonNode res = record.result();
        List<String> out = new ArrayList<>();
        out.add((zh ? "社会保险费应缴认定单：单位 " : "Contribution certificate: unit ") + req.path("unit").path("code").asText()
                + " " + req.path("unit").path("name").asText() + "，" + req.path("unit").path("region").asText() + " "
                + req.path("period").asText() + (zh ? "，经办日期 " : ", issued ") + req.path("issuedOn").asText()
                + (zh ? "，缴费截止日期 " : ", deadline ") + res.path("deadline").asText());
        for (JsonNode l : res.path("lines")) {
            String code = l.path("insurance").asText();
            String name = Insurance.fromCode(code).map(i -> zh ? i.nameZh() : code).orElse(code);
            out.add("  " + name + (zh ? "：单位 " : ": employer ") + l.path("employer").asText() + (zh ? "，个人 " : ", employee ")
                    + l.path("employee").asText() + (zh ? "，利息 " : ", interest ") + l.path("interest").asText()
                    + (zh ? "，滞纳金 " : ", late fee ") + l.path("lateFee").asText() + (zh ? "，合计 " : ", total ")
                    + l.path("total").asText());
        }
        out.add((zh ? "应缴合计 " : "Total ") + res.path("total").asText() + "（" + res.path("totalInWords").asText() + "）");
        out.add((zh ? "核定人数 " : "Persons ") + res.path("personCount").asText() + (zh ? "；不核定 " : "; not charged ")
                + res.path("excluded").size() + (zh ? "；需审批 " : "; needing approval ") + res.path("needsApproval").size()
                + (zh ? "；退费 " : "; refunds ") + res.path("refunds").size());
        for (RuleFiring f : TraceJson.rules(record.trace())) {
            if (f.id().startsWith("CERT-")) {
                out.add("  " + (zh ? "规则 " : "rule ") + f.id() + " “" + f.name() + "”" + (zh ? "，依据：" : "; basis: ") + f.legalBasis());
            }
        }
        return new Explanation(out);
    }

    private static Explanation contribution(AuditRecord record, Language lang) {
        boolean zh = lang.chinese();
        JsonNode req = record.request();
        JsonNode res = record.result();
        JsonNode trace = record.trace();
        List<RuleFiring> rules = TraceJson.rules(trace);
        List<ParameterUse> params = TraceJson.parameters(trace);
        List<String> out = new ArrayList<>();

        StringBuilder head = new StringBuilder(zh ? "缴费核定：" : "Contribution: ");
        head.append(req.path("region").asText()).append(' ').append(req.path("period").asText());
        List<String> inputs = new ArrayList<>();
        if (req.has("wage")) {
            inputs.add((zh ? "申报工资 " : "declared wage ") + req.get("wage").asText());
        }
        if (req.has("base")) {
            inputs.add((zh ? "给定缴费基数 " : "supplied base ") + req.get("base").asText());
        }
        if (req.has("riskClass")) {
            inputs.add((zh ? "行业风险类别 " : "risk class ") + req.get("riskClass").asText());
        }
        inputs.add((zh ? "浮动档次 " : "float grade ") + req.path("floatGrade").asText() + "%");
        head.append(zh ? "（" : " (").append(String.join(zh ? "；" : "; ", inputs)).append(zh ? "）" : ")");
        out.add(head.toString());

        // 缴费基数
        JsonNode lines = res.path("lines");
        String base = lines.size() > 0 ? yuan(lines.get(0).path("base").asText()) : "";
        String adj = res.path("baseAdjustment").asText();
        out.add((zh ? "缴费基数 " : "Contribution base ") + base + (zh ? "：" : ": ") + adjustment(adj, zh));
        rule(rules, ContributionAudit.BASE_RULES, zh, out);
        for (ParameterUse p : params) {
            if (p.id().startsWith("contribution_base.")) {
                out.add("  " + (zh ? "参数 " : "parameter ") + p.qualifiedId() + " = " + p.value() + sep(zh) + cite(p, zh));
            }
        }

        // 各险种
        for (JsonNode l : lines) {
            String code = l.path("insurance").asText();
            String name = Insurance.fromCode(code).map(i -> zh ? i.nameZh() : i.nameEn())
                    .orElse(code);
            String lb = yuan(l.path("base").asText());
            Optional<ParameterUse> er = find(params, code + ".employer_rate");
            Optional<ParameterUse> ee = find(params, code + ".employee_rate");
            Optional<ParameterUse> fixed = find(params, code + ".employee_fixed");
            out.add(name + (zh ? "单位缴费 " : ", employer: ") + l.path("employer").asText() + " = "
                    + (zh ? "基数 " : "base ") + lb + " × " + pct(l.path("employerRate").asText())
                    + er.map(p -> sep(zh) + cite(p, zh)).orElse(""));
            if (ee.isPresent() || !l.path("employeeRate").asText("0").matches("0(\\.0*)?")) {
                out.add(name + (zh ? "个人缴费 " : ", employee: ") + l.path("employee").asText() + " = "
                        + (zh ? "基数 " : "base ") + lb + " × " + pct(l.path("employeeRate").asText())
                        + ee.map(p -> sep(zh) + cite(p, zh)).orElse("")
                        + (l.has("employeeFixed") ? (zh ? " + 固定金额 " : " + fixed amount ") + l.get("employeeFixed").asText()
                        + fixed.map(p -> sep(zh) + cite(p, zh)).orElse("") : ""));
            }
            for (ParameterUse p : params) {
                if (p.id().startsWith(code + ".") && !p.id().equals(code + ".employer_rate")
                        && !p.id().equals(code + ".employee_rate") && !p.id().equals(code + ".employee_fixed")) {
                    out.add("  " + (zh ? "参数 " : "parameter ") + p.qualifiedId() + " = " + p.value() + sep(zh) + cite(p, zh));
                }
            }
            rule(rules, ContributionAudit.LINE_RULE_PREFIX.getOrDefault(code, "?"), zh, out);
        }

        // 舍入
        List<ParameterUse> rounding = params.stream().filter(p -> p.id().startsWith("contribution.rounding.")).toList();
        if (!rounding.isEmpty()) {
            StringBuilder s = new StringBuilder(zh ? "舍入：" : "Rounding: ");
            List<String> ps = new ArrayList<>();
            rounding.forEach(p -> ps.add(p.qualifiedId() + " = " + p.value() + sep(zh) + cite(p, zh)));
            s.append(String.join(zh ? "；" : "; ", ps));
            out.add(s.toString());
            rule(rules, ContributionAudit.ROUNDING_RULES, zh, out);
        }

        JsonNode t = res.path("totals");
        out.add(zh ? "合计：单位 " + t.path("employer").asText() + "，个人 " + t.path("employee").asText() + "，总计 "
                + t.path("total").asText()
                : "Totals: employer " + t.path("employer").asText() + ", employee " + t.path("employee").asText()
                + ", total " + t.path("total").asText());
        rule(rules, ContributionAudit.TOTAL_RULES, zh, out);

        for (JsonNode w : res.path("warnings")) {
            out.add((zh ? "警告 " : "WARNING ") + w.path("code").asText() + (zh ? "：" : ": ")
                    + w.path(zh ? "zh" : "en").asText());
        }
        for (JsonNode n : res.path("notes")) {
            out.add((zh ? "说明 " : "note ") + n.path("code").asText() + (zh ? "：" : ": ") + n.path(zh ? "zh" : "en").asText());
        }
        out.add((zh ? "记录摘要 " : "record digest ") + record.digest() + (zh ? "；规则集 " : "; rule set ")
                + record.ruleSetHash() + (zh ? "；参数集 " : "; parameter set ") + record.parameterSetHash()
                + (zh ? "；版本 " : "; library ") + record.libraryVersion());
        return new Explanation(out);
    }

    private static Explanation retirement(AuditRecord record, Language lang) {
        boolean zh = lang.chinese();
        JsonNode q = record.request();
        JsonNode res = record.result();
        List<RuleFiring> fired = TraceJson.rules(record.trace());
        List<String> out = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        out.add(zh ? "退休审批：" + q.path("region").asText() + " " + q.path("category").asText() + "，出生 "
                + q.path("birthMonth").asText() + "，截至 " + q.path("asOf").asText() + "（累计缴费 "
                + q.path("contributionMonths").asText() + " 个月）"
                : "Retirement: " + q.path("region").asText() + " " + q.path("category").asText() + ", born "
                + q.path("birthMonth").asText() + ", as of " + q.path("asOf").asText() + " ("
                + q.path("contributionMonths").asText() + " contribution months)");
        out.add(zh ? "原法定退休年龄 " + age(res.path("originalAge"), true) + "，原退休月份 " + res.path("originalMonth").asText()
                : "Original retirement age " + age(res.path("originalAge"), false) + ", original month "
                + res.path("originalMonth").asText());
        boolean reform = res.path("reformApplied").asBoolean();
        out.add(zh ? "法定退休年龄 " + age(res.path("statutoryAge"), true) + "，退休月份 " + res.path("retirementMonth").asText()
                + (reform ? "（延迟 " + res.path("delayMonths").asText() + " 个月，适用渐进式延迟退休办法）" : "（不适用延迟退休改革）")
                : "Statutory retirement age " + age(res.path("statutoryAge"), false) + ", retirement month "
                + res.path("retirementMonth").asText() + (reform ? " (delayed " + res.path("delayMonths").asText()
                + " months under the 2025 reform)" : " (the 2025 reform does not apply)"));
        rules(shown, res.path("ageRules"), fired, zh, out);
        boolean met = res.path("contributionMet").asBoolean();
        out.add(zh ? "最低缴费月数 " + res.path("minimumContributionMonths").asText() + "，退休时累计 "
                + res.path("contributionMonthsAtRetirement").asText() + " 个月："
                + (met ? "满足" : "不满足，差 " + res.path("shortfallMonths").asText() + " 个月")
                : "Minimum contribution months " + res.path("minimumContributionMonths").asText() + ", at retirement "
                + res.path("contributionMonthsAtRetirement").asText() + ": "
                + (met ? "met" : "not met, short by " + res.path("shortfallMonths").asText() + " months"));
        rules(shown, res.path("contributionRules"), fired, zh, out);
        JsonNode w = res.path("flexibleWindow");
        if (w.isObject()) {
            out.add(zh ? "弹性退休：最早 " + w.path("earliest").asText("无") + "，最晚 " + w.path("latest").asText()
                    : "Flexible retirement: earliest " + w.path("earliest").asText("none") + ", latest " + w.path("latest").asText());
            messages(w.path("reasons"), zh, out);
            rules(shown, w.path("rules"), fired, zh, out);
        }
        JsonNode r = res.path("requested");
        if (r.isObject()) {
            boolean ok = r.path("allowed").asBoolean();
            out.add(zh ? "申请退休月份 " + r.path("month").asText() + "：" + (ok ? "可以" : "不可以")
                    : "Requested month " + r.path("month").asText() + ": " + (ok ? "allowed" : "refused"));
            messages(r.path("reasons"), zh, out);
            rules(shown, r.path("rules"), fired, zh, out);
        }
        for (JsonNode o : res.path("options")) {
            boolean ok = o.path("available").asBoolean();
            String extra = (o.has("month") ? (zh ? "，自 " : ", from ") + o.get("month").asText() : "")
                    + (o.has("months") ? (zh ? "，" + o.get("months").asText() + " 个月" : ", " + o.get("months").asText() + " months") : "");
            out.add((zh ? "选项 " + o.path("nameZh").asText() + "（" + o.path("kind").asText() + "）：" + (ok ? "可以" : "否")
                    : "Option " + o.path("kind").asText() + ": " + (ok ? "available" : "not available")) + extra);
            messages(o.path("reasons"), zh, out);
            rules(shown, o.path("rules"), fired, zh, out);
        }
        for (JsonNode e : res.path("earlyRetirement")) {
            out.add(zh ? "提前退休 " + e.path("nameZh").asText() + "（" + e.path("item").asText() + "）：" + e.path("eligible").asText()
                    : "Early retirement " + e.path("kind").asText() + " (" + e.path("item").asText() + "): " + e.path("eligible").asText());
            conditions(e.path("conditions"), zh, out);
            rules(shown, e.path("rules"), fired, zh, out);
        }
        JsonNode t = res.path("transferIn");
        out.add((zh ? "养老保险关系转入：" : "Pension transfer-in: ") + t.path("allowed").asText());
        conditions(t.path("grounds"), zh, out);
        rules(shown, t.path("rules"), fired, zh, out);
        for (JsonNode m : res.path("reasons")) {
            out.add((zh ? "理由 " : "reason ") + m.path("code").asText() + (zh ? "：" : ": ") + m.path(zh ? "zh" : "en").asText());
        }
        for (JsonNode m : res.path("warnings")) {
            out.add((zh ? "警告 " : "WARNING ") + m.path("code").asText() + (zh ? "：" : ": ") + m.path(zh ? "zh" : "en").asText());
        }
        for (JsonNode m : res.path("notes")) {
            out.add((zh ? "说明 " : "note ") + m.path("code").asText() + (zh ? "：" : ": ") + m.path(zh ? "zh" : "en").asText());
        }
        List<RuleFiring> others = fired.stream().filter(f -> !shown.contains(f.id())).toList();
        if (!others.isEmpty()) {
            out.add(zh ? "其他适用规则：" : "Other rules applied:");
            for (RuleFiring f : others) {
                out.add("  " + (zh ? "规则 " : "rule ") + f.id() + " “" + f.name() + "”");
                out.add("    " + (zh ? "依据：" : "legal basis: ") + f.legalBasis());
            }
        }
        out.add(zh ? "所用参数：" : "Parameters used:");
        for (ParameterUse p : TraceJson.parameters(record.trace())) {
            out.add("  " + p.qualifiedId() + " = " + p.value() + sep(zh) + cite(p, zh));
        }
        out.add((zh ? "记录摘要 " : "record digest ") + record.digest() + (zh ? "；规则集 " : "; rule set ")
                + record.ruleSetHash() + (zh ? "；参数集 " : "; parameter set ") + record.parameterSetHash()
                + (zh ? "；版本 " : "; library ") + record.libraryVersion());
        return new Explanation(out);
    }

    private static String age(JsonNode a, boolean zh) {
        int y = a.path("years").asInt();
        int m = a.path("months").asInt();
        return zh ? y + "岁" + (m == 0 ? "" : m + "个月") : y + " years" + (m == 0 ? "" : " " + m + (m == 1 ? " month" : " months"));
    }

    private static void messages(JsonNode ms, boolean zh, List<String> out) {
        for (JsonNode m : ms) {
            out.add("  " + m.path(zh ? "zh" : "en").asText());
        }
    }

    private static void conditions(JsonNode cs, boolean zh, List<String> out) {
        for (JsonNode c : cs) {
            out.add("  [" + c.path("status").asText() + "] " + c.path(zh ? "zh" : "en").asText());
        }
    }

    /** The rules a retirement answer lists, with their legal basis from the trace. */
    private static void rules(Set<String> shown, JsonNode ids, List<RuleFiring> fired, boolean zh, List<String> out) {
        for (JsonNode id : ids) {
            shown.add(id.asText());
            RuleFiring f = fired.stream().filter(x -> x.id().equals(id.asText())).findFirst()
                    .orElse(new RuleFiring(id.asText(), "", "", ""));
            out.add("  " + (zh ? "规则 " : "rule ") + f.id() + (f.name().isEmpty() ? "" : " “" + f.name() + "”"));
            if (!f.legalBasis().isEmpty()) {
                out.add("    " + (zh ? "依据：" : "legal basis: ") + f.legalBasis());
            }
        }
    }

    private static String adjustment(String adj, boolean zh) {
        return switch (adj) {
            case "WITHIN_LIMITS" -> zh ? "申报工资在缴费基数上下限之内，以申报工资为基数" : "the declared wage lies within the floor and ceiling and is the base";
            case "RAISED_TO_FLOOR" -> zh ? "申报工资低于缴费基数下限，按下限核定" : "the declared wage is below the floor; the floor is the base";
            case "LOWERED_TO_CEILING" -> zh ? "申报工资高于缴费基数上限，按上限核定" : "the declared wage is above the ceiling; the ceiling is the base";
            case "SUPPLIED" -> zh ? "由调用方直接给定，未按上下限调整" : "supplied by the caller and used as given";
            default -> adj;
        };
    }

    private static void rule(List<RuleFiring> rules, String prefix, boolean zh, List<String> out) {
        for (RuleFiring f : rules) {
            if (f.id().startsWith(prefix)) {
                out.add("  " + (zh ? "规则 " : "rule ") + f.id() + " “" + f.name() + "”");
                out.add("    " + (zh ? "依据：" : "legal basis: ") + f.legalBasis());
                if (!f.source().isEmpty()) {
                    out.add("    " + (zh ? "出处：" : "source: ") + f.source());
                }
            }
        }
    }

    private static Optional<ParameterUse> find(List<ParameterUse> ps, String id) {
        return ps.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** （reference；2016-05-01 起至 2024-12-31；seed） or (reference; from 2016-05-01 until 2024-12-31; seed). */
    static String cite(ParameterUse p, boolean zh) {
        List<String> parts = new ArrayList<>();
        parts.add(p.reference());
        parts.add(zh ? p.from() + " 起" + p.until().map(u -> "至 " + u).orElse("")
                : "from " + p.from() + p.until().map(u -> " until " + u).orElse(""));
        parts.add(p.provenance());
        if (!p.pack().isEmpty() && !p.pack().equals(ParameterOrigin.BUNDLED)) {
            parts.add((zh ? "参数包 " : "pack ") + p.pack());
        }
        if (p.carriedForward()) {
            parts.add(zh ? "已过期，沿用" : "carried forward past its end");
        }
        return zh ? "（" + String.join("；", parts) + "）" : "(" + String.join("; ", parts) + ")";
    }

    private static String sep(boolean zh) {
        return zh ? "" : " ";
    }

    /** What a record's amounts and rates may be to be formatted (anything else is shown as written). */
    private static final io.shebao.internal.number.DecimalBounds SHOWN = new io.shebao.internal.number.DecimalBounds("a displayable number",
            30, 30, new BigDecimal("-1e30"), false, new BigDecimal("1e30"));

    /** An amount in yuan shown to the fen at least (3450 → 3450.00); display only, never rounds. */
    static String yuan(String amount) {
        if (!SHOWN.accepts(amount)) {
            return amount; // a crafted amount is shown as written, never expanded
        }
        try {
            BigDecimal d = new BigDecimal(amount);
            return d.scale() < 2 ? d.setScale(2).toPlainString() : d.toPlainString();
        } catch (NumberFormatException e) {
            return amount;
        }
    }

    static String pct(String rate) {
        if (!SHOWN.accepts(rate)) {
            return rate;
        }
        try {
            return new BigDecimal(rate).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        } catch (NumberFormatException e) {
            return rate;
        }
    }
}
