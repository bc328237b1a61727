package io.shebao.audit;

import java.util.function.Function;

/**
 * Per thread, the objects met last and what was computed for them, by identity, in a direct-mapped table in front
 * of a shared cache: a batch worker meets its plans' lists, messages and traces on row after row, and a look-up in a
 * shared weak-key cache (an identity hash, a probe, a reference compared, an access recorded) costs far more than
 * one slot compared by reference. Bounded (a slot is overwritten by the next object that maps to it); a miss asks
 * the shared cache, whose answer the slot then keeps. An object is only ever kept with its own value. A slot holds
 * its key strongly: up to {@link #SLOTS} keys a thread outlive their use until overwritten or the thread ends
 * (the batch's workers end with the run).
 */
final class RecentByIdentity<K, V> {
    /**
     * Slots a thread: a population's rows come in any order of their plans (17,010 cases in 100k mixed rows, over
     * 20,000 contexts in 1M), and with 64 slots the lists' look-ups still went to the shared cache on most rows
     * (5.6% of an audited 1M-row batch's samples; 2.6% with 4,096, where a 1M batch's plans still mostly missed
     * their slot). 65,536 slots are 131,072 references, ~512 KB a table a thread (four tables: lists, messages,
     * traces, insurance sets), so that a plan's slot is rarely taken by another before the plan comes again.
     */
    static final int SLOTS = 65536;

    private final int mask;
    private final ThreadLocal<Object[]> slots;

    /** @param size slots per thread, a power of two */
    RecentByIdentity(int size) {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("a power of two: " + size);
        }
        this.mask = size - 1;
        this.slots = ThreadLocal.withInitial(() -> new Object[2 * size]);
    }

    /** The value this thread's slot keeps for {@code key}, or null: nothing else is asked. */
    @SuppressWarnings("unchecked")
    V peek(K key) {
        Object[] t = slots.get();
        int i = (System.identityHashCode(key) & mask) << 1;
        return t[i] == key ? (V) t[i + 1] : null;
    }

    /** The value kept for {@code key}, else {@code shared}'s (kept when not null), or null. */
    @SuppressWarnings("unchecked")
    V get(K key, Function<K, V> shared) {
        Object[] t = slots.get();
        int i = (System.identityHashCode(key) & mask) << 1;
        if (t[i] == key) {
            return (V) t[i + 1];
        }
        V v = shared.apply(key);
        if (v != null) {
            t[i] = key;
            t[i + 1] = v;
        }
        return v;
    }
}
