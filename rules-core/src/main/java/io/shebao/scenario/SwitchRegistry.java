package io.shebao.scenario;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.parameter.StrictYaml;
import org.yaml.snakeyaml.nodes.Node;

import com.google.common.collect.ImmutableSortedMap;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * 开关清单: the declared switches, read from {@code shebao/switches.yaml} on the class path (shipped by
 * rules-catalog, next to the rules that read them). A scenario may only set a declared switch to one of its
 * allowed values, so a typo cannot silently leave a rule unchanged. Immutable.
 */
public final class SwitchRegistry {
    public static final String RESOURCE = "shebao/switches.yaml";
    private static final Set<String> SWITCH_KEYS = Set.of("description", "values", "default", "reference");

    private final Map<String, SwitchDefinition> switches;

    public SwitchRegistry(Collection<SwitchDefinition> definitions) {
        Map<String, SwitchDefinition> m = new TreeMap<>();
        for (SwitchDefinition d : definitions) {
            SwitchDefinition before = m.put(d.name(), d);
            checkArgument(before == null, "duplicate switch %s", d.name());
        }
        this.switches = ImmutableSortedMap.copyOf(m);
    }

    /** The switches declared on the class path; none when the resource is absent. */
    public static SwitchRegistry load(ClassLoader loader) {
        InputStream in = loader.getResourceAsStream(RESOURCE);
        if (in == null) {
            return new SwitchRegistry(List.of());
        }
        StrictYaml y = new StrictYaml(RESOURCE, ErrorCode.PARAMETER_FILE_INVALID);
        List<SwitchDefinition> out = new ArrayList<>();
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Map<String, Node> top = y.mapping(y.parse(r), "the switches file", Set.of("switches"), Set.of("switches"));
            for (Map.Entry<String, Node> e : y.entries(top.get("switches"), "switches").entrySet()) {
                Map<String, Node> m = y.mapping(e.getValue(), "switch " + e.getKey(), SWITCH_KEYS,
                        Set.of("description", "values", "default", "reference"));
                List<String> allowed = new ArrayList<>();
                for (Node v : y.sequence(m.get("values"), e.getKey() + ".values")) {
                    allowed.add(y.scalar(v, "a value of " + e.getKey()));
                }
                try {
                    out.add(new SwitchDefinition(e.getKey(), y.scalar(m.get("description"), "description"), allowed,
                            y.scalar(m.get("default"), "default"), y.scalar(m.get("reference"), "reference")));
                } catch (IllegalArgumentException ex) {
                    throw y.error(m.get("default"), ex.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SwitchRegistry(out);
    }

    public Optional<SwitchDefinition> definition(String name) {
        return Optional.ofNullable(switches.get(name));
    }

    public Collection<SwitchDefinition> all() {
        return switches.values();
    }

    /** Every declared switch with its default value, by name. */
    public Map<String, String> defaults() {
        return effective(Map.of());
    }

    /**
     * Every declared switch with its value when the given ones are set (the others keep their defaults).
     *
     * @throws ShebaoException SCENARIO_INVALID for an undeclared switch or a value not allowed
     */
    public Map<String, String> effective(Map<String, String> set) {
        Map<String, String> out = new TreeMap<>();
        for (SwitchDefinition d : switches.values()) {
            out.put(d.name(), d.defaultValue());
        }
        for (Map.Entry<String, String> e : set.entrySet()) {
            String problem = check(e.getKey(), e.getValue());
            if (problem != null) {
                throw new ShebaoException(ErrorCode.SCENARIO_INVALID, e.getKey(), e.getValue(), problem);
            }
            out.put(e.getKey(), e.getValue());
        }
        return ImmutableSortedMap.copyOf(out);
    }

    /** Why a switch setting is not allowed, or null when it is. */
    public String check(String name, String value) {
        SwitchDefinition d = switches.get(name);
        if (d == null) {
            return "unknown switch '" + name + "'; declared: "
                    + (switches.isEmpty() ? "(none)" : String.join(", ", switches.keySet()));
        }
        if (!d.allowed().contains(value)) {
            return "switch " + name + ": '" + value + "' is not allowed; allowed: " + String.join(", ", d.allowed());
        }
        return null;
    }
}
