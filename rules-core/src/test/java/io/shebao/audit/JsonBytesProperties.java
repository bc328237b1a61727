package io.shebao.audit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The audit row's byte writer ({@link JsonBytes}) writes a text and a decimal exactly as the general path writes
 * them in a row ({@code Json.write}, then UTF-8): texts with every kind of character that takes the other path
 * (controls, quote, backslash, DEL, surrogate pairs, lone surrogates) among plain ASCII and 汉字.
 */
class JsonBytesProperties {

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> special = Arbitraries.of('"', '\\', '\n', '\t', '\r', '\b', '\f', '\u0000', '\u0001',
                '\u001f', '\u007f', '/', '\u2028', '\ud842', '\udfb7');
        Arbitrary<String> pair = Arbitraries.just("\ud842\udfb7"); // 𠮷: beyond the Basic Multilingual Plane
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(6)),
                net.jqwik.api.Tuple.of(4, Arbitraries.strings().withCharRange('\u4e00', '\u9fff').ofMaxLength(4)),
                net.jqwik.api.Tuple.of(2, special.map(String::valueOf)),
                net.jqwik.api.Tuple.of(1, pair));
        return piece.list().ofMaxSize(8).map(ps -> String.join("", ps));
    }

    @Property(tries = 3000)
    void aTextIsWrittenAsTheGeneratorWritesIt(@ForAll("texts") String text) {
        byte[] expected;
        try {
            expected = io.shebao.internal.json.Json.write(com.fasterxml.jackson.databind.node.TextNode.valueOf(text), false)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (RuntimeException e) { // a text Jackson refuses is refused by the writer too
            Statistics.label("text").collect("refused");
            org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> new JsonBytes(8).string(text));
            return;
        }
        JsonBytes w = new JsonBytes(8);
        w.string(text);
        assertArrayEquals(expected, Arrays.copyOf(w.array(), w.size()), text);
        boolean plain = text.chars().allMatch(c -> c >= 0x20 && c != '"' && c != '\\' && c != 0x7f
                && !Character.isSurrogate((char) c));
        Statistics.label("text").collect(plain ? "plain" : "through the generator");
    }

    @Property(tries = 1000)
    void aDecimalIsItsPlainStringQuoted(@ForAll("decimals") BigDecimal d) {
        JsonBytes w = new JsonBytes(8);
        w.decimal(d);
        assertArrayEquals(JsonBytes.generated(d.toPlainString()), Arrays.copyOf(w.array(), w.size()), d.toString());
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Arbitraries.bigDecimals().between(new BigDecimal("-1e12"), new BigDecimal("1e12")).ofScale(3)
                .flatMap(d -> Arbitraries.integers().between(-2, 6).map(s -> d.setScale(s, java.math.RoundingMode.HALF_UP)));
    }

    /** Fragments follow one another as written: a row is its pieces' bytes in order. */
    @Example
    void piecesFollowOneAnother() {
        JsonBytes w = new JsonBytes(4);
        w.raw(JsonBytes.key("a")).string("申报\"工资\"").ascii(',').raw(JsonBytes.key("b")).number(-12).ascii(',')
                .raw(JsonBytes.key("c")).bool(true).ascii(',').raw(JsonBytes.key("d")).decimal(new BigDecimal("0.070"));
        assertEquals("\"a\":\"申报\\\"工资\\\"\",\"b\":-12,\"c\":true,\"d\":\"0.070\"",
                new String(w.array(), 0, w.size(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
