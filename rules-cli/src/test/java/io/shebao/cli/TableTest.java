package io.shebao.cli;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cells that wrap within their column: a table given column widths fits them, and loses nothing. */
class TableTest {
    @Test
    void latinBreaksAtSpacesAndCommasChineseBetweenCharacters() {
        assertEquals(List.of("R-SW-01,R-SW-03,R-SW-04,", "R-SW-05,R-SW-06"),
                Table.wrap("R-SW-01,R-SW-03,R-SW-04,R-SW-05,R-SW-06", 24));
        assertEquals(List.of("early: illness", "因病或非因工完全丧失劳动能力提前退休"),
                Table.wrap("early: illness 因病或非因工完全丧失劳动能力提前退休", 38));
        assertEquals(List.of("原法定退休", "年龄"), Table.wrap("原法定退休年龄", 10));
        assertEquals(List.of("fits"), Table.wrap("fits", 4));
        assertEquals(List.of("one-off-", "account-", "payment"), Table.wrap("one-off-account-payment", 10));
    }

    @Test
    void aWrappedCellContinuesIndentedUnderItsColumn() {
        Table t = new Table("item", "answer").maxWidths(10, 10).leftAligned();
        t.row("one-off-account-payment", "180");
        StringWriter s = new StringWriter();
        t.print(new PrintWriter(s, true));
        assertEquals(List.of("item        answer", "------------------", "one-off-    180", "  account-", "  payment"),
                s.toString().lines().toList());
    }

    /** Every line within the width (a character is never wider than 2), and no character but spaces lost. */
    @Property
    void wrappedLinesFitAndKeepEveryCharacter(@ForAll @StringLength(max = 120) @Chars({'a', 'b', 'Z', '1', ',', ' ', '-',
            '缴', '费', '基', '数', '（', '）'}) String text, @ForAll @IntRange(min = 2, max = 60) int max) {
        List<String> lines = Table.wrap(text, max);
        for (String line : lines) {
            assertTrue(Table.width(line) <= max, () -> "'" + line + "' wider than " + max);
        }
        assertEquals(text.replace(" ", ""), String.join("", lines).replace(" ", ""));
    }
}
