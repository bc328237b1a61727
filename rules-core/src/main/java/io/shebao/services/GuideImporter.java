package io.shebao.services;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.internal.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 办事指南导入: reads the guide tables (办事指南表) of seed {@code 002_6f5df2eb867a8887.txt} (武人社发〔2017〕58号)
 * into {@link ServiceItem}s, and the summary list (汇总表) for the listed codes, numbers and sections.
 *
 * <p>The source is a text export of a Word document: a field is a line {@code 标签<TAB>内容}; a line that starts
 * with a tab continues the field above (page breaks leave blank lines in between). Values keep their words:
 * HTML tags ({@code <p>}) are removed and white space (tabs, line ends) collapsed to one space. Anything inside
 * the guide section that is not a field (the form's footnote) is returned as {@link Import#outside()} with
 * its line number, never dropped silently.
 *
 * <p>Run {@code main(source, catalogue.json)} to regenerate the bundled catalogue; a test re-parses the source
 * and fails when the shipped file differs.
 */
public final class GuideImporter {
    /** The seed file the catalogue is imported from. */
    public static final String SOURCE_FILE = "002_6f5df2eb867a8887.txt";
    static final String LIST_HEADING = "社会保险公共服务事项清单汇总表";

    /** The labels of a guide table in printed order; 设定依据 is the variant label of three tables. */
    public static final List<String> LABELS = List.of("业务编号", "业务类别", "事项名称", "实施机关", "办理类型",
            "设定主要依据", "办事条件", "申报材料", "法定时限", "承诺时限", "特别程序及期限", "收费依据及标准",
            "证照或批复名称", "运行流程", "承办机构", "咨询方式", "监督投诉方式", "备注");
    static final String LEGAL_BASIS_VARIANT = "设定依据";

    /** The HTML tags of the export (p, ol, input); 〈〉-style quotes written as <…> in the text are words, not tags. */
    private static final Pattern TAG = Pattern.compile("</?(?:p|ol|input)\\b[^>]*>");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00a0\\u3000]+");
    private static final Pattern CHECKBOX = Pattern.compile("<input( checked=\"\")? type=\"checkbox\"/>\\s*(马上办|网上办|一次办)");
    private static final Pattern WORKING_DAYS = Pattern.compile("(\\d+)\\s*个工作日");
    private static final Pattern DAYS = Pattern.compile("(\\d+)\\s*日内");
    private static final Pattern BARE_WORKING_DAYS = Pattern.compile("\\d+\\s*个工作日");
    /** Numbering of list items: "1、", "2." at the start or after white space or a semicolon. */
    private static final Pattern NUMBERING = Pattern.compile("(?:^|(?<=[\\s；;。]))\\d{1,2}\\s*[、.．](?!\\d)");

    private GuideImporter() {
    }

    /**
     * What the source holds.
     *
     * @param items   the guide tables in source order
     * @param listed  the summary list's rows: normalised code → row
     * @param outside text inside the guide section that belongs to no field, as "line N: text"
     */
    public record Import(List<ServiceItem> items, Map<String, ListedItem> listed, List<String> outside) {
    }

    /** One row of the summary list (汇总表). */
    public record ListedItem(int number, String printedCode, String group, String category, String name, int line) {
    }

    public static Import parse(Path source) {
        try {
            return parse(Files.readAllLines(source, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ShebaoException(ErrorCode.INVALID_INPUT, "source", source.toString(),
                    "cannot read the guide source " + source + ": " + e.getMessage(), e);
        }
    }

    public static Import parse(List<String> lines) {
        Map<String, ListedItem> listed = new LinkedHashMap<>();
        List<ServiceItem> items = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        int firstTable = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (isHeading(lines.get(i))) {
                firstTable = i;
                break;
            }
        }
        if (firstTable < 0) {
            throw error(0, "no guide table (…办事指南表) in the source");
        }
        readList(lines.subList(0, firstTable), listed);

        Map<String, StringBuilder> fields = null;
        String label = null;
        String legalLabel = null;
        String heading = null;
        int tableLine = 0;
        boolean inFootnote = false;
        for (int i = firstTable; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : null;
            if (line == null || isHeading(line)) {
                if (fields != null) {
                    items.add(item(heading, fields, legalLabel, tableLine, listed));
                }
                if (line == null) {
                    break;
                }
                fields = new LinkedHashMap<>();
                heading = line.trim();
                label = null;
                legalLabel = null;
                tableLine = i + 1;
                inFootnote = false;
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            String key = tab < 0 ? null : clean(line.substring(0, tab));
            if (tab < 0 || inFootnote) {
                inFootnote = true; // the form's footnote and the closing lines: no field
                outside.add("line " + (i + 1) + ": " + clean(line));
                continue;
            }
            if (key.isEmpty()) {
                if (label == null) {
                    throw error(i + 1, "a continuation line before any field");
                }
                fields.get(label).append('\t').append(line.substring(tab + 1));
                continue;
            }
            if (key.equals(LEGAL_BASIS_VARIANT)) {
                legalLabel = key;
                key = "设定主要依据";
            } else if (key.equals("设定主要依据")) {
                legalLabel = key;
            }
            if (!LABELS.contains(key)) {
                throw error(i + 1, "unknown label '" + key + "'; a guide table has: " + String.join(", ", LABELS));
            }
            if (fields.containsKey(key)) {
                throw error(i + 1, "label '" + key + "' twice in the table starting at line " + tableLine);
            }
            label = key;
            fields.put(key, new StringBuilder(line.substring(tab + 1)));
        }
        return new Import(List.copyOf(items), Map.copyOf(listed), List.copyOf(outside));
    }

    private static void readList(List<String> lines, Map<String, ListedItem> listed) {
        String group = "";
        boolean inList = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.trim().equals(LIST_HEADING)) {
                inList = true;
                continue;
            }
            if (!inList || line.isBlank() || line.startsWith("序号\t")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            List<String> nonEmpty = new ArrayList<>();
            for (String c : cells) {
                if (!c.isBlank()) {
                    nonEmpty.add(c.trim());
                }
            }
            if (nonEmpty.size() == 1) {
                group = nonEmpty.get(0);
                continue;
            }
            if (cells.length < 4) {
                throw error(i + 1, "a summary row needs 序号, 业务编号, 业务类别, 事项名称: " + line);
            }
            String printed = cells[1].trim();
            String code = ServiceCode.normalise(printed);
            int number = cells[0].isBlank() ? 0 : Integer.parseInt(cells[0].trim());
            if (listed.put(code, new ListedItem(number, printed, group, clean(cells[2]), clean(cells[3]), i + 1)) != null) {
                throw error(i + 1, "code " + code + " twice in the summary list");
            }
        }
    }

    /** 社会保险公共服务事项办事指南表, or the variant 社会保险待遇业务事项办事指南表 (SBZX00062). */
    static boolean isHeading(String line) {
        String t = line.trim();
        return !line.contains("\t") && t.startsWith("社会保险") && t.endsWith("办事指南表");
    }

    private static ServiceItem item(String heading, Map<String, StringBuilder> raw, String legalLabel, int line, Map<String, ListedItem> listed) {
        for (String l : LABELS) {
            if (!raw.containsKey(l)) {
                throw error(line, "the guide table starting at line " + line + " has no '" + l + "'");
            }
        }
        Map<String, String> f = new LinkedHashMap<>();
        raw.forEach((k, v) -> f.put(k, clean(v.toString())));
        String printed = f.get("业务编号");
        String code = ServiceCode.normalise(printed);
        ListedItem li = listed.get(code);
        if (li == null) {
            throw error(line, "guide table " + printed + " is not in the summary list");
        }
        return new ServiceItem(code, heading, printed, li.printedCode(), li.number(), li.group(), f.get("业务类别"),
                f.get("事项名称"), f.get("实施机关"), marks(raw.get("办理类型").toString(), line), legalLabel,
                f.get("设定主要依据"), legalBases(f.get("设定主要依据")), f.get("办事条件"), f.get("申报材料"),
                numbered(f.get("申报材料")), timeLimit(f.get("法定时限")), timeLimit(f.get("承诺时限")),
                f.get("特别程序及期限"), f.get("收费依据及标准"), f.get("证照或批复名称"), f.get("运行流程"),
                steps(f.get("运行流程")), f.get("承办机构"), f.get("咨询方式"), f.get("监督投诉方式"), f.get("备注"), line);
    }

    /** Tags removed, white space collapsed to single spaces, trimmed. */
    public static String clean(String s) {
        return SPACE.matcher(TAG.matcher(s).replaceAll(" ")).replaceAll(" ").trim();
    }

    static ServiceMarks marks(String raw, int line) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        Matcher x = CHECKBOX.matcher(raw);
        while (x.find()) {
            m.put(x.group(2), x.group(1) != null);
        }
        if (m.size() != 3) {
            throw error(line, "办理类型 needs the three boxes 马上办, 网上办, 一次办: " + clean(raw));
        }
        return new ServiceMarks(m.get("马上办"), m.get("网上办"), m.get("一次办"));
    }

    /** Parses a 法定时限 / 承诺时限 text. */
    public static TimeLimit timeLimit(String text) {
        if (text.equals("无")) {
            return new TimeLimit(TimeLimitKind.NONE, 0, true, text);
        }
        if (text.matches("即时办结|即时办理")) {
            return new TimeLimit(TimeLimitKind.IMMEDIATE, 0, true, text);
        }
        if (text.contains("每月") || text.contains("次月") || text.contains("月底")) {
            return new TimeLimit(TimeLimitKind.SCHEDULE, 0, false, text);
        }
        Matcher wd = WORKING_DAYS.matcher(text);
        if (wd.find()) {
            boolean fromApplication = BARE_WORKING_DAYS.matcher(text).matches()
                    || text.contains("收到申请人完整登记材料后");
            return new TimeLimit(TimeLimitKind.WORKING_DAYS, Integer.parseInt(wd.group(1)), fromApplication, text);
        }
        Matcher d = DAYS.matcher(text);
        if (d.find()) {
            boolean fromApplication = text.substring(0, d.start()).matches(".*自受理.*申请之日起\\s*");
            return new TimeLimit(TimeLimitKind.DAYS, Integer.parseInt(d.group(1)), fromApplication, text);
        }
        return new TimeLimit(TimeLimitKind.SCHEDULE, 0, false, text);
    }

    /** Cuts a text at its numbering "1、… 2、…"; a text without at least two numbers is one element ("无" none). */
    public static List<String> numbered(String text) {
        if (text.isEmpty() || text.equals("无")) {
            return List.of();
        }
        Matcher m = NUMBERING.matcher(text);
        List<Integer> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
        }
        if (starts.size() < 2) {
            return List.of(text);
        }
        List<String> out = new ArrayList<>();
        if (starts.get(0) > 0) {
            String head = text.substring(0, starts.get(0)).trim();
            if (!head.isEmpty()) {
                out.add(head);
            }
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
            String part = text.substring(starts.get(i), end).trim();
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return List.copyOf(out);
    }

    /** Cuts a legal basis into documents: at its numbering, else before each 《 that follows a space or 、. */
    public static List<String> legalBases(String text) {
        List<String> n = numbered(text);
        if (n.size() > 1 || text.isEmpty()) {
            return n;
        }
        List<String> out = new ArrayList<>();
        for (String token : text.split("(?:\\s+|(?<=、))(?=《)")) {
            String t = token.trim();
            if (t.isEmpty()) {
                continue;
            }
            out.add(t);
        }
        return List.copyOf(out);
    }

    /** Cuts a process at its arrows (→) or else its numbering. */
    public static List<String> steps(String text) {
        if (text.contains("→") && numbered(text).size() < 2) {
            List<String> out = new ArrayList<>();
            for (String s : text.split("→")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
            return List.copyOf(out);
        }
        return numbered(text);
    }

    private static ShebaoException error(int line, String message) {
        return new ShebaoException(ErrorCode.INVALID_INPUT, "source", SOURCE_FILE + ":" + line,
                SOURCE_FILE + ":" + line + ": " + message);
    }

    /** The catalogue file's text for the items (pretty JSON, fields in declaration order, ending in a newline). */
    public static String catalogueJson(Import imported) {
        try {
            var root = Json.object();
            root.put("source", SOURCE_FILE);
            root.put("document", "武人社发〔2017〕58号 社会保险公共服务事项清单和办事指南（2017年版）");
            root.put("generatedBy", GuideImporter.class.getName());
            root.set("items", Json.PRETTY.valueToTree(imported.items()));
            return Json.PRETTY.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Regenerates the catalogue: {@code GuideImporter SOURCE OUT.json}. Writes to a temporary file and moves
     * it into place, so the output is whole or not at all; the source is only read.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: GuideImporter SOURCE.txt OUT.json");
            System.exit(2);
        }
        Import imp = parse(Path.of(args[0]));
        Path out = Path.of(args[1]).toAbsolutePath();
        Path tmp = Files.createTempFile(out.getParent(), ".catalogue", ".tmp");
        Files.writeString(tmp, catalogueJson(imp), StandardCharsets.UTF_8);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println(imp.items().size() + " guide tables → " + out + "; outside any field: " + imp.outside().size() + " lines");
    }
}
