package io.shebao.trace;

import io.shebao.parameter.ParameterValue;

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

    public static ParameterUse of(ParameterValue v, boolean carried) {
        return new ParameterUse(v.id(), v.key(), v.region(), v.raw(), v.unit().code(), v.from(), v.until(),
                v.reference(), v.provenance().code(), v.origin().pack(), v.origin().file(), v.origin().line(), carried);
    }

    public String qualifiedId() {
        return key.isEmpty() ? id : id + "[" + key + "]";
    }

    public String validity() {
        return from + " … " + until.map(LocalDate::toString).orElse("");
    }
}
