package io.shebao.parameter;

import java.util.Objects;

/**
 * What a parameter is: its id (dotted, e.g. {@code unemployment.employer_rate}), its unit and a description
 * with the Chinese term beside the English one.
 */
public record ParameterDefinition(String id, Unit unit, String description, boolean keyed) {
    public ParameterDefinition {
        Objects.requireNonNull(id);
        Objects.requireNonNull(unit);
        Objects.requireNonNull(description);
    }
}
