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
 * A list's runs of numerals, each once and none that another contains ({@link MessageCitations#joined}), hold an
 * amount exactly when one of the runs as found holds it: whether a row's amount is stated is answered as before.
 */
class NumeralRunsProperties {

    @Provide
    Arbitrary<String> runs() {
        return Arbitraries.strings().withChars("0123456789.-").ofMinLength(1).ofMaxLength(10);
    }

    @Provide
    Arbitrary<String> amounts() {
        return Arbitraries.strings().withChars("01234589.").ofMinLength(1).ofMaxLength(5);
    }

    @Property(tries = 3000)
    void anAmountIsWithinTheJoinedRunsWhenWithinOneRun(@ForAll("runsLists") List<String> runs, @ForAll("amounts") String amount) {
        boolean expected = runs.stream().anyMatch(r -> r.contains(amount));
        assertEquals(expected, MessageCitations.joined(runs).contains(amount), runs + " " + amount);
        Statistics.label("stated").collect(expected);
    }

    @Provide
    Arbitrary<List<String>> runsLists() {
        // repeated runs, and runs within others, as a list's Chinese and English texts give them
        return runs().list().ofMaxSize(12).flatMap(rs -> Arbitraries.integers().between(0, 3).map(k -> {
            List<String> out = new java.util.ArrayList<>(rs);
            for (int i = 0; i < k && !rs.isEmpty(); i++) {
                String r = rs.get(i % rs.size());
                out.add(r);
                out.add(r.substring(0, Math.max(1, r.length() / 2)));
            }
            java.util.Collections.shuffle(out, new java.util.Random(k));
            return out;
        }));
    }
}
