package io.shebao.audit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link NumeralRuns} answers exactly whether one of the texts contains the amount, as searching the texts would:
 * texts of numbers (repeated, within one another, dates and references as notes write them) among other
 * characters, and amounts of numerals, short and long, often taken from the texts themselves.
 */
class NumeralRunsProperties {

    @Provide
    Arbitrary<String> runs() {
        return Arbitraries.strings().withChars("0123456789.-").ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<List<String>> texts() {
        Arbitrary<String> other = Arbitraries.of(" ", "：", "，", "申报工资", "wage ", "(", ")", "…", "〔", "〕号", "e");
        Arbitrary<String> piece = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, runs()), net.jqwik.api.Tuple.of(2, other));
        Arbitrary<String> text = piece.list().ofMaxSize(10).map(ps -> String.join("", ps));
        // a text and its copy (the Chinese and the English text repeat their numbers)
        return text.list().ofMinSize(1).ofMaxSize(6).map(ts -> {
            List<String> out = new java.util.ArrayList<>(ts);
            out.add(ts.get(0) + " en");
            return out;
        });
    }

    @Property(tries = 5000)
    void anAmountIsStatedWhenATextContainsIt(@ForAll("texts") List<String> texts, @ForAll("runs") String drawn,
                                             @ForAll boolean fromTexts, @ForAll int at) {
        String amount = drawn;
        if (fromTexts) { // a piece of a run of the texts, so that "stated" is often true
            List<String> found = new java.util.ArrayList<>();
            texts.forEach(t -> NumeralRuns.runs(t, found));
            if (!found.isEmpty()) {
                String r = found.get(Math.floorMod(at, found.size()));
                int from = Math.floorMod(at, r.length());
                amount = r.substring(from, Math.min(r.length(), from + 1 + Math.floorMod(at >>> 8, 7)));
            }
        }
        String a = amount;
        boolean expected = texts.stream().anyMatch(t -> t.contains(a));
        assertEquals(expected, NumeralRuns.of(texts.toArray(String[]::new)).contain(a), texts + " " + a);
        Statistics.label("stated").collect(expected);
        Statistics.label("amount of 4 or more").collect(a.length() >= 4);
    }
}
