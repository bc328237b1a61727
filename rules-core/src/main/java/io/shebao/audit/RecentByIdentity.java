package io.shebao.audit;

import java.util.function.Function;

/**
 * Per thread, the objects met last and what was computed for them, by identity, in a direct-mapped table in front
 * of a shared cache: a batch worker meets its plans' lists, messages and traces on row after row, and a look-up in a
 * shared weak-key cache (an identity hash, a probe, a reference compared, an access recorded) costs far more than
 * one slot compared by reference. Bounded (a slot is overwritten by the next object that maps to it); a miss asks
 * the shared cache, whose answer the slot then keeps. An object is only ever kept with its own value. A slot holds
 * its key strongly: up to {@link #SLOTS} keys a thread outlive their use until overwritten or the thread ends
 * (the batch's workers end with the run). A thread's table starts at {@link #FIRST_SLOTS} and grows fourfold, up
 * to the size given, each time the keys it displaced (a miss whose slot held another key) outnumber its slots: a batch's workers meeting 20,000 plans get the
 * large table, a thread that writes a few rows (a test, a server's request) keeps a small one.
 */
final class RecentByIdentity<K, V> {
    /**
     * Slots a thread at most: a population's rows come in any order of their plans (17,010 cases in 100k mixed
     * rows, over 20,000 contexts in 1M), and with 64 slots the lists' look-ups still went to the shared cache on
     * most rows (5.6% of an audited 1M-row batch's samples; 2.6% with 4,096, where a 1M batch's plans still mostly
     * missed their slot). 65,536 slots are 131,072 references, ~512 KB a table a thread (four tables: lists,
     * messages, traces, insurance sets), so that a plan's slot is rarely taken by another before the plan comes again.
     */
    static final int SLOTS = 65536;
    /** Slots a thread's table starts with (~8 KB). */
    static final int FIRST_SLOTS = 1024;

    private final int max;
    private final ThreadLocal<Table> tables;

    /** One thread's slots (keys at even indexes, their values after them) and the keys displaced since it last grew. */
    private static final class Table {
        Object[] slots;
        int mask;
        int misses;

        Table(int size) {
            this.slots = new Object[2 * size];
            this.mask = size - 1;
        }
    }

    /** @param size slots per thread at most, a power of two */
    RecentByIdentity(int size) {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("a power of two: " + size);
        }
        this.max = size;
        int first = Math.min(size, FIRST_SLOTS);
        this.tables = ThreadLocal.withInitial(() -> new Table(first));
    }

    /** The value this thread's slot keeps for {@code key}, or null: nothing else is asked. */
    @SuppressWarnings("unchecked")
    V peek(K key) {
        Table t = tables.get();
        int i = (System.identityHashCode(key) & t.mask) << 1;
        return t.slots[i] == key ? (V) t.slots[i + 1] : null;
    }

    /** The value kept for {@code key}, else {@code shared}'s (kept when not null), or null. */
    @SuppressWarnings("unchecked")
    V get(K key, Function<K, V> shared) {
        Table t = tables.get();
        int h = System.identityHashCode(key);
        int i = (h & t.mask) << 1;
        if (t.slots[i] == key) {
            return (V) t.slots[i + 1];
        }
        V v = shared.apply(key);
        if (v != null) {
            // only a miss that takes another key's slot counts: keys met for the first time into empty slots do not
            if (t.slots[i] != null && ++t.misses > t.mask && t.mask + 1 < max) {
                // more keys displaced than slots: the keys in use do not fit; a larger table, empty (refilled as met)
                int size = Math.min(max, (t.mask + 1) * 4);
                t.slots = new Object[2 * size];
                t.mask = size - 1;
                t.misses = 0;
                i = (h & t.mask) << 1;
            }
            t.slots[i] = key;
            t.slots[i + 1] = v;
        }
        return v;
    }

    /** Slots of this thread's table now (for tests). */
    int slots() {
        return tables.get().mask + 1;
    }
}
