package io.shebao.audit;

import java.util.EnumMap;
import java.util.Map;

/** 重放汇总: counts of replayed records by status, and the exit code they mean. Not thread-safe. */
public final class ReplayTally {
    private final Map<ReplayStatus, Long> counts = new EnumMap<>(ReplayStatus.class);
    private long replayed;

    public void add(ReplayStatus s) {
        counts.merge(s, 1L, Long::sum);
        replayed++;
    }

    public long replayed() {
        return replayed;
    }

    public long count(ReplayStatus s) {
        return counts.getOrDefault(s, 0L);
    }

    /** {@code N replayed, N identical, N changed-hash-only, N different, N invalid}. */
    public String summary() {
        return replayed + " replayed, " + count(ReplayStatus.IDENTICAL) + " identical, "
                + count(ReplayStatus.CHANGED_HASH_ONLY) + " changed-hash-only, " + count(ReplayStatus.DIFFERENT)
                + " different, " + count(ReplayStatus.INVALID) + " invalid";
    }

    /** 2 when any record is invalid, else 1 when any is different, else 0. */
    public int exitCode() {
        if (count(ReplayStatus.INVALID) > 0) {
            return 2;
        }
        return count(ReplayStatus.DIFFERENT) > 0 ? 1 : 0;
    }
}
