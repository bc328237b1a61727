package io.shebao.batch;

import io.shebao.internal.output.Utf8Buffer;
import io.shebao.population.CsvText;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * A results field written as bytes ({@link ResultFormat#csvField}, issue 13) is the UTF-8 of what
 * {@link CsvText#append(StringBuilder, String)} writes: formula guard and quotes included.
 */
class CsvFieldBytesProperties {

    @Property(tries = 3000)
    void csvFieldsAsTheTextWriter(@ForAll("texts") String s) {
        StringBuilder sb = new StringBuilder("1,");
        CsvText.append(sb, s);
        sb.append(',');
        Utf8Buffer b = new Utf8Buffer(8).text("1,");
        ResultFormat.csvField(b, s);
        b.ascii(',');
        assertArrayEquals(sb.toString().getBytes(StandardCharsets.UTF_8), b.toByteArray(), s);
    }

    @Provide
    Arbitrary<String> texts() {
        // ids and regions as files have them, and what a hostile file puts there: formula starts, quotes, commas,
        // line breaks, Chinese, emoji (surrogate pairs) and unpaired surrogates
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).withChars("abcxyz0123456789").withCharRange('A', 'Z'),
                Arbitraries.strings().ofMaxLength(12).withChars("ab09=+-@\t\r\n,\"' .陈\uD83D\uDE00é5"),
                Arbitraries.strings().ofMaxLength(8).all(),
                Arbitraries.of("wuhan", "P00000001", "=1+1", "-12.50", "+3", "-", "@x", "", "\"", "陈\uD83D\uDE00", "\uDE00x"));
    }
}
