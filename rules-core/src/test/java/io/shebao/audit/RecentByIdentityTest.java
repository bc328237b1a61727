package io.shebao.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecentByIdentityTest {
    /** Equal but distinct keys (as the rules' own results are to a plan's lists) never share a slot's value. */
    @Test
    void aKeyIsOnlyEverAnsweredWithItsOwnValue() {
        RecentByIdentity<List<String>, String> recent = new RecentByIdentity<>(1); // every key in the one slot
        List<String> a = new ArrayList<>(List.of("x"));
        List<String> b = new ArrayList<>(List.of("x"));
        AtomicInteger asked = new AtomicInteger();
        Map<List<String>, String> shared = new java.util.IdentityHashMap<>();
        shared.put(a, "A");
        shared.put(b, "B");
        assertEquals("A", recent.get(a, k -> { asked.incrementAndGet(); return shared.get(k); }));
        assertEquals("A", recent.get(a, k -> { asked.incrementAndGet(); return shared.get(k); }));
        assertEquals(1, asked.get(), "met again: answered from the slot");
        assertEquals("B", recent.get(b, k -> { asked.incrementAndGet(); return shared.get(k); }));
        assertEquals("A", recent.get(a, k -> { asked.incrementAndGet(); return shared.get(k); }));
        assertEquals(3, asked.get(), "a slot taken by another key asks the shared cache again");
    }

    @Test
    void manyKeysAndAMissThatIsNotKept() {
        RecentByIdentity<Object, Object> recent = new RecentByIdentity<>(64);
        Map<Object, Object> values = new HashMap<>();
        List<Object> keys = keys(1_000, 1, values);
        meet(recent, keys, 3, values);
        Object unknown = new Object();
        assertNull(recent.get(unknown, k -> null));
        assertEquals(7, recent.get(unknown, k -> 7), "a miss (null) is not kept");
        assertThrows(IllegalArgumentException.class, () -> new RecentByIdentity<>(3));
    }

    /** A thread's table grows when its misses outnumber its slots, up to the size given, and answers as before. */
    @Test
    void aTableGrowsWhenTheKeysDoNotFit() {
        RecentByIdentity<Object, Object> recent = new RecentByIdentity<>(16 * RecentByIdentity.FIRST_SLOTS);
        assertEquals(RecentByIdentity.FIRST_SLOTS, recent.slots());
        Map<Object, Object> values = new java.util.IdentityHashMap<>();
        List<Object> few = keys(20, 1, values);
        // few keys met again and again: at most 200 look-ups, fewer misses than the 1,024 slots, whatever collides
        meet(recent, few, 10, values);
        assertEquals(RecentByIdentity.FIRST_SLOTS, recent.slots(), "20 keys fit in the first table");
        List<Object> many = keys(40_000, -1, values);
        meet(recent, many, 2, values);
        assertEquals(16 * RecentByIdentity.FIRST_SLOTS, recent.slots(), "grown to the size given, not beyond");
        meet(recent, few, 1, values);
        int[] otherThread = new int[1];
        Thread t = new Thread(() -> otherThread[0] = recent.slots());
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertEquals(RecentByIdentity.FIRST_SLOTS, otherThread[0], "each thread its own table");
    }

    /** {@code n} new keys, each with its value ({@code sign × i}) in {@code values}. */
    private static List<Object> keys(int n, int sign, Map<Object, Object> values) {
        List<Object> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Object k = new Object();
            keys.add(k);
            values.put(k, sign * i);
        }
        return keys;
    }

    /** Meets the keys in order, {@code rounds} times: each is answered with its own value. */
    private static void meet(RecentByIdentity<Object, Object> recent, List<Object> keys, int rounds, Map<Object, Object> values) {
        for (int round = 0; round < rounds; round++) {
            for (Object k : keys) {
                assertSame(values.get(k), recent.get(k, values::get));
            }
        }
    }
}
