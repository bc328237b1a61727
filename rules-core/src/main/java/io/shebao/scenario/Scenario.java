package io.shebao.scenario;

import io.shebao.internal.hash.Sha256;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.parameter.ParameterDefinition;
import io.shebao.parameter.ParameterOrigin;
import io.shebao.parameter.ParameterSet;
import io.shebao.parameter.ParameterValue;
import io.shebao.parameter.Provenance;

import com.google.common.collect.ImmutableSortedMap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * 假设情景: a named what-if: overrides of dated parameter values and settings of declared switches. Immutable;
 * applying it ({@code rules.withScenario(s)}) builds a new parameter set and never changes the baseline.
 *
 * <p>Override semantics (see docs/SCENARIOS.md): an override replaces, over its dates, the value in force in
 * its region. For a region with sub-regions (the province) it also replaces the sub-regions' own values
 * unless {@link ParameterOverride#cities()} is false. An override written for a city itself always wins over
 * one written for the province.
 */
public final class Scenario {
    /** Layer names as they appear in traces: {@code scenario:NAME} and {@code scenario:NAME (cities)}. */
    public static final String LAYER_PREFIX = "scenario:";

    private final String name;
    private final String description;
    private final String source;
    private final List<ParameterOverride> overrides;
    private final Map<String, String> switches;
    private final String hash;

    /**
     * @param source where it was read (a file label), shown in traces; any text for a scenario built in code
     */
    public Scenario(String name, String description, String source, List<ParameterOverride> overrides,
                    Map<String, String> switches) {
        this.name = Objects.requireNonNull(name);
        this.description = Objects.requireNonNull(description);
        this.source = Objects.requireNonNull(source);
        this.overrides = List.copyOf(overrides);
        this.switches = ImmutableSortedMap.copyOf(switches);
        this.hash = computeHash();
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String source() {
        return source;
    }

    public List<ParameterOverride> overrides() {
        return overrides;
    }

    /** The switches this scenario sets (the others keep their defaults), by name. */
    public Map<String, String> switches() {
        return switches;
    }

    /** True when the scenario sets a {@code retirement.*} switch or overrides a {@code retirement.*} parameter. */
    public boolean touchesRetirement() {
        return switches.keySet().stream().anyMatch(k -> k.startsWith("retirement."))
                || overrides.stream().anyMatch(o -> o.parameter().startsWith("retirement."));
    }

    /**
     * SHA-256 (hex) of the canonical content: name, description, overrides (order-independent) and switches.
     * Layout, comments and file name do not change it; any value, date, region or reference does.
     */
    public String hash() {
        return hash;
    }

    private String computeHash() {
        List<String> lines = new ArrayList<>();
        for (ParameterOverride o : overrides) {
            lines.add(o.canonical());
        }
        Collections.sort(lines);
        lines.add(0, "description|" + description);
        lines.add(0, "name|" + name);
        switches.forEach((k, v) -> lines.add("switch|" + k + "|" + v));
        return Sha256.ofLines(lines);
    }

    /**
     * The baseline with this scenario's overrides as two layers on top: below, the copies of province-level
     * overrides into sub-regions that have values of their own ({@code cities}); above, the overrides as
     * written. Lookup goes city first, top layer first, so a city's own override beats the province's copy,
     * which beats the city's baseline value. The baseline is not changed.
     */
    public ParameterSet parametersOver(ParameterSet baseline) {
        List<ParameterValue> written = new ArrayList<>();
        List<ParameterValue> copies = new ArrayList<>();
        for (ParameterOverride o : overrides) {
            ParameterDefinition d = baseline.definition(o.parameter()).orElseThrow(() -> invalid(o,
                    "parameter '" + o.parameter() + "' is not one the rules use"));
            if (!baseline.regions().contains(o.region())) {
                throw invalid(o, "unknown region '" + o.region() + "'");
            }
            String problem = d.unit().check(o.value());
            if (problem != null) {
                throw invalid(o, o.qualifiedId() + ": value '" + o.value() + "' is not a valid " + d.unit().code() + ": " + problem);
            }
            written.add(value(o, o.region(), d));
            if (o.cities()) {
                for (String sub : regionsWithOwnValues(baseline, o)) {
                    copies.add(value(o, sub, d));
                }
            }
        }
        ParameterSet ps = baseline;
        try {
            if (!copies.isEmpty()) {
                ps = ps.withLayer(LAYER_PREFIX + name + " (cities)", copies);
            }
            return ps.withLayer(LAYER_PREFIX + name, written);
        } catch (ShebaoException e) {
            throw new ShebaoException(ErrorCode.SCENARIO_INVALID, source, null, e.getMessage(), e);
        }
    }

    /** Sub-regions of the override's region that have a value of their own for the parameter and key. */
    private static Set<String> regionsWithOwnValues(ParameterSet baseline, ParameterOverride o) {
        Set<String> subs = new LinkedHashSet<>(baseline.regions().descendants(o.region()));
        Set<String> out = new LinkedHashSet<>();
        for (ParameterValue v : baseline.values()) {
            if (v.id().equals(o.parameter()) && v.key().equals(o.key()) && subs.contains(v.region())) {
                out.add(v.region());
            }
        }
        return out;
    }

    private ParameterValue value(ParameterOverride o, String region, ParameterDefinition d) {
        return new ParameterValue(o.parameter(), region, o.key(), o.from(), o.until(), o.value(), d.unit(),
                o.reference(), Provenance.SCENARIO, new ParameterOrigin(LAYER_PREFIX + name, source, o.line()));
    }

    private ShebaoException invalid(ParameterOverride o, String message) {
        return new ShebaoException(ErrorCode.SCENARIO_INVALID, source, o.value(), source + ":" + o.line() + ": " + message);
    }

    @Override
    public String toString() {
        return "Scenario[" + name + ", " + hash.substring(0, 12) + "]";
    }
}
