package io.shebao.whatif;

import io.shebao.ShebaoRules;
import io.shebao.contribution.Insurance;
import io.shebao.scenario.ParameterOverride;
import io.shebao.scenario.Scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
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
        StringBuilder h = new StringBuilder(16_000);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(esc("What-if: " + scenario.name())).append("</title>\n")
                .append("<style>\n")
                .append("body{font-family:-apple-system,'Segoe UI','Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}\n")
                .append("h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}\n")
                .append("table{border-collapse:collapse;margin:.5em 0;font-size:.92em}th,td{border:1px solid #ccc;padding:.25em .6em}\n")
                .append("th{background:#f0f3f7;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n")
                .append("tr.total td{font-weight:bold;background:#fafafa}.up{color:#b00020}.down{color:#00703c}\n")
                .append(".meta{color:#555;font-size:.85em}.desc{white-space:pre-wrap;background:#f7f7f7;padding:.6em;border-left:3px solid #4a78b5}\n")
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>假设情景测算 / What-if: ").append(esc(scenario.name())).append("</h1>\n");
        h.append("<p class=\"meta\">population ").append(esc(population)).append(" · ").append(s.rows())
                .append(" rows computed · ").append(s.errors()).append(" rows in error · shebao ")
                .append(esc(ShebaoRules.version())).append(" · scenario hash ").append(esc(scenario.hash()))
                .append(" · baseline parameters ").append(esc(parametersHash.substring(0, Math.min(16, parametersHash.length()))))
                .append("</p>\n");
        h.append("<div class=\"desc\">").append(esc(scenario.description())).append("</div>\n");

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

        h.append("<h2>按工资档的变化 / Change per wage band (ten bands of equal head count)</h2>\n");
        h.append(bandChart(s.wageBands()));
        h.append("<table><tr><th>band</th><th>wage (or base) from</th><th>to</th><th>people</th><th>baseline</th><th>scenario</th><th>change</th><th>mean change per person</th></tr>\n");
        for (Summary.WageBand w : s.wageBands()) {
            h.append("<tr><td>").append(w.index()).append("</td><td class=\"n\">").append(money(w.low()))
                    .append("</td><td class=\"n\">").append(money(w.high())).append("</td><td class=\"n\">")
                    .append(w.people()).append("</td><td class=\"n\">").append(money(w.baseline()))
                    .append("</td><td class=\"n\">").append(money(w.scenario())).append("</td><td class=\"n\">")
                    .append(money(w.change())).append("</td><td class=\"n\">").append(money(w.meanChange()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
        s.retirement().ifPresent(r -> retirementSection(h, r));
        h.append("<p class=\"meta\">Scenario values are hypothetical (provenance <em>scenario</em>), not rules in force. "
                + "Rows in error are listed in the error file with their reason. Amounts are rounded to the fen per person and insurance, then summed.</p>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void retirementSection(StringBuilder h, RetirementShift r) {
        h.append("<h2>退休时间变化 / Retirement month (statutory), as of each row's period</h2>\n");
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

    /** Bars of the mean retirement-month shift per birth year (months). */
    static String birthYearChart(List<RetirementShift.BirthYear> years) {
        if (years.isEmpty()) {
            return "";
        }
        int w = 1000;
        int left = 60;
        int top = 30;
        int plotH = 200;
        double hi = 0;
        double lo = 0;
        for (RetirementShift.BirthYear y : years) {
            hi = Math.max(hi, y.meanShiftMonths().doubleValue());
            lo = Math.min(lo, y.meanShiftMonths().doubleValue());
        }
        if (hi == lo) {
            hi = lo + 1;
        }
        double scale = plotH / (hi - lo);
        double zeroY = top + hi * scale;
        double slot = (double) (w - left - 20) / years.size();
        StringBuilder g = new StringBuilder();
        g.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(top + plotH + 60)
                .append("\" role=\"img\" aria-label=\"mean retirement month shift by birth year\" font-size=\"11\" font-family=\"sans-serif\">\n");
        g.append("<text x=\"").append(left).append("\" y=\"16\" font-weight=\"bold\" font-size=\"12\">Mean shift of the retirement month (months) by birth year 按出生年份的退休月份平均变化</text>\n");
        g.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>%n", left, zeroY, w - 10, zeroY));
        g.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">0</text>%n", left - 6, zeroY + 4));
        int every = Math.max(1, (years.size() + 11) / 12); // at most a dozen labels
        for (int i = 0; i < years.size(); i++) {
            RetirementShift.BirthYear y = years.get(i);
            double v = y.meanShiftMonths().doubleValue();
            double x = left + i * slot + slot * 0.1;
            double bw = slot * 0.8;
            double top0 = v >= 0 ? zeroY - v * scale : zeroY;
            g.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>born %d: %d people, %d move, mean shift %s months</title></rect>%n",
                    x, top0, bw, Math.abs(v) * scale, v >= 0 ? "#c0504d" : "#4a78b5", y.year(), y.people(), y.moved(), y.meanShiftMonths().toPlainString()));
            if (i % every == 0) {
                g.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%d</text>%n",
                        x + bw / 2, top + plotH + 30, y.year()));
            }
        }
        g.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555\">birth year; bar = mean shift in months (scenario − baseline)</text>%n", left, top + plotH + 52));
        g.append("</svg>\n");
        return g.toString();
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

    /** Bars of the mean change per person in each band, around a zero line; labels in yuan. */
    static String bandChart(List<Summary.WageBand> bands) {
        if (bands.isEmpty()) {
            return "<p>No rows computed.</p>\n";
        }
        if (bands.stream().allMatch(b -> b.change().signum() == 0)) {
            return "<p>No contribution changes in any wage band.</p>\n";
        }
        int w = 1000;
        int hgt = 320;
        int left = 70;
        int top = 30;
        int plotH = 220;
        BigDecimal max = BigDecimal.ZERO;
        BigDecimal min = BigDecimal.ZERO;
        for (Summary.WageBand b : bands) {
            max = max.max(b.meanChange());
            min = min.min(b.meanChange());
        }
        double hi = max.doubleValue();
        double lo = min.doubleValue();
        if (hi == lo) {
            hi = lo + 1;
        }
        double scale = plotH / (hi - lo);
        double zeroY = top + hi * scale;
        double slot = (double) (w - left - 20) / bands.size();
        StringBuilder g = new StringBuilder();
        g.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(hgt)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(hgt)
                .append("\" role=\"img\" aria-label=\"mean change per person by wage band\" font-size=\"12\" font-family=\"sans-serif\">\n");
        g.append("<text x=\"").append(left).append("\" y=\"16\" font-weight=\"bold\">Mean change per person (yuan / month) by wage band 按工资档人均变化</text>\n");
        g.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>%n", left, zeroY, w - 10, zeroY));
        g.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">0</text>%n", left - 6, zeroY + 4));
        for (int i = 0; i < bands.size(); i++) {
            Summary.WageBand b = bands.get(i);
            double v = b.meanChange().doubleValue();
            double x = left + i * slot + slot * 0.15;
            double bw = slot * 0.7;
            double y = v >= 0 ? zeroY - v * scale : zeroY;
            double bh = Math.max(Math.abs(v) * scale, v == 0 ? 0 : 1);
            g.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>band %d: %s – %s, %d people, mean change %s</title></rect>%n",
                    x, y, bw, bh, v >= 0 ? "#c0504d" : "#4f9a5b", b.index(), money(b.low()), money(b.high()), b.people(), money(b.meanChange())));
            double ly = v >= 0 ? y - 4 : y + bh + 13;
            g.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n", x + bw / 2, ly, money(b.meanChange())));
            g.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>%n",
                    x + bw / 2, top + plotH + 40, shortMoney(b.low()) + "–" + shortMoney(b.high())));
        }
        g.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555\">declared wage (or base) range of each band, yuan</text>%n", left, top + plotH + 62));
        g.append("</svg>\n");
        return g.toString();
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
