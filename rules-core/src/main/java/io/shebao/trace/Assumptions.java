package io.shebao.trace;

import io.shebao.parameter.ParameterValue;
import io.shebao.parameter.Provenance;

import java.util.Optional;

/** The messages every result carries for a value it used that is not a rule in force as published. */
public final class Assumptions {
    private Assumptions() {
    }

    /** ASSUMED_VALUE: the parameter, value, period and reasoning of a value the maintainers inferred. */
    public static Optional<Message> assumed(ParameterValue v) {
        if (v.provenance() != Provenance.ASSUMED) {
            return Optional.empty();
        }
        String why = v.reference().startsWith("assumed: ") ? v.reference().substring("assumed: ".length()) : v.reference();
        return Optional.of(new Message("ASSUMED_VALUE",
                "推定值：" + v.qualifiedId() + " = " + v.raw() + "（" + v.region() + "，" + v.validity()
                        + "）并无发文依据，系维护者推定：" + why + "；严格模式（--strict）下视为未知",
                "assumed value: " + v.qualifiedId() + " = " + v.raw() + " (" + v.region() + ", " + v.validity()
                        + ") is not stated by any document; the maintainers inferred it: " + why
                        + "; strict mode (--strict) treats it as unknown"));
    }
}
