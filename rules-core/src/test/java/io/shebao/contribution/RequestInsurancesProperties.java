package io.shebao.contribution;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A request keeps a set that is already unmodifiable and of distinct catalogue indexes as it is (issue 13), and
 * otherwise copies as before: the same elements as {@code Set.copyOf(new TreeSet<>(s))} for any set, including
 * sets of other instances, of two insurances with one index (the first one kept), mutable and unmodifiable ones.
 */
class RequestInsurancesProperties {
    private static final List<Insurance> OTHERS = List.of(
            new Insurance("pension", "养老", "pension", 0, "pension.employer_rate", false),
            new Insurance("custom", "自定", "custom", 0, "custom.rate", false),
            new Insurance("other", "其他", "other", 3, "other.rate", false),
            new Insurance("late", "后加", "late", 40, "late.rate", false),
            new Insurance("later", "再加", "later", 70, "later.rate", false),
            new Insurance("latest", "最后", "latest", 70, "latest.rate", true));

    @Property(tries = 2000)
    void sameElementsAsTheSortedCopy(@ForAll("insuranceLists") List<Insurance> list, @ForAll boolean unmodifiable) {
        Set<Insurance> mutable = new java.util.LinkedHashSet<>(list);
        Set<Insurance> given = unmodifiable ? Set.copyOf(mutable) : mutable;
        Set<Insurance> before = given.isEmpty() ? Set.of() : Set.copyOf(new TreeSet<>(given));
        Set<Insurance> now = ContributionRequest.unmodifiable(given);
        assertEquals(before, now, given::toString);
        assertThrows(UnsupportedOperationException.class, () -> now.add(OTHERS.get(0)));
        assertEquals(new ArrayList<>(before).size(), new ArrayList<>(now).size()); // no element twice
        Set<Integer> indexes = new HashSet<>();
        now.forEach(i -> indexes.add(i.index()));
        assertEquals(now.size(), indexes.size(), "one insurance per catalogue index");
    }

    @Property(tries = 300)
    void aSharedUnmodifiableListIsKept(@ForAll("bundledSets") Set<Insurance> set) {
        Set<Insurance> shared = Set.copyOf(set);
        assertSame(shared.isEmpty() ? Set.of() : shared, ContributionRequest.unmodifiable(shared));
    }

    @Provide
    Arbitrary<List<Insurance>> insuranceLists() {
        List<Insurance> all = new ArrayList<>(Insurance.values());
        all.addAll(OTHERS);
        return Arbitraries.of(all).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<Set<Insurance>> bundledSets() {
        return Arbitraries.of(Insurance.values()).set().ofMaxSize(Insurance.values().size());
    }
}
