package io.shebao.audit;

import io.shebao.trace.ParameterUse;

import java.util.Optional;

/**
 * 参数变化: a parameter value the recorded trace and the recomputed trace disagree on (value, region,
 * validity, reference, provenance or pack), or that only one of them used.
 */
public record ParameterChange(String qualifiedId, Optional<ParameterUse> before, Optional<ParameterUse> after) {
}
