package io.shebao.services;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * 事项目录网站: a static, self-contained HTML site of the catalogue — an index by category with a search over
 * codes and names, and one page per guide table. No external files, fonts or scripts: the pages work from a
 * USB stick. Written to a temporary directory beside the target and moved into place, so the site is whole or
 * absent; an existing non-empty directory is never overwritten.
 */
public final class ServiceSite {
    private ServiceSite() {
    }

    /** Writes the site into {@code dir} (which must not exist or be empty); returns the number of pages. */
    public static int write(Services services, Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        try {
            if (Files.exists(target)) {
                try (Stream<Path> s = Files.list(target)) {
                    if (!Files.isDirectory(target) || s.findAny().isPresent()) {
                        throw ShebaoException.invalid("out", dir, "a directory that does not exist or is empty (the site is never written over other files)");
                    }
                }
            }
            Path parent = target.getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".");
            int pages = 0;
            try {
                List<ServiceItem> items = services.list(ServiceFilter.ALL);
                Files.writeString(tmp.resolve("index.html"), index(services, items), StandardCharsets.UTF_8);
                pages++;
                Path dirItems = Files.createDirectory(tmp.resolve("items"));
                for (ServiceItem i : items) {
                    Files.writeString(dirItems.resolve(i.code() + ".html"), page(services, i), StandardCharsets.UTF_8);
                    pages++;
                }
                if (Files.exists(target)) {
                    Files.delete(target); // empty, checked above
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                deleteTree(tmp);
                throw e;
            }
            return pages;
        } catch (IOException e) {
            throw new ShebaoException(ErrorCode.INVALID_INPUT, "out", dir.toString(), "out: cannot write the site to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String STYLE = """
            body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei",sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
            header{background:#1f4e79;color:#fff;padding:18px 32px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;opacity:.85;font-size:13px}
            main{max-width:1080px;margin:0 auto;padding:20px 32px}a{color:#1f4e79;text-decoration:none}a:hover{text-decoration:underline}
            input#q{width:100%;box-sizing:border-box;font-size:16px;padding:10px 12px;border:1px solid #b8c2cc;border-radius:6px}
            h2{font-size:17px;margin:26px 0 8px;border-bottom:2px solid #d5dde5;padding-bottom:4px}
            ul.items{list-style:none;margin:0;padding:0}ul.items li{padding:6px 8px;border-bottom:1px solid #e5e9ee;display:flex;gap:12px;align-items:baseline;background:#fff}
            .code{font-family:monospace;color:#555;min-width:110px}.tag{font-size:11px;border-radius:3px;padding:1px 5px;margin-left:4px;white-space:nowrap}
            .rules{background:#dff3e4;color:#1b6b35}.retirement{background:#e2ecfb;color:#1f4e79}.documents{background:#f0f0f0;color:#666}
            .mark{background:#fff3d6;color:#7a5200}.off{background:#f4f4f4;color:#aaa;text-decoration:line-through}
            table.guide{border-collapse:collapse;width:100%;background:#fff}table.guide th{width:150px;text-align:left;vertical-align:top;background:#eef2f6;padding:8px;border:1px solid #d5dde5;font-weight:600}
            table.guide td{padding:8px;border:1px solid #d5dde5;vertical-align:top;line-height:1.6}td ol{margin:0;padding-left:22px}
            .count{color:#666;font-size:13px}.none{display:none!important}footer{color:#888;font-size:12px;padding:20px 32px;text-align:center}
            """;

    static String index(Services services, List<ServiceItem> items) {
        Map<String, List<ServiceItem>> byCategory = new LinkedHashMap<>();
        items.forEach(i -> byCategory.computeIfAbsent(i.category(), k -> new java.util.ArrayList<>()).add(i));
        StringBuilder b = new StringBuilder();
        head(b, "社会保险公共服务事项清单和办事指南 / Social-insurance service items", "");
        b.append("<header><h1>社会保险公共服务事项清单和办事指南（2017年版）</h1><p>武人社发〔2017〕58号 · ")
                .append(items.size()).append(" 张办事指南表 / guide tables · ").append(byCategory.size())
                .append(" 个业务类别 / categories · imported from seed 002_6f5df2eb867a8887.txt</p></header><main>");
        b.append("<input id=\"q\" type=\"search\" placeholder=\"搜索事项名称或编号 / search names and codes (e.g. 失业, SBZX00015)\" autofocus>");
        b.append("<p class=\"count\" id=\"count\"></p>");
        for (Map.Entry<String, List<ServiceItem>> e : byCategory.entrySet()) {
            b.append("<section><h2>").append(esc(e.getKey())).append(" <span class=\"count\">(").append(e.getValue().size())
                    .append(")</span></h2><ul class=\"items\">");
            for (ServiceItem i : e.getValue()) {
                String engine = services.spec(i.code()).engine().name().toLowerCase(java.util.Locale.ROOT);
                b.append("<li data-text=\"").append(esc((i.code() + " " + i.listedCode() + " " + i.name() + " " + i.category()).toLowerCase(java.util.Locale.ROOT)))
                        .append("\"><span class=\"code\">").append(i.code()).append("</span><a href=\"items/").append(i.code())
                        .append(".html\">").append(esc(i.name())).append("</a><span class=\"tag ").append(engine).append("\">")
                        .append(engineLabel(engine)).append("</span></li>");
            }
            b.append("</ul></section>");
        }
        b.append("</main><footer>Generated by shebao services site. 办理类型、时限与条件以原文为准。</footer>");
        b.append("""
                <script>
                const q=document.getElementById('q'),count=document.getElementById('count');
                function filter(){const w=q.value.trim().toLowerCase();let n=0;
                 document.querySelectorAll('section').forEach(s=>{let shown=0;
                  s.querySelectorAll('li').forEach(li=>{const ok=!w||li.dataset.text.includes(w);li.classList.toggle('none',!ok);if(ok)shown++;});
                  s.classList.toggle('none',shown===0);n+=shown;});
                 count.textContent=n+' 项 / items'+(w?' 匹配 “'+q.value+'”':'');}
                q.value=new URLSearchParams(location.search).get('q')||'';
                q.addEventListener('input',filter);filter();
                </script></body></html>
                """);
        return b.toString();
    }

    static String page(Services services, ServiceItem i) {
        CheckSpec spec = services.spec(i.code());
        StringBuilder b = new StringBuilder();
        head(b, i.code() + " " + i.name(), "");
        b.append("<header><p><a style=\"color:#fff\" href=\"../index.html\">← 事项清单 / all items</a></p><h1>")
                .append(esc(i.name())).append("</h1><p>").append(i.code())
                .append(i.listedCode().equals(i.code()) ? "" : " (清单印作 / listed as " + esc(i.listedCode()) + ")")
                .append(" · ").append(esc(i.category())).append(" · ").append(esc(i.group())).append("</p></header><main>");
        b.append("<table class=\"guide\">");
        row(b, "办理类型 / marks", mark("马上办", i.marks().immediate()) + mark("网上办", i.marks().online()) + mark("一次办", i.marks().oneVisit()));
        row(b, "核验 / check", "<span class=\"tag " + spec.engine().name().toLowerCase(java.util.Locale.ROOT) + "\">"
                + engineLabel(spec.engine().name().toLowerCase(java.util.Locale.ROOT)) + "</span>" + facts(spec));
        row(b, "实施机关", esc(i.body()));
        row(b, esc(i.legalBasisLabel()), list(i.legalBases(), i.legalBasis()));
        row(b, "办事条件", esc(i.conditions()));
        row(b, "申报材料", list(i.materials(), i.materialsText()));
        row(b, "法定时限", esc(i.statutoryLimit().text()) + limitTag(i.statutoryLimit()));
        row(b, "承诺时限", esc(i.promisedLimit().text()) + limitTag(i.promisedLimit()));
        row(b, "特别程序及期限", esc(i.specialProcedure()));
        row(b, "收费依据及标准", esc(i.fees()));
        row(b, "证照或批复名称", esc(i.approvalDocument()));
        row(b, "运行流程", list(i.processSteps(), i.process()));
        row(b, "承办机构", esc(i.offices()));
        row(b, "咨询方式", esc(i.contacts()));
        row(b, "监督投诉方式", esc(i.complaints()));
        row(b, "备注", esc(i.remarks()));
        b.append("</table><p class=\"count\">Source: 002_6f5df2eb867a8887.txt, line ").append(i.sourceLine())
                .append(". Check on the command line: <code>shebao services check ").append(i.code()).append(spec.facts().stream()
                        .filter(FactSpec::required).map(f -> " --fact " + f.name() + "=…").reduce("", String::concat))
                .append("</code></p></main></body></html>\n");
        return b.toString();
    }

    private static String facts(CheckSpec spec) {
        if (spec.facts().isEmpty()) {
            return " 条件需凭材料核实 / conditions verified from the documents at the counter";
        }
        StringBuilder b = new StringBuilder("<ol>");
        for (FactSpec f : spec.facts()) {
            b.append("<li><code>").append(f.name()).append("</code> — ").append(esc(f.zh())).append(" / ").append(esc(f.en()))
                    .append(" (").append(esc(f.allowed())).append(f.required() ? "" : "; optional").append(")</li>");
        }
        return b.append("</ol>").toString();
    }

    private static String limitTag(TimeLimit t) {
        String s = switch (t.kind()) {
            case NONE -> "no limit";
            case IMMEDIATE -> "immediate";
            case WORKING_DAYS -> t.number() + " working days";
            case DAYS -> t.number() + " calendar days";
            case SCHEDULE -> "schedule";
        };
        return " <span class=\"tag mark\">" + s + (t.fromApplication() || t.kind() == TimeLimitKind.NONE ? "" : ", not from the application") + "</span>";
    }

    private static String engineLabel(String engine) {
        return switch (engine) {
            case "rules" -> "规则判定 / rules";
            case "retirement" -> "退休规则 / retirement rules";
            default -> "待核实 / to verify";
        };
    }

    private static String mark(String label, boolean on) {
        return "<span class=\"tag " + (on ? "mark" : "off") + "\">" + (on ? "☑ " : "☐ ") + label + "</span>";
    }

    private static String list(List<String> parts, String text) {
        if (parts.size() <= 1) {
            return esc(text);
        }
        StringBuilder b = new StringBuilder("<ol style=\"list-style:none;padding-left:0\">");
        parts.forEach(p -> b.append("<li>").append(esc(p)).append("</li>"));
        return b.append("</ol>").toString();
    }

    private static void row(StringBuilder b, String th, String td) {
        b.append("<tr><th>").append(th).append("</th><td>").append(td).append("</td></tr>");
    }

    private static void head(StringBuilder b, String title, String extra) {
        b.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>")
                .append(esc(title)).append("</title><style>").append(STYLE).append("</style>").append(extra).append("</head><body>");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
