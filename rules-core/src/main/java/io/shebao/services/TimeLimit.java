package io.shebao.services;

import java.util.Objects;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A 法定时限 or 承诺时限 of a guide table, parsed into a kind and a number, with the text as printed.
 *
 * @param kind            how the limit is counted
 * @param number          days (working or calendar) for {@link TimeLimitKind#WORKING_DAYS} and {@link TimeLimitKind#DAYS}, else 0
 * @param fromApplication true when the count starts on the application (the text is a bare "N个工作日" or counts
 *                        from 受理/申请); false when it starts at another event the text names (收到联系函之日起…),
 *                        so a completion date from the application date alone would be a guess
 * @param text            the source text, tags removed and white space collapsed
 */
public record TimeLimit(TimeLimitKind kind, int number, boolean fromApplication, String text) {
    public TimeLimit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        checkArgument((kind == TimeLimitKind.WORKING_DAYS || kind == TimeLimitKind.DAYS) == number > 0,
                "a day count belongs to WORKING_DAYS and DAYS only: %s %s", kind, number);
    }

    /** True when a completion date can be computed from the application date. */
    public boolean computable() {
        return fromApplication && (kind == TimeLimitKind.WORKING_DAYS || kind == TimeLimitKind.DAYS
                || kind == TimeLimitKind.IMMEDIATE);
    }
}
