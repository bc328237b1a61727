package io.shebao.parameter;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a parameter is: its id (dotted, e.g. {@code unemployment.employer_rate}), its unit and a description
 * with the Chinese term beside the English one, and the {@link Domain} its values must stay in.
 */
public record ParameterDefinition(String id, Unit unit, String description, boolean keyed, Domain domain) {
    public ParameterDefinition {
        Objects.requireNonNull(id);
        Objects.requireNonNull(unit);
        Objects.requireNonNull(description);
        Objects.requireNonNull(domain);
    }

    /** A definition whose values are limited by their unit alone. */
    public ParameterDefinition(String id, Unit unit, String description, boolean keyed) {
        this(id, unit, description, keyed, Domain.ANY);
    }

    /**
     * 取值域: what a parameter's values mean beyond their unit, declared beside the unit in the file that
     * defines the parameter and checked on every layer (bundled values, packs, scenario overrides):
     * <pre>
     * allowed: [HALF_UP, HALF_EVEN]        # the only values allowed (e.g. rounding modes)
     * max: 4                                # the largest value (e.g. decimal places)
     * keys: ["1", "2", "3"]                 # the only keys of a keyed parameter (e.g. risk classes)
     * not_above: contribution_base.ceiling  # in force together, this value never exceeds that one
     * </pre>
     */
    public record Domain(List<String> allowed, Optional<BigDecimal> max, List<String> keys, Optional<String> notAbove) {
        public static final Domain ANY = new Domain(List.of(), Optional.empty(), List.of(), Optional.empty());

        public Domain {
            allowed = List.copyOf(allowed);
            Objects.requireNonNull(max);
            keys = List.copyOf(keys);
            Objects.requireNonNull(notAbove);
        }

        /** Why {@code value} (already valid for its unit) with {@code key} is outside the domain, or null. */
        public String problem(String key, String value, Unit unit) {
            if (!keys.isEmpty() && !keys.contains(key)) {
                return "key '" + key + "' is not one of " + String.join(", ", keys);
            }
            if (!allowed.isEmpty() && !allowed.contains(value)) {
                return "value '" + value + "' is not one of " + String.join(", ", allowed);
            }
            if (max.isPresent() && unit != Unit.TEXT && unit != Unit.MONTH && unit != Unit.FACTOR_LIST
                    && new BigDecimal(value).compareTo(max.get()) > 0) {
                return "value " + value + " is above the largest allowed, " + max.get().toPlainString();
            }
            return null;
        }
    }
}
