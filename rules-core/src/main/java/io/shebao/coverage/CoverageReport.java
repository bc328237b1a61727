package io.shebao.coverage;

import io.shebao.contribution.Insurance;
import io.shebao.region.RegionRegistry;

import java.time.YearMonth;
import java.util.List;

/**
 * The coverage as one self-contained HTML page (no scripts, no external files): a heat map with a row per
 * region and insurance and a column per month, coloured known / assumed / unknown / not applicable, and the
 * list of what is assumed or unknown with the parameters.
 */
public final class CoverageReport {
    private CoverageReport() {
    }

    public static String html(Coverage c, RegionRegistry regions, String parametersHash) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<title>参数覆盖情况 / Parameter coverage ").append(c.from()).append(" … ").append(c.to()).append("</title>\n<style>\n")
                .append("body{font-family:\"Noto Sans CJK SC\",\"Noto Sans\",sans-serif;margin:24px;color:#222}\n")
                .append("h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px}.meta{color:#666;font-size:12px}\n")
                .append("table.map{border-collapse:collapse;font-size:11px}table.map td,table.map th{padding:0}\n")
                .append("table.map td.c{width:11px;height:15px;border:1px solid #fff}\n")
                .append("table.map th.y{font-weight:normal;color:#444;border-left:1px solid #999;text-align:left;padding-left:2px}\n")
                .append("table.map td.l{padding-right:8px;white-space:nowrap}table.map tr.first td{border-top:2px solid #888}\n")
                .append(".known{background:#2e7d32}.assumed{background:#f9a825}.unknown{background:#c62828}.not-applicable{background:#e0e0e0}\n")
                .append(".key span{display:inline-block;width:14px;height:14px;vertical-align:middle;margin:0 4px 0 14px}\n")
                .append("table.list{border-collapse:collapse;font-size:12px}table.list td,table.list th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}\n")
                .append("</style></head><body>\n");
        h.append("<h1>参数覆盖情况 / Parameter coverage</h1>\n<p class=\"meta\">")
                .append(c.from()).append(" … ").append(c.to()).append(" · ").append(c.regions().size())
                .append(" regions · an employee with a declared wage, risk class 1 · parameter set ")
                .append(esc(parametersHash.substring(0, Math.min(12, parametersHash.length())))).append("</p>\n");
        h.append("<p class=\"key\">")
                .append("<span class=\"known\"></span>known 已知 (").append(c.count(CoverageStatus.KNOWN)).append(")")
                .append("<span class=\"assumed\"></span>assumed 推定 (").append(c.count(CoverageStatus.ASSUMED)).append(")")
                .append("<span class=\"unknown\"></span>unknown 未知 (").append(c.count(CoverageStatus.UNKNOWN)).append(")")
                .append("<span class=\"not-applicable\"></span>not in the region's scheme 不适用 (")
                .append(c.count(CoverageStatus.NOT_APPLICABLE)).append(")</p>\n");

        List<YearMonth> months = c.cells().stream().map(CoverageCell::month).distinct().sorted().toList();
        h.append("<table class=\"map\"><tr><th></th><th></th>");
        for (int k = 0; k < months.size(); ) {
            int year = months.get(k).getYear();
            int n = 0;
            while (k + n < months.size() && months.get(k + n).getYear() == year) {
                n++;
            }
            h.append("<th class=\"y\" colspan=\"").append(n).append("\">").append(year).append("</th>");
            k += n;
        }
        h.append("</tr>\n");
        int i = 0;
        String lastRegion = null;
        while (i < c.cells().size()) {
            CoverageCell first = c.cells().get(i);
            boolean newRegion = !first.region().equals(lastRegion);
            h.append("<tr").append(newRegion ? " class=\"first\"" : "").append("><td class=\"l\">")
                    .append(newRegion ? esc(regions.find(first.region()).map(r -> r.nameZh() + " " + r.code()).orElse(first.region())) : "")
                    .append("</td><td class=\"l\">").append(esc(first.insurance().nameZh() + " " + first.insurance().code())).append("</td>");
            lastRegion = first.region();
            for (int k = 0; k < months.size(); k++, i++) {
                CoverageCell cell = c.cells().get(i);
                h.append("<td class=\"c ").append(cell.status().code()).append("\" title=\"")
                        .append(esc(cell.region() + " " + cell.month() + " " + cell.insurance().code() + ": "
                                + cell.status().code() + (cell.parameters().isEmpty() ? "" : " (" + String.join(", ", cell.parameters()) + ")")))
                        .append("\"></td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>推定与未知 / What is assumed or unknown</h2>\n<table class=\"list\"><tr><th>region 地区</th>")
                .append("<th>insurance 险种</th><th>months 月份</th><th>status</th><th>parameters 参数</th></tr>\n");
        for (Coverage.Stretch s : c.stretches()) {
            if (s.status() == CoverageStatus.KNOWN || s.status() == CoverageStatus.NOT_APPLICABLE) {
                continue;
            }
            Insurance ins = s.insurance();
            h.append("<tr><td>").append(esc(s.region())).append("</td><td>").append(esc(ins.code() + " " + ins.nameZh()))
                    .append("</td><td>").append(s.from()).append(" … ").append(s.to()).append("</td><td class=\"")
                    .append(s.status().code()).append("\" style=\"color:#fff\">").append(s.status().code())
                    .append("</td><td>").append(esc(String.join(", ", s.parameters()))).append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"meta\">Assumed values are inferred by the maintainers (provenance assumed, an ")
                .append("ASSUMED_VALUE warning on every result; --strict refuses them). Unknown: add a value with a ")
                .append("parameter pack, or allow carry-forward for a visible assumption.</p>\n</body></html>\n");
        return h.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
