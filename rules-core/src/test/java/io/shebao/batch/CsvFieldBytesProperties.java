package io.shebao.batch;

import io.shebao.internal.output.Utf8Buffer;
import io.shebao.population.CsvText;
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
        return new io.shebao.internal.output.Utf8BufferProperties().texts();
    }
}
