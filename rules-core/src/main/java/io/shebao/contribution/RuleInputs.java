package io.shebao.contribution;

import io.shebao.internal.facts.Applicable;
import io.shebao.internal.facts.ContributionInput;
import io.shebao.internal.facts.MissingParam;
import io.shebao.internal.facts.Param;
import io.shebao.internal.facts.Switch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * 规则输入（不含所属期）: the facts an evaluation gives the contribution rules, without the period and the amount.
 * Two employees' requests with equal inputs are given the same facts but for {@code ContributionInput.period}:
 * the same region, risk class, float factor, unit kind, insurances and switches, whether a base is supplied, and
 * the very same parameter value objects (compared by identity, not by value: the same dated entry of the same
 * file). Their results then differ only where the rules or the evaluator write the period into a text, which
 * for such inputs is only in texts: failures, notes, and the warning of a large-medical amount unknown for the
 * period; the rules never test the period in a condition ({@code PeriodBlindRulesTest}), so the same rules fire.
 * A parameter unknown for the period counts by what is missing and the validity of its last value.
 *
 * <p>Built only from a complete list of facts, and only when every fact is of a kind listed here: a value carried
 * forward (its warning names the period), a flexible worker or a birth month (the age in months is counted to
 * the period, and rules test it) and any fact of a kind added later give no inputs, so that such a request is
 * always evaluated by the rules.
 */
public final class RuleInputs {
    private final List<Object> parts;
    private final int hash;

    private RuleInputs(List<Object> parts) {
        this.parts = parts;
        this.hash = parts.hashCode();
    }

    /** The inputs of these facts, or empty when a fact depends on the period beyond the request's period. */
    static Optional<RuleInputs> of(List<Object> facts) {
        List<Object> parts = new ArrayList<>(facts.size());
        for (Object f : facts) {
            if (f instanceof ContributionInput in) {
                if (in.isFlexible() || in.getBirthMonth() != null) {
                    return Optional.empty(); // ageMonths is counted to the period
                }
                // every field but the period and the amounts (whether each is given is kept)
                parts.add(Arrays.asList("input", in.getRegion(), in.getWage() != null, in.isBaseSupplied(),
                        in.getRiskClass(), in.getFloatFactor(), in.getUnitKind(), in.getSex()));
            } else if (f instanceof Applicable a) {
                parts.add(a.getInsurance());
            } else if (f instanceof Switch s) {
                parts.add(List.of("switch", s.getName(), s.getValue()));
            } else if (f instanceof Param p && !p.isCarriedForward()) {
                parts.add(new Same(p.getValue()));
            } else if (f instanceof MissingParam m) {
                // unknown for the period: what is missing and the last value before it, not the period
                parts.add(Arrays.asList("missing", m.getId(), m.getKey(), m.getRegion(), m.getLastKnown()));
            } else {
                return Optional.empty(); // a carried value, or a fact kind not known here
            }
        }
        return Optional.of(new RuleInputs(List.copyOf(parts)));
    }

    /** A parameter value compared by identity. */
    private record Same(Object value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Same s && s.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleInputs r && r.hash == hash && r.parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "RuleInputs" + parts;
    }
}
