package io.shebao.services;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped catalogue against the source document: the importer re-run on {@code sources/} gives the shipped
 * file byte for byte, every guide table of the source is an item, and every field is the source text — checked
 * independently of the importer's line logic by rebuilding each table's text from the fields.
 */
class GuideImportTest {
    static final Path SOURCE = Path.of("..", "sources", GuideImporter.SOURCE_FILE);
    static List<String> lines;
    static GuideImporter.Import imported;
    static List<ServiceItem> shipped;

    @BeforeAll
    static void load() throws IOException {
        lines = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
        imported = GuideImporter.parse(SOURCE);
        shipped = ServiceCatalogue.bundled().items();
    }

    @Test
    void shippedCatalogueIsTheImportOfTheSource() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ServiceCatalogue.CATALOGUE)) {
            String file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(GuideImporter.catalogueJson(imported), file,
                    "catalogue.json differs from the import of the source: rerun GuideImporter (see docs/SERVICES.md)");
        }
        assertEquals(imported.items(), shipped);
    }

    @Test
    void everyGuideTableOfTheSourceIsAnItem() {
        // count the tables by their code line, independently of the headings the importer keys on
        List<String> printed = lines.stream().filter(l -> l.startsWith("业务编号\t"))
                .map(l -> l.substring(l.indexOf('\t') + 1).trim()).toList();
        assertEquals(123, printed.size(), "the source has 120 items in 123 guide tables (SBZX00020, 56, 57 in two parts)");
        assertEquals(printed, shipped.stream().map(ServiceItem::printedCode).toList());
        // the summary list: numbers 1..120, and every listed code has its table
        assertEquals(123, imported.listed().size());
        assertEquals(IntStream.rangeClosed(1, 120).boxed().toList(),
                imported.listed().values().stream().map(GuideImporter.ListedItem::number).filter(n -> n > 0).sorted().toList());
        assertEquals(imported.listed().keySet(), shipped.stream().map(ServiceItem::code).collect(Collectors.toSet()));
        // printed SBZX000062 in the list, SBZX00062 in the table: one normalised code
        ServiceItem i62 = ServiceCatalogue.bundled().item("SBZX000062");
        assertEquals("SBZX00062", i62.code());
        assertEquals("SBZX000062", i62.listedCode());
        assertEquals("SBZX00062", i62.printedCode());
        // the only text outside any field is the form's footnote and the closing lines
        assertEquals(4, imported.outside().size(), String.join("\n", imported.outside()));
        assertTrue(imported.outside().get(0).contains("注：1.表格各要素原则上为必填项"));
    }

    /** Every field is the source text: the fields, label by label, rebuild the table's text exactly. */
    @Test
    void everyFieldEqualsTheSourceText() {
        List<Integer> starts = new ArrayList<>();
        for (ServiceItem i : shipped) {
            starts.add(i.sourceLine());
        }
        for (int n = 0; n < shipped.size(); n++) {
            ServiceItem i = shipped.get(n);
            int from = starts.get(n) - 1;
            int to = n + 1 < starts.size() ? starts.get(n + 1) - 1 : lines.size();
            List<String> block = new ArrayList<>();
            for (String l : lines.subList(from, to)) {
                if (l.startsWith("注：") || l.startsWith("武汉市人力资源和社会保障局办公室")) {
                    break;
                }
                block.add(l);
            }
            String source = words(String.join("\n", block).replaceAll("<input checked=\"\" type=\"checkbox\"/>", "☑")
                    .replaceAll("<input type=\"checkbox\"/>", "☐"));
            String rebuilt = words(String.join(" ", i.heading(), "业务编号", i.printedCode(), "业务类别", i.category(),
                    "事项名称", i.name(), "实施机关", i.body(), "办理类型", box(i.marks().immediate()) + " 马上办",
                    box(i.marks().online()) + " 网上办", box(i.marks().oneVisit()) + " 一次办", i.legalBasisLabel(), i.legalBasis(),
                    "办事条件", i.conditions(), "申报材料", i.materialsText(), "法定时限", i.statutoryLimit().text(),
                    "承诺时限", i.promisedLimit().text(), "特别程序及期限", i.specialProcedure(), "收费依据及标准", i.fees(),
                    "证照或批复名称", i.approvalDocument(), "运行流程", i.process(), "承办机构", i.offices(), "咨询方式",
                    i.contacts(), "监督投诉方式", i.complaints(), "备注", i.remarks()));
            assertEquals(source, rebuilt, i.code() + " (source line " + i.sourceLine() + ")");
        }
    }

    /** The lists are their text cut up: in order, nothing added, only separators left over. */
    @Test
    void listsAreTheirTextCutAtSeparators() {
        for (ServiceItem i : shipped) {
            assertCut(i.code() + " materials", i.materialsText(), i.materials());
            assertCut(i.code() + " legal bases", i.legalBasis(), i.legalBases());
            assertCut(i.code() + " process", i.process(), i.processSteps());
            assertFalse(i.legalBases().isEmpty(), i.code());
        }
        ServiceItem i = ServiceCatalogue.bundled().item("SBZX00001");
        assertEquals(List.of("《中华人民共和国社会保险法》第五十八条",
                "《社会保险费申报缴纳管理规定》（中华人民共和国人力资源和社会保障部令第20号）第八条",
                "《国务院办公厅关于加快推进“五证合一、一照一码”登记制度改革的通知》（国办发〔2016〕53号）"), i.legalBases());
        assertEquals(4, i.materials().size());
        assertEquals(4, i.processSteps().size());
    }

    @Test
    void timeLimitsKeepTheirTextAndNumber() {
        Pattern wd = Pattern.compile("(\\d+)\\s*个工作日");
        for (ServiceItem i : shipped) {
            for (TimeLimit t : List.of(i.statutoryLimit(), i.promisedLimit())) {
                switch (t.kind()) {
                    case NONE -> assertEquals("无", t.text(), i.code());
                    case IMMEDIATE -> assertTrue(t.text().startsWith("即时"), i.code());
                    case WORKING_DAYS -> {
                        Matcher m = wd.matcher(t.text());
                        assertTrue(m.find(), i.code());
                        assertEquals(Integer.parseInt(m.group(1)), t.number(), i.code());
                    }
                    case DAYS -> assertTrue(t.text().contains(t.number() + " 日内"), i.code());
                    case SCHEDULE -> assertFalse(t.fromApplication(), i.code());
                }
            }
        }
        Map<String, ServiceItem> by = shipped.stream().collect(Collectors.toMap(ServiceItem::code, x -> x));
        assertEquals(new TimeLimit(TimeLimitKind.WORKING_DAYS, 20, true, "20 个工作日"), by.get("SBZX00015").statutoryLimit());
        assertEquals(new TimeLimit(TimeLimitKind.IMMEDIATE, 0, true, "即时办结"), by.get("SBZX00015").promisedLimit());
        assertEquals(TimeLimitKind.DAYS, by.get("GSC00001").statutoryLimit().kind());
        assertEquals(60, by.get("GSC00001").statutoryLimit().number());
        assertTrue(by.get("GSC00001").statutoryLimit().fromApplication());
        assertEquals(TimeLimitKind.SCHEDULE, by.get("YBZX00019").statutoryLimit().kind());
        assertFalse(by.get("SBZX00041").promisedLimit().fromApplication(), "15 working days after another office's letter");
    }

    @Test
    void marksAreTheTickedBoxes() {
        Map<String, ServiceItem> by = shipped.stream().collect(Collectors.toMap(ServiceItem::code, x -> x));
        assertEquals(new ServiceMarks(true, false, true), by.get("SBZX00001").marks());
        long all = shipped.stream().filter(i -> i.marks().immediate() && i.marks().online() && i.marks().oneVisit()).count();
        assertEquals(17, all);
    }

    private static void assertCut(String what, String text, List<String> parts) {
        if (text.equals("无")) {
            assertEquals(List.of(), parts, what);
            return;
        }
        String rest = text;
        int at = 0;
        StringBuilder left = new StringBuilder();
        for (String p : parts) {
            int k = rest.indexOf(p, at);
            assertTrue(k >= 0, what + ": '" + p + "' not in order in the text");
            left.append(rest, at, k);
            at = k + p.length();
        }
        left.append(rest.substring(at));
        assertTrue(left.toString().matches("[\\s、→]*"), what + ": text left over: '" + left + "'");
    }

    private static String box(boolean ticked) {
        return ticked ? "☑" : "☐";
    }

    private static String words(String s) {
        return GuideImporter.clean(s);
    }
}
