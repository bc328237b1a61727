package io.shebao.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.internal.json.Json;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.math.BigDecimal;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@code RowTree} reads a line as the writer writes it without Jackson's parser (issue 13, stop 14): for any text
 * it must give null or exactly the tree the replay's Jackson reader gives (strict duplicate detection, no
 * trailing tokens), keys in the same order, never a tree for a text Jackson refuses, and it must read the rows the
 * writer writes.
 */
class RowTreeProperties {
    /** As TrailRowReplay configures its reader. */
    private static final ObjectMapper READER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final String ROW = "{\"kind\":\"contribution\",\"header\":\"5546282d5caa17c3\",\"request\":{\"region\":"
            + "\"huanggang\",\"period\":\"2025-11\",\"wage\":\"55550\",\"riskClass\":5,\"floatGrade\":\"100\",\"insurances\":"
            + "[\"pension\",\"unemployment\"],\"allowCarryForward\":false},\"result\":{\"baseAdjustment\":\"LOWERED_TO_CEILING\","
            + "\"lines\":[{\"insurance\":\"pension\",\"base\":\"21462\",\"employerRate\":\"0.16\",\"employeeRate\":\"0.08\","
            + "\"employer\":\"3433.92\",\"employee\":\"1716.96\"}],\"totals\":{\"employer\":\"3584.15\",\"employee\":\"1781.35\","
            + "\"total\":\"5365.50\"},\"notes\":[{\"code\":\"WAGE_ABOVE_CEILING\",\"zh\":\"申报工资 55550 高于缴费基数上限 21462，按上限核定\","
            + "\"en\":\"declared wage 55550 is above the ceiling 21462; the ceiling is the base\"},\"f7eabe9b7d8a0e19436f9e220bbcc23b\"],"
            + "\"warnings\":[]},\"trace\":{\"rules\":[31,3,29,34,33],\"parameters\":[0,1,323,377,{\"ref\":2,\"carriedForward\":true}],"
            + "\"x\":null,\"y\":true,\"z\":{},\"big\":999999999},\"digest\":\"22d103af3046ec291ef1e3490ad51bc400a8bf74e196cffc0446e568dcefb4b1\"}";

    @Example
    void aRowAsWrittenIsReadAsJacksonReadsIt() throws Exception {
        ObjectNode t = RowTree.read(ROW);
        assertNotNull(t);
        assertEquals(READER.readTree(ROW), t);
        assertEquals(READER.readTree(ROW).toString(), t.toString());
    }

    @Example
    void textsJacksonReadsAnotherWayOrRefusesAreLeftToIt() {
        for (String s : new String[]{"{\"a\":1,\"a\":2}", "{\"a\":01}", "{\"a\":-1}", "{\"a\":1.5}", "{\"a\":1e3}",
                "{\"a\":1234567890}", "{\"a\":\"x\\\"y\"}", "{\"a\":\"x\ty\"}", "{\"a\": 1}", "{\"a\":1} ", "{\"a\":1}{}",
                "{\"a\":tru}", "{\"a\":[1,]}", "{\"a\":1,}", "{,}", "[1]", "\"a\"", "{\"a\":nulll}", "{\"a\"}", "{\"a\":}",
                "{\"a\":[1 ,2]}", "{\"a\":\"unterminated}", ""}) {
            assertNull(RowTree.read(s), s);
        }
    }

    /**
     * Random trees written by Jackson (compact, as the writer writes; with escapes, signs, fractions, big numbers
     * now and then), then edited at random (a character inserted, deleted or replaced, a key given twice): the
     * reader gives null or Jackson's tree, and Jackson never refuses a text it reads.
     */
    @Property(tries = 2000)
    void nullOrJacksonsTree(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        String text = Json.write(value(random, 0, true), false);
        int edits = random.nextInt(3);
        for (int e = 0; e < edits && !text.isEmpty(); e++) {
            int i = random.nextInt(text.length());
            String c = String.valueOf("{}[],:\"\\ 0-1.e\tx中".charAt(random.nextInt(17)));
            text = switch (random.nextInt(4)) {
                case 0 -> text.substring(0, i) + c + text.substring(i);
                case 1 -> text.substring(0, i) + text.substring(i + 1);
                case 2 -> text.substring(0, i) + c + text.substring(i + 1);
                default -> text.replaceFirst("\\{\"([^\"]*)\":", "{\"$1\":1,\"$1\":");
            };
        }
        ObjectNode mine = RowTree.read(text);
        if (mine != null) {
            JsonNode jackson = READER.readTree(text); // throws if Jackson refuses the text
            assertEquals(jackson, mine, text);
            assertEquals(jackson.toString(), mine.toString(), text); // the same order of keys (the digest's text)
        } else if (edits == 0 && plain(text)) {
            throw new AssertionError("a text as written was not read: " + text);
        }
    }

    /** A text the reader must read: no escape, no sign, no fraction, numbers of at most nine digits. */
    private static boolean plain(String text) {
        return !text.contains("\\") && !text.contains("-") && !text.contains(".") && !text.contains("E")
                && !text.matches(".*[0-9]{10,}.*") && text.startsWith("{");
    }

    private static JsonNode value(Random random, int depth, boolean object) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        int kind = object ? 0 : random.nextInt(depth > 3 ? 9 : 11);
        switch (kind) {
            case 0 -> {
                ObjectNode o = f.objectNode();
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    o.set(string(random), value(random, depth + 1, false));
                }
                return o;
            }
            case 1, 2, 3 -> {
                return f.textNode(string(random));
            }
            case 4 -> {
                return f.numberNode(random.nextInt(20) == 0 ? -random.nextInt(1000) : random.nextInt(random.nextBoolean() ? 10 : Integer.MAX_VALUE));
            }
            case 5 -> {
                return random.nextInt(10) == 0 ? f.numberNode(random.nextLong()) : f.numberNode(new BigDecimal("12.50"));
            }
            case 6 -> {
                return f.booleanNode(random.nextBoolean());
            }
            case 7 -> {
                return f.nullNode();
            }
            case 8 -> {
                return random.nextInt(20) == 0 ? f.numberNode(1.5e300) : f.numberNode(random.nextInt(100));
            }
            default -> {
                ArrayNode a = f.arrayNode();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    a.add(value(random, depth + 1, random.nextInt(3) == 0));
                }
                return a;
            }
        }
    }

    private static String string(Random random) {
        String alphabet = "abcxyz0123 中文，：-_.\"\\\n\t/";
        int n = random.nextInt(8);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            b.append(random.nextInt(4) == 0 || (c != '"' && c != '\\' && c != '\n' && c != '\t') ? c : 'q');
        }
        return b.toString();
    }
}
