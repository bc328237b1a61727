package io.shebao.trace;

import io.shebao.parameter.ParameterValue;

import com.google.common.collect.Interner;
import com.google.common.collect.Interners;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A dated parameter value the rules used, with everything an auditor needs to find it again.
 *
 * @param region         the region the value was defined for (may be the province for a city request)
 * @param carriedForward true when the value ended before the period and was carried forward on request
 */
public record ParameterUse(String id, String key, String region, String value, String unit, LocalDate from,
                           Optional<LocalDate> until, String reference, String provenance, String pack,
                           String file, int line, boolean carriedForward) {
    /** Weak: scenario layers make values that live only as long as their what-if run. */
    private static final Interner<ParameterUse> INTERNED = Interners.newWeakInterner();

    /**
     * Uses already made, by the value's identity (weak keys compare by identity): a parameter set's values are
     * few and long-lived, and hashing a use's thirteen fields on every rule firing cost more than the firing.
     */
    private static final java.util.concurrent.ConcurrentMap<ParameterValue, ParameterUse> KNOWN =
            new com.google.common.collect.MapMaker().weakKeys().makeMap();
    private static final java.util.concurrent.ConcurrentMap<ParameterValue, ParameterUse> KNOWN_CARRIED =
            new com.google.common.collect.MapMaker().weakKeys().makeMap();

    /** The use of a value, as the one shared instance (see {@link #interned()}). */
    public static ParameterUse of(ParameterValue v, boolean carried) {
        return (carried ? KNOWN_CARRIED : KNOWN).computeIfAbsent(v, x -> make(x, carried));
    }

    private static ParameterUse make(ParameterValue v, boolean carried) {
        return new ParameterUse(v.id(), v.key(), v.region(), v.raw(), v.unit().code(), v.from(), v.until(),
                v.reference(), v.provenance().code(), v.origin().pack(), v.origin().file(), v.origin().line(), carried)
                .interned();
    }

    /**
     * The one shared instance equal to this use: the traces of a batch or a replay name the same few values
     * thousands of times, each with its reference text.
     */
    public ParameterUse interned() {
        return INTERNED.intern(this);
    }

    public String qualifiedId() {
        return key.isEmpty() ? id : id + "[" + key + "]";
    }

    public String validity() {
        return from + " … " + until.map(LocalDate::toString).orElse("");
    }
}
