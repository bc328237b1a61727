package io.shebao.scenario;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.parameter.ParameterDefinition;
import io.shebao.parameter.ParameterSet;
import io.shebao.parameter.ParameterValue;
import io.shebao.parameter.StrictYaml;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a scenario file (YAML; JSON is YAML too) and checks it against the parameters and switches the
 * rules know, so every mistake is an error naming the file and line: an unknown parameter, key, region or
 * switch, a value in the wrong unit (16 for a rate of 0.16), a date range that ends before it starts, two
 * overrides of the same thing over the same months. Format: docs/SCENARIOS.md.
 */
public final class ScenarioReader {
    private static final Set<String> FILE_KEYS = Set.of("name", "description", "overrides", "switches");
    private static final Set<String> OVERRIDE_KEYS = Set.of("parameter", "key", "region", "regions", "from", "until",
            "value", "cities", "reference");
    private static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";

    private final ParameterSet parameters;
    private final SwitchRegistry switches;

    public ScenarioReader(ParameterSet parameters, SwitchRegistry switches) {
        this.parameters = parameters;
        this.switches = switches;
    }

    /** A reader checking against the baseline parameters and switches of the given rules. */
    public static ScenarioReader of(ShebaoRules rules) {
        return new ScenarioReader(rules.baseline().parameters(), rules.switchRegistry());
    }

    public Scenario read(Path file) {
        try {
            if (Files.size(file) > io.shebao.internal.number.Limits.YAML_MAX_CODE_POINTS) {
                throw new ShebaoException(ErrorCode.SCENARIO_INVALID, "scenario", file.toString(), file
                        + ":0: larger than " + io.shebao.internal.number.Limits.YAML_MAX_CODE_POINTS + " bytes (docs/LIMITS.md)");
            }
            StrictYaml y = new StrictYaml(file.toString(), ErrorCode.SCENARIO_INVALID);
            return read(y, y.parse(Files.readAllBytes(file)), file.toString());
        } catch (NoSuchFileException e) {
            throw new ShebaoException(ErrorCode.SCENARIO_INVALID, "scenario", file.toString(),
                    "scenario: '" + file + "' does not exist; give the path of a scenario file (.yaml)");
        } catch (IOException e) {
            throw new ShebaoException(ErrorCode.SCENARIO_INVALID, "scenario", file.toString(),
                    "scenario: '" + file + "' cannot be read: " + e.getMessage());
        }
    }

    public Scenario read(Reader reader, String file) {
        StrictYaml y = new StrictYaml(file, ErrorCode.SCENARIO_INVALID);
        return read(y, y.parse(reader), file);
    }

    private Scenario read(StrictYaml y, Node root, String file) {
        Map<String, Node> top = y.mapping(root, "the scenario", FILE_KEYS, Set.of("name", "description"));
        String name = y.scalar(top.get("name"), "name").strip();
        if (!name.matches(NAME_PATTERN)) {
            throw y.error(top.get("name"), "name '" + name + "' must be letters, digits, '.', '_' or '-', e.g. no-unemployment-reduction");
        }
        String description = y.scalar(top.get("description"), "description").strip();
        if (description.isEmpty()) {
            throw y.error(top.get("description"), "description must say what the scenario changes and why");
        }
        List<ParameterOverride> overrides = new ArrayList<>();
        if (top.containsKey("overrides")) {
            for (Node n : y.sequence(top.get("overrides"), "overrides")) {
                overrides.addAll(override(y, n, name));
            }
        }
        checkOverlaps(y, overrides);
        Map<String, String> set = new LinkedHashMap<>();
        if (top.containsKey("switches")) {
            for (Map.Entry<String, Node> e : y.entries(top.get("switches"), "switches").entrySet()) {
                String v = y.scalar(e.getValue(), "switch " + e.getKey());
                String problem = switches.check(e.getKey(), v);
                if (problem != null) {
                    throw y.error(e.getValue(), problem);
                }
                set.put(e.getKey(), v);
            }
        }
        if (overrides.isEmpty() && set.isEmpty()) {
            throw y.error(root, "the scenario changes nothing: give 'overrides' or 'switches'");
        }
        return new Scenario(name, description, file, overrides, set);
    }

    private List<ParameterOverride> override(StrictYaml y, Node n, String scenario) {
        Map<String, Node> m = y.mapping(n, "an override", OVERRIDE_KEYS, Set.of("parameter", "from", "value"));
        int line = StrictYaml.line(n);
        String id = y.scalar(m.get("parameter"), "parameter");
        ParameterDefinition d = parameters.definition(id).orElseThrow(() -> y.error(m.get("parameter"),
                "unknown parameter '" + id + "'; known: " + String.join(", ", parameters.definitions().keySet())));
        String key = "";
        if (m.containsKey("key")) {
            key = y.scalar(m.get("key"), id + ".key");
            if (!d.keyed()) {
                throw y.error(m.get("key"), id + " is not keyed: remove 'key'");
            }
            Set<String> known = new TreeSet<>();
            for (ParameterValue v : parameters.values(id)) {
                known.add(v.key());
            }
            if (!known.contains(key)) {
                throw y.error(m.get("key"), id + ": unknown key '" + key + "'; known: " + String.join(", ", known));
            }
        } else if (d.keyed()) {
            throw y.error(n, id + " is keyed: give 'key' (e.g. the risk class 1 to 8)");
        }
        List<String> regions = new ArrayList<>();
        if (m.containsKey("region") == m.containsKey("regions")) {
            throw y.error(n, "give exactly one of 'region' (e.g. hubei for the whole province) or 'regions' (a list)");
        }
        if (m.containsKey("region")) {
            regions.add(region(y, m.get("region")));
        } else {
            for (Node r : y.sequence(m.get("regions"), "regions")) {
                regions.add(region(y, r));
            }
        }
        LocalDate from = date(y, m.get("from"), id + ".from", false);
        Optional<LocalDate> until = Optional.empty();
        if (m.containsKey("until")) {
            LocalDate u = date(y, m.get("until"), id + ".until", true);
            if (u.isBefore(from)) {
                throw y.error(m.get("until"), id + ": 'until' " + u + " is before 'from' " + from + "; the date range is empty");
            }
            until = Optional.of(u);
        }
        String value = y.scalar(m.get("value"), id + ".value").strip();
        String problem = d.unit().check(value);
        if (problem != null) {
            throw y.error(m.get("value"), id + ": value '" + value + "' is not a valid " + d.unit().code() + ": " + problem);
        }
        boolean cities = true;
        if (m.containsKey("cities")) {
            String c = y.scalar(m.get("cities"), "cities");
            if (!c.equals("override") && !c.equals("keep")) {
                throw y.error(m.get("cities"), "cities: '" + c + "' is not allowed; allowed: override (sub-regions' own values are replaced too, the default), keep (they keep their own values)");
            }
            for (String r : regions) {
                if (parameters.regions().descendants(r).isEmpty()) {
                    throw y.error(m.get("cities"), "cities applies only to a region with sub-regions (e.g. hubei); " + r + " has none");
                }
            }
            cities = c.equals("override");
        }
        String reference = m.containsKey("reference") ? y.scalar(m.get("reference"), id + ".reference").strip() : "";
        if (reference.isEmpty()) {
            reference = "what-if scenario '" + scenario + "' (hypothetical, not in force)";
        }
        List<ParameterOverride> out = new ArrayList<>();
        for (String r : regions) {
            out.add(new ParameterOverride(id, key, r, from, until, value, cities, reference, line));
        }
        return out;
    }

    private String region(StrictYaml y, Node n) {
        String code = y.scalar(n, "region");
        if (!parameters.regions().contains(code)) {
            throw y.error(n, "unknown region '" + code + "'; known: "
                    + String.join(", ", parameters.regions().all().stream().map(r -> r.code()).toList()));
        }
        return code;
    }

    /** YYYY-MM (the first or, for 'until', the last day of the month) or a full date on a month boundary. */
    private static LocalDate date(StrictYaml y, Node n, String what, boolean end) {
        String s = y.scalar(n, what).strip();
        LocalDate d;
        try {
            if (s.matches("\\d{4}-\\d{2}")) {
                YearMonth ym = YearMonth.parse(s);
                return end ? ym.atEndOfMonth() : ym.atDay(1);
            }
            d = LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw y.error(n, what + ": '" + s + "' is not a date; write YYYY-MM or YYYY-MM-DD");
        }
        if (!end && d.getDayOfMonth() != 1) {
            throw y.error(n, what + ": '" + s + "' must be the first day of a month (values change by month)");
        }
        if (end && d.getDayOfMonth() != d.lengthOfMonth()) {
            throw y.error(n, what + ": '" + s + "' must be the last day of a month (values change by month)");
        }
        return d;
    }

    private static void checkOverlaps(StrictYaml y, List<ParameterOverride> overrides) {
        for (int i = 0; i < overrides.size(); i++) {
            for (int j = 0; j < i; j++) {
                ParameterOverride a = overrides.get(j);
                ParameterOverride b = overrides.get(i);
                if (a.parameter().equals(b.parameter()) && a.key().equals(b.key()) && a.region().equals(b.region())
                        && a.overlaps(b)) {
                    throw new ShebaoException(ErrorCode.SCENARIO_INVALID, y.file(), null, y.file() + ":" + b.line()
                            + ": override of " + b.qualifiedId() + " for " + b.region() + " (" + b.validity()
                            + ") overlaps the one at line " + a.line() + " (" + a.validity() + ")");
                }
            }
        }
    }
}
