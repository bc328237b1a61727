package io.shebao.certificate;

import io.shebao.trace.Message;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The printable certificate: one self-contained HTML page (no network, no script) laid out like the
 * 社会保险费应缴认定单 of seed 004 FAQ 20 — header with 单位编号, 征集通知单据号 and 单位名称, the table of
 * insurances, 实际应缴金额合计大写, 征集明细, the notes with the deadline — followed by the lists the real form
 * keeps elsewhere (people not charged, months needing approval, refunds, warnings). CJK text needs a CJK font
 * (Noto Sans/Serif CJK SC, or the system's 宋体/黑体).
 */
public final class CertificateHtml {
    private CertificateHtml() {
    }

    public static String of(Certificate c, String regionNameZh) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>社会保险费应缴认定单 ")
                .append(esc(c.unit().code())).append(' ').append(c.period()).append("</title>\n<style>\n")
                .append("""
                        @page { size: A4; margin: 14mm; }
                        body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", SimSun, "Songti SC", serif;
                               color: #111; margin: 0; background: #fff; }
                        .sheet { width: 180mm; margin: 8mm auto; }
                        .brand { font-family: "Noto Sans CJK SC", sans-serif; font-size: 11pt; color: #1d4e89; letter-spacing: .05em; }
                        .brand small { display: block; font-size: 7pt; letter-spacing: .2em; }
                        h1 { text-align: center; font-size: 20pt; letter-spacing: .3em; margin: 4mm 0 5mm; }
                        .head { display: grid; grid-template-columns: 1fr 1fr; row-gap: 1.5mm; font-size: 10.5pt; }
                        .head .right { text-align: right; }
                        table { width: 100%; border-collapse: collapse; font-size: 10.5pt; margin-top: 2mm; }
                        th, td { border: 1px solid #333; padding: 1.6mm 2mm; }
                        th { background: #f1f1f1; font-weight: 600; }
                        td.n { text-align: right; font-variant-numeric: tabular-nums; font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; }
                        td.c { text-align: center; }
                        .words td { font-weight: 600; }
                        h2 { font-size: 11pt; margin: 5mm 0 1mm; }
                        ol.notes { font-size: 9.5pt; padding-left: 5mm; line-height: 1.6; }
                        .foot { display: flex; justify-content: space-between; font-size: 10.5pt; margin-top: 6mm; }
                        .partial { border: 2px solid #b00; color: #b00; padding: 2mm; text-align: center; font-weight: 700; margin: 3mm 0; }
                        .annex { font-size: 9pt; margin-top: 8mm; border-top: 1px dashed #888; padding-top: 3mm; }
                        .annex table { font-size: 9pt; }
                        .annex td, .annex th { padding: 1mm 1.5mm; }
                        .annex td:nth-child(-n+4) { white-space: nowrap; }
                        .muted { color: #555; font-size: 8.5pt; }
                        """)
                .append("</style>\n</head>\n<body>\n<div class=\"sheet\">\n");
        h.append("<div class=\"brand\">中国社会保险<small>CHINA SOCIAL INSURANCE</small></div>\n");
        h.append("<h1>社会保险费应缴认定单</h1>\n");
        if (c.partial()) {
            h.append("<div class=\"partial\">部分认定单：名册中 ").append(c.rowsInError())
                    .append(" 行有误，未计入本单据 / PARTIAL: ").append(c.rowsInError()).append(" roster rows in error are not included</div>\n");
        }
        h.append("<div class=\"head\"><div>单位编号：").append(esc(c.unit().code())).append("</div>")
                .append("<div class=\"right\">征集通知单据号：").append(esc(c.number())).append("</div>")
                .append("<div>单位名称：").append(esc(c.unit().name())).append("</div>")
                .append("<div class=\"right\">费款所属期：").append(c.period()).append("　　单位：元</div></div>\n");
        h.append("<table>\n<tr><th>险种</th><th>单位缴纳金额</th><th>个人缴纳金额</th><th>利息</th><th>滞纳金</th><th>应缴合计</th><th>应缴金额</th></tr>\n");
        for (CertificateLine l : c.lines()) {
            h.append("<tr><td>").append(esc(l.insurance().nameZh())).append("</td>").append(n(l.employer())).append(n(l.employee()))
                    .append(n(l.interest())).append(n(l.lateFee())).append(n(l.total())).append(n(l.total())).append("</tr>\n");
        }
        h.append("<tr><td>合计</td><td class=\"c\">/</td><td class=\"c\">/</td><td class=\"c\">/</td><td class=\"c\">/</td><td class=\"c\">/</td>")
                .append(n(c.total())).append("</tr>\n");
        h.append("<tr class=\"words\"><td colspan=\"2\">实际应缴金额合计大写</td><td colspan=\"5\">").append(esc(c.totalInWords()))
                .append("</td></tr>\n</table>\n");
        h.append("<h2>征集明细：</h2>\n<table>\n<tr><th>核定数据类型</th><th>单位缴纳金额</th><th>个人缴纳金额</th><th>滞纳金</th><th>利息</th><th>应缴金额</th></tr>\n");
        if (c.collection().isEmpty()) {
            h.append("<tr><td>单位整体核定</td>").append(n(BigDecimal.ZERO.setScale(2)).repeat(5)).append("</tr>\n");
        }
        for (CollectionItem i : c.collection()) {
            h.append("<tr><td>").append(esc(i.label())).append("</td>").append(n(i.employer())).append(n(i.employee()))
                    .append(n(i.lateFee())).append(n(i.interest())).append(n(i.total())).append("</tr>\n");
        }
        h.append("</table>\n<ol class=\"notes\">\n<li>此单据缴费截止日期至").append(zh(c.deadline()))
                .append("，过期作废。请在截止日期前到税务征收机构及时缴纳。</li>\n")
                .append("<li>此单据失效后，参保单位可在网上或社保大厅重新生成缴费单据。重新生成缴费单据时间超出当月的，从次月1日起加收利息和滞纳金。</li>\n");
        if (!c.payOn().equals(c.issuedOn())) {
            h.append("<li>利息、滞纳金按缴费日期 ").append(zh(c.payOn())).append(" 计算。</li>\n");
        }
        h.append("</ol>\n<div class=\"foot\"><div>经办机构：").append(esc(regionNameZh)).append("社会保险经办机构</div><div>经办日期：")
                .append(zh(c.issuedOn())).append("</div></div>\n");
        h.append("<p class=\"muted\">本单据由 shebao 规则库按现行规则与参数计算（规则与参数见审计记录），供核对与缴费准备；征集通知单据号为本库生成的校验号，"
                + "以社保经办机构出具并同步至税务系统的认定单为准。</p>\n");

        h.append("<div class=\"annex\">\n<h2>附：核定人数 ").append(c.personCount()).append(" 人</h2>\n");
        if (!c.excluded().isEmpty()) {
            h.append("<h2>不核定人员（").append(c.excluded().size()).append("）</h2>\n<table><tr><th>行</th><th>编号</th><th>姓名</th><th>原因</th></tr>\n");
            for (Exclusion e : c.excluded()) {
                h.append("<tr><td class=\"n\">").append(e.row()).append("</td><td>").append(esc(e.id())).append("</td><td>")
                        .append(esc(e.name())).append("</td><td>").append(esc(e.reason().zh())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (!c.needsApproval().isEmpty()) {
            h.append("<h2>需审批办理（").append(c.needsApproval().size()).append("）</h2>\n<table><tr><th>行</th><th>编号</th><th>姓名</th><th>月份</th><th>办理事项与材料</th></tr>\n");
            for (ApprovalItem a : c.needsApproval()) {
                h.append("<tr><td class=\"n\">").append(a.row()).append("</td><td>").append(esc(a.id())).append("</td><td>")
                        .append(esc(a.name())).append("</td><td>").append(a.from()).append(a.to().equals(a.from()) ? "" : "…" + a.to())
                        .append("</td><td>").append(esc(a.reason().zh())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (!c.refunds().isEmpty()) {
            h.append("<h2>可办理多缴退费（合计 ").append(c.refundTotal().toPlainString()).append(" 元）</h2>\n")
                    .append("<table><tr><th>行</th><th>编号</th><th>姓名</th><th>月份</th><th>单位</th><th>个人</th><th>合计</th></tr>\n");
            for (Refund r : c.refunds()) {
                h.append("<tr><td class=\"n\">").append(r.row()).append("</td><td>").append(esc(r.id())).append("</td><td>")
                        .append(esc(r.name())).append("</td><td>").append(r.month()).append("</td>").append(n(r.employer()))
                        .append(n(r.employee())).append(n(r.total())).append("</tr>\n");
            }
            h.append("</table>\n");
        }
        if (!c.warnings().isEmpty() || !c.notes().isEmpty()) {
            h.append("<h2>提示</h2>\n<ul class=\"muted\">\n");
            for (Message m : c.warnings()) {
                h.append("<li><b>").append(esc(m.code())).append("</b> ").append(esc(m.zh())).append("</li>\n");
            }
            for (Message m : c.notes()) {
                h.append("<li>").append(esc(m.zh())).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("</div>\n</div>\n</body>\n</html>\n");
        return h.toString();
    }

    private static String n(BigDecimal d) {
        return "<td class=\"n\">" + d.toPlainString() + "</td>";
    }

    private static String zh(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
