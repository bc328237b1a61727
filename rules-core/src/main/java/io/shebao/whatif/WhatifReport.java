package io.shebao.whatif;

import io.shebao.ShebaoRules;
import io.shebao.contribution.Insurance;
import io.shebao.scenario.ParameterOverride;
import io.shebao.scenario.Scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * 测算报告: the what-if comparison as one self-contained HTML file (inline CSS and SVG, no script, nothing
 * fetched from the network) that a policy officer can open or e-mail: what the scenario changes, the totals
 * under the baseline and the scenario, who pays more or less, and the change per wage band.
 */
public final class WhatifReport {
    private WhatifReport() {
    }

    /** Money with thousands separators and two decimals, e.g. {@code 1,234,567.80}; negative with a minus. */
    public static String money(BigDecimal d) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(d);
    }

    /**
     * @param population the population's label (its file name), shown in the report
     * @param parametersHash the baseline parameter set's hash, so the report can be tied to its inputs
     */
    public static String html(Summary s, Scenario scenario, String population, String parametersHash) {
        StringBuilder h = new StringBuilder(32_000);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(esc("What-if: " + scenario.name())).append("</title>\n")
                .append("<style>\n")
                .append("body{font-family:'Noto Sans CJK SC','Noto Sans SC','Microsoft YaHei','PingFang SC',-apple-system,'Segoe UI',sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}\n")
                .append("h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}\n")
                .append("table{border-collapse:collapse;margin:.5em 0;font-size:.92em}th,td{border:1px solid #ccc;padding:.25em .6em}\n")
                .append("th{background:#f0f3f7;text-align:left}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n")
                .append("tr.total td{font-weight:bold;background:#fafafa}.up{color:#b00020}.down{color:#00703c}\n")
                .append(".meta{color:#555;font-size:.85em}.desc{white-space:pre-wrap;background:#f7f7f7;padding:.6em;border-left:3px solid #4a78b5}\n")
                .append(".key{display:flex;flex-wrap:wrap;gap:.8em;margin:1em 0}.key div{border:1px solid #ccc;padding:.5em .8em;min-width:12em}\n")
                .append(".key b{display:block;font-size:1.35em}.note{font-size:.85em;color:#444}svg.chart{max-width:1000px;display:block;margin:.6em 0}\n")
                .append("@page{size:A4;margin:14mm}\n")
                .append("@media print{body{max-width:none;margin:0;padding:0;font-size:9.5pt}h2{break-after:avoid;page-break-after:avoid}")
                .append("table,svg,.key,figure{break-inside:avoid;page-break-inside:avoid}th{background:#eee!important;-webkit-print-color-adjust:exact;print-color-adjust:exact}")
                .append("svg rect{-webkit-print-color-adjust:exact;print-color-adjust:exact}.pagebreak{break-before:page;page-break-before:always}}\n")
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>假设情景测算 / What-if: ").append(esc(scenario.name())).append("</h1>\n");
        h.append("<p class=\"meta\">population ").append(esc(population)).append(" · ").append(s.rows())
                .append(" rows computed · ").append(s.errors()).append(" rows in error · shebao ")
                .append(esc(ShebaoRules.version())).append(" · scenario hash ").append(esc(scenario.hash()))
                .append(" · baseline parameters ").append(esc(parametersHash.substring(0, Math.min(16, parametersHash.length()))))
                .append("</p>\n");
        h.append("<div class=\"desc\">").append(esc(scenario.description())).append("</div>\n");
        keyFigures(h, s);

        h.append("<h2>情景调整 / What the scenario changes</h2>\n");
        if (!scenario.overrides().isEmpty()) {
            h.append("<table><tr><th>parameter</th><th>region</th><th>from</th><th>until</th><th>value</th><th>sub-regions</th><th>reference</th></tr>\n");
            for (ParameterOverride o : scenario.overrides()) {
                h.append("<tr><td>").append(esc(o.qualifiedId())).append("</td><td>").append(esc(o.region()))
                        .append("</td><td>").append(o.from()).append("</td><td>")
                        .append(o.until().map(Object::toString).orElse("open")).append("</td><td class=\"n\">")
                        .append(esc(o.value())).append("</td><td>").append(o.cities() ? "replaced too" : "keep their own")
                        .append("</td><td>").append(esc(o.reference())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (!scenario.switches().isEmpty()) {
            h.append("<table><tr><th>switch</th><th>value</th></tr>\n");
            scenario.switches().forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td>")
                    .append(esc(v)).append("</td></tr>\n"));
            h.append("</table>\n");
        }

        h.append("<h2>年度测算（按险种基金）/ Annual impact per insurance fund (yuan, monthly × 12)</h2>\n");
        annualTable(h, s);

        h.append("<h2>月缴费合计 / Monthly contributions, all rows (yuan)</h2>\n");
        h.append("<table id=\"summary\"><tr><th>insurance</th><th>险种</th><th>side</th><th>baseline</th><th>scenario</th><th>difference</th><th>%</th></tr>\n");
        SideTotals b = s.baseline();
        SideTotals a = s.scenario();
        for (Insurance i : Insurance.values()) {
            if (!b.byInsurance().containsKey(i) && !a.byInsurance().containsKey(i)) {
                continue;
            }
            summaryRow(h, i.code(), i.nameZh(), "employer 单位", b.of(i).employer(), a.of(i).employer(), "");
            summaryRow(h, i.code(), i.nameZh(), "employee 个人", b.of(i).employee(), a.of(i).employee(), "");
        }
        summaryRow(h, "total", "合计", "employer 单位", b.employer(), a.employer(), "total");
        summaryRow(h, "total", "合计", "employee 个人", b.employee(), a.employee(), "total");
        summaryRow(h, "total", "合计", "both 合计", b.total(), a.total(), "total");
        h.append("</table>\n");

        if (!s.byPeriod().isEmpty()) {
            h.append("<h2>费款所属期 / Months the rows cover (monthly totals, employer + employee, yuan)</h2>\n");
            h.append("<p class=\"note\">").append(coverage(s.byPeriod())).append("</p>\n");
            groupTable(h, "period", "month 所属期", s.byPeriod(), false);
        }
        if (!s.byRegion().isEmpty()) {
            h.append("<h2>按统筹地区 / Impact by region (employer + employee, yuan)</h2>\n");
            groupTable(h, "region", "region 统筹地区", s.byRegion(), true);
        }
        if (!s.byRiskClass().isEmpty()) {
            h.append("<h2>按行业风险类别 / Impact by risk class of the employer (employer + employee, yuan)</h2>\n");
            groupTable(h, "risk-class", "risk class 风险类别", s.byRiskClass(), true);
        }

        h.append("<h2>受影响人数 / People affected (monthly total of employer + employee)</h2>\n");
        h.append("<table><tr><th>pays more 增加</th><th>pays less 减少</th><th>unchanged 不变</th></tr><tr><td class=\"n\">")
                .append(s.rises()).append("</td><td class=\"n\">").append(s.falls()).append("</td><td class=\"n\">")
                .append(s.stays()).append("</td></tr></table>\n");
        if (s.warnings() > 0) {
            h.append("<p><strong>").append(s.warnings())
                    .append(" rows were computed with a parameter value carried forward past its end or assumed (see the JSON output).</strong></p>\n");
        }
        if (!s.assumptions().isEmpty()) {
            h.append("<h2>推定值 / Assumed values used</h2>\n<ul>\n");
            for (var m : s.assumptions()) {
                h.append("<li>").append(esc(m.zh())).append("<br>").append(esc(m.en())).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        if (!s.changeDeciles().isEmpty()) {
            h.append("<p>Distribution of the change per person (yuan per month, nearest-rank percentiles):</p>\n<table><tr><th>min</th>");
            for (int i = 1; i <= s.changeDeciles().size(); i++) {
                h.append("<th>P").append(i * 10).append("</th>");
            }
            h.append("<th>max</th></tr><tr><td class=\"n\">").append(money(s.minChange().orElseThrow())).append("</td>");
            for (BigDecimal d : s.changeDeciles()) {
                h.append("<td class=\"n\">").append(money(d)).append("</td>");
            }
            h.append("<td class=\"n\">").append(money(s.maxChange().orElseThrow())).append("</td></tr></table>\n");
        }

        h.append("<h2 class=\"pagebreak\">按工资十分位 / Winners and losers by wage decile (ten bands of equal head count)</h2>\n");
        h.append(winnersChart(s.wageBands()));
        h.append(bandChart(s.wageBands()));
        h.append("<table id=\"deciles\"><tr><th>decile</th><th>wage (or base) from</th><th>to</th><th>people</th><th>pay more 多缴</th><th>pay less 少缴</th>")
                .append("<th>baseline / month</th><th>scenario / month</th><th>change / month</th><th>mean change per person</th><th>change / year</th></tr>\n");
        for (Summary.WageBand w : s.wageBands()) {
            h.append("<tr><td>D").append(w.index()).append("</td><td class=\"n\">").append(money(w.low()))
                    .append("</td><td class=\"n\">").append(money(w.high())).append("</td><td class=\"n\">")
                    .append(w.people()).append("</td><td class=\"n\">").append(w.rises()).append("</td><td class=\"n\">")
                    .append(w.falls()).append("</td><td class=\"n\">").append(money(w.baseline()))
                    .append("</td><td class=\"n\">").append(money(w.scenario())).append("</td><td class=\"n\">")
                    .append(signed(w.change())).append("</td><td class=\"n\">").append(signed(w.meanChange()))
                    .append("</td><td class=\"n\">").append(signed(Summary.annual(w.change()))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        s.retirement().ifPresent(r -> retirementSection(h, r));
        h.append("<h2>说明 / Method</h2>\n<ul class=\"note\">")
                .append("<li>Every row is computed under the rules in force (baseline) and under the scenario; rows in error are listed in the error file with their reason and are in no figure.</li>")
                .append("<li>Amounts are rounded to the fen per person and insurance as the rules say, then summed. Monthly figures are the sum over the rows; ")
                .append("annual figures are the monthly ones × 12, i.e. each row's monthly contribution paid for twelve months at the rates of its own month. ")
                .append("A file that holds several months of the same people counts each person once per month it holds: divide by the number of months covered.</li>")
                .append("<li>Winners 少缴 pay less under the scenario (employer + employee), losers 多缴 pay more. Deciles are ten bands of equal head count ordered by declared wage (or by the base where a row gives a base).</li>")
                .append("<li>Scenario values are hypothetical (provenance <em>scenario</em>), not rules in force.</li></ul>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** The figures a reader needs first: the year's change in total, per side, and who pays more or less. */
    private static void keyFigures(StringBuilder h, Summary s) {
        SideTotals d = s.difference();
        h.append("<div class=\"key\" id=\"key-figures\">");
        h.append("<div>年度变化 annual change (all funds)<b class=\"").append(cls(d.total())).append("\">")
                .append(signed(Summary.annual(d.total()))).append("</b>")
                .append(Summary.percent(s.baseline().total(), d.total()).map(p -> (p.signum() > 0 ? "+" : "") + p.toPlainString() + "% of ").orElse(""))
                .append(money(Summary.annual(s.baseline().total()))).append(" a year</div>");
        h.append("<div>单位 employers, a year<b class=\"").append(cls(d.employer())).append("\">")
                .append(signed(Summary.annual(d.employer()))).append("</b>monthly ").append(signed(d.employer())).append("</div>");
        h.append("<div>个人 employees, a year<b class=\"").append(cls(d.employee())).append("\">")
                .append(signed(Summary.annual(d.employee()))).append("</b>monthly ").append(signed(d.employee())).append("</div>");
        h.append("<div>people 人数<b>").append(s.rises()).append(" ↑ · ").append(s.falls()).append(" ↓</b>")
                .append(s.stays()).append(" unchanged of ").append(s.rows()).append("</div>");
        if (!s.byPeriod().isEmpty()) {
            h.append("<div>rows cover 覆盖月份<b>").append(s.byPeriod().size()).append(s.byPeriod().size() == 1 ? " month" : " months")
                    .append("</b>").append(esc(s.byPeriod().get(0).key()));
            if (s.byPeriod().size() > 1) {
                h.append(" … ").append(esc(s.byPeriod().get(s.byPeriod().size() - 1).key()));
                if (!consecutive(s.byPeriod())) {
                    h.append(" (not consecutive)");
                }
            }
            h.append("</div>");
        }
        h.append("</div>\n");
    }

    /** Per insurance fund: a year under each side (employer, employee, both), the difference and its percent. */
    private static void annualTable(StringBuilder h, Summary s) {
        SideTotals b = s.baseline();
        SideTotals a = s.scenario();
        h.append("<table id=\"annual\"><tr><th>fund 险种基金</th><th class=\"n\">baseline / year</th><th class=\"n\">scenario / year</th>")
                .append("<th class=\"n\">difference / year</th><th class=\"n\">of which employer 单位</th><th class=\"n\">of which employee 个人</th>")
                .append("<th class=\"n\">%</th><th class=\"n\">difference / month</th></tr>\n");
        for (Insurance i : Insurance.values()) {
            if (b.byInsurance().containsKey(i) || a.byInsurance().containsKey(i)) {
                annualRow(h, i.nameZh() + " " + i.code(), b.of(i).total(), a.of(i).total(),
                        a.of(i).employer().subtract(b.of(i).employer()), a.of(i).employee().subtract(b.of(i).employee()), "");
            }
        }
        annualRow(h, "合计 total", b.total(), a.total(), a.employer().subtract(b.employer()),
                a.employee().subtract(b.employee()), "total");
        h.append("</table>\n");
    }

    private static void annualRow(StringBuilder h, String label, BigDecimal base, BigDecimal scen, BigDecimal er,
                                  BigDecimal ee, String cls) {
        BigDecimal d = scen.subtract(base);
        h.append("<tr").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"").append("><td>").append(esc(label))
                .append("</td><td class=\"n\">").append(money(Summary.annual(base))).append("</td><td class=\"n\">")
                .append(money(Summary.annual(scen))).append("</td><td class=\"n ").append(cls(d)).append("\">")
                .append(signed(Summary.annual(d))).append("</td><td class=\"n\">").append(signed(Summary.annual(er)))
                .append("</td><td class=\"n\">").append(signed(Summary.annual(ee))).append("</td><td class=\"n\">")
                .append(Summary.percent(base, d).map(p -> (p.signum() > 0 ? "+" : "") + p.toPlainString() + "%").orElse("–"))
                .append("</td><td class=\"n\">").append(signed(d)).append("</td></tr>\n");
    }

    /** Whether the months follow each other without a gap. */
    static boolean consecutive(List<Group> periods) {
        for (int i = 1; i < periods.size(); i++) {
            if (!java.time.YearMonth.parse(periods.get(i - 1).key()).plusMonths(1)
                    .equals(java.time.YearMonth.parse(periods.get(i).key()))) {
                return false;
            }
        }
        return true;
    }

    /** "The rows cover 6 months: 2022-01 (130 rows), …". */
    static String coverage(List<Group> periods) {
        StringBuilder sb = new StringBuilder("The computed rows cover ").append(periods.size())
                .append(periods.size() == 1 ? " month: " : " months: ");
        for (int i = 0; i < periods.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(esc(periods.get(i).key())).append(" (").append(periods.get(i).people()).append(" rows)");
        }
        return sb.append(". Each month's figures are the rows of that month; the annual figures above count every row's month twelve times.").toString();
    }

    /** A group table: people, who pays more or less, monthly sums, change per month and per year. */
    private static void groupTable(StringBuilder h, String id, String label, List<Group> groups, boolean totalRow) {
        h.append("<table id=\"").append(id).append("\"><tr><th>").append(esc(label)).append("</th><th class=\"n\">people</th>")
                .append("<th class=\"n\">pay more</th><th class=\"n\">pay less</th><th class=\"n\">baseline / month</th>")
                .append("<th class=\"n\">scenario / month</th><th class=\"n\">change / month</th><th class=\"n\">change / year</th><th class=\"n\">%</th></tr>\n");
        Group sum = Group.empty("合计 total");
        for (Group g : groups) {
            groupRow(h, g, "");
            sum = new Group(sum.key(), sum.people() + g.people(), sum.rises() + g.rises(), sum.falls() + g.falls(),
                    sum.baseline().add(g.baseline()), sum.scenario().add(g.scenario()));
        }
        if (totalRow) {
            groupRow(h, sum, "total");
        }
        h.append("</table>\n");
    }

    private static void groupRow(StringBuilder h, Group g, String cls) {
        h.append("<tr").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"").append("><td>").append(esc(g.key()))
                .append("</td><td class=\"n\">").append(g.people()).append("</td><td class=\"n\">").append(g.rises())
                .append("</td><td class=\"n\">").append(g.falls()).append("</td><td class=\"n\">").append(money(g.baseline()))
                .append("</td><td class=\"n\">").append(money(g.scenario())).append("</td><td class=\"n ").append(cls(g.change()))
                .append("\">").append(signed(g.change())).append("</td><td class=\"n ").append(cls(g.change())).append("\">")
                .append(signed(Summary.annual(g.change()))).append("</td><td class=\"n\">")
                .append(Summary.percent(g.baseline(), g.change()).map(p -> (p.signum() > 0 ? "+" : "") + p.toPlainString() + "%").orElse("–"))
                .append("</td></tr>\n");
    }

    private static String cls(BigDecimal d) {
        return d.signum() > 0 ? "up" : d.signum() < 0 ? "down" : "";
    }

    /** Money with its sign: {@code +1,234.50}, {@code -3.00}, {@code 0.00}. */
    static String signed(BigDecimal d) {
        return (d.signum() > 0 ? "+" : "") + money(d);
    }

    private static void retirementSection(StringBuilder h, RetirementShift r) {
        h.append("<h2>退休时间变化 / Retirement month (statutory), ").append(esc(r.asOfText())).append("</h2>\n");
        h.append("<table id=\"retirement\"><tr><th>people</th><th>retire later 推迟</th><th>retire earlier 提前</th><th>unchanged 不变</th></tr><tr><td class=\"n\">")
                .append(r.people()).append("</td><td class=\"n\">").append(r.later()).append("</td><td class=\"n\">")
                .append(r.earlier()).append("</td><td class=\"n\">").append(r.unchanged()).append("</td></tr></table>\n");
        h.append("<p>People by shift of the retirement month (months, scenario − baseline; every month in the JSON output):</p>\n<table><tr><th>shift (months)</th>");
        r.buckets().keySet().forEach(k -> h.append("<th>").append(esc(k)).append("</th>"));
        h.append("</tr><tr><td>people</td>");
        r.buckets().values().forEach(v -> h.append("<td class=\"n\">").append(v).append("</td>"));
        h.append("</tr></table>\n");
        h.append(birthYearChart(r.byBirthYear()));
    }

    /** Bars of the mean retirement-month shift per birth year (months), with a value axis and gridlines. */
    static String birthYearChart(List<RetirementShift.BirthYear> years) {
        if (years.isEmpty()) {
            return "";
        }
        int every = Math.max(1, (years.size() + 11) / 12); // at most a dozen labels
        List<String> labels = new ArrayList<>();
        List<String> tips = new ArrayList<>();
        double[] v = new double[years.size()];
        for (int i = 0; i < years.size(); i++) {
            RetirementShift.BirthYear y = years.get(i);
            labels.add(i % every == 0 ? String.valueOf(y.year()) : "");
            v[i] = y.meanShiftMonths().doubleValue();
            tips.add("born " + y.year() + ": " + y.people() + " people, " + y.moved() + " move, mean shift "
                    + y.meanShiftMonths().toPlainString() + " months");
        }
        return new Chart("Mean shift of the retirement month by birth year 按出生年份的退休月份平均变化",
                "months (scenario − baseline) 月", "birth year 出生年份", labels, java.util.Collections.nCopies(labels.size(), ""),
                List.of(new Chart.Series("mean shift, months 平均变化（月）", "#4a78b5", v, tips, List.of()))).svg();
    }

    /** Per decile, the share of its people who pay more (up) and who pay less (down), in percent. */
    static String winnersChart(List<Summary.WageBand> bands) {
        if (bands.isEmpty()) {
            return "<p>No rows computed.</p>\n";
        }
        double[] more = new double[bands.size()];
        double[] less = new double[bands.size()];
        List<String> labels = new ArrayList<>();
        List<String> sub = new ArrayList<>();
        List<String> tipsMore = new ArrayList<>();
        List<String> tipsLess = new ArrayList<>();
        List<String> textMore = new ArrayList<>();
        List<String> textLess = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            Summary.WageBand b = bands.get(i);
            more[i] = b.people() == 0 ? 0 : 100.0 * b.rises() / b.people();
            less[i] = b.people() == 0 ? 0 : -100.0 * b.falls() / b.people();
            labels.add("D" + b.index());
            sub.add(shortMoney(b.low()) + "–" + shortMoney(b.high()));
            tipsMore.add("D" + b.index() + ": " + b.rises() + " of " + b.people() + " pay more");
            tipsLess.add("D" + b.index() + ": " + b.falls() + " of " + b.people() + " pay less");
            textMore.add(String.format(Locale.ROOT, "%.0f%%", more[i]));
            textLess.add(String.format(Locale.ROOT, "%.0f%%", -less[i]));
        }
        return new Chart("Who pays more (up) and less (down), by wage decile 按工资十分位的多缴与少缴人数占比",
                "% of the decile's people 占本档人数%", "wage decile, declared monthly wage range (yuan) 工资十分位", labels, sub,
                List.of(new Chart.Series("pay more 多缴 (losers)", "#c0504d", more, tipsMore, textMore),
                        new Chart.Series("pay less 少缴 (winners)", "#4f9a5b", less, tipsLess, textLess))).svg();
    }

    private static void summaryRow(StringBuilder h, String code, String zh, String side, BigDecimal base,
                                   BigDecimal scen, String cls) {
        BigDecimal d = scen.subtract(base);
        Optional<BigDecimal> p = Summary.percent(base, d);
        h.append("<tr").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"").append("><td>").append(esc(code))
                .append("</td><td>").append(esc(zh)).append("</td><td>").append(esc(side)).append("</td><td class=\"n\">")
                .append(money(base)).append("</td><td class=\"n\">").append(money(scen)).append("</td><td class=\"n ")
                .append(d.signum() > 0 ? "up" : d.signum() < 0 ? "down" : "").append("\">")
                .append(d.signum() > 0 ? "+" : "").append(money(d)).append("</td><td class=\"n\">")
                .append(p.map(v -> (v.signum() > 0 ? "+" : "") + v.toPlainString() + "%").orElse("–"))
                .append("</td></tr>\n");
    }

    /** Bars of the mean change per person in each decile (yuan a month), with a value axis and gridlines. */
    static String bandChart(List<Summary.WageBand> bands) {
        if (bands.isEmpty()) {
            return "<p>No rows computed.</p>\n";
        }
        if (bands.stream().allMatch(b -> b.change().signum() == 0)) {
            return "<p>No contribution changes in any wage band.</p>\n";
        }
        double[] v = new double[bands.size()];
        List<String> labels = new ArrayList<>();
        List<String> sub = new ArrayList<>();
        List<String> tips = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            Summary.WageBand b = bands.get(i);
            v[i] = b.meanChange().doubleValue();
            labels.add("D" + b.index());
            sub.add(shortMoney(b.low()) + "–" + shortMoney(b.high()));
            tips.add("band " + b.index() + ": " + money(b.low()) + " – " + money(b.high()) + ", " + b.people()
                    + " people, mean change " + money(b.meanChange()));
            texts.add(signed(b.meanChange()));
        }
        return new Chart("Mean change per person by wage decile (yuan / month) 按工资十分位人均月缴费变化",
                "yuan per person per month 元/人/月", "wage decile, declared monthly wage range (yuan) 工资十分位", labels, sub,
                List.of(new Chart.Series("mean change 人均变化", "#4a78b5", v, tips, texts))).svg();
    }

    private static String shortMoney(BigDecimal d) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(d.setScale(0, RoundingMode.HALF_UP));
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
