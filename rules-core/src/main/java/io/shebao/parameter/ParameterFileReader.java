package io.shebao.parameter;

import io.shebao.ErrorCode;
import io.shebao.region.RegionRegistry;
import org.yaml.snakeyaml.nodes.Node;

import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one dated parameter file. Format (see docs/ARCHITECTURE.md):
 * <pre>
 * region: hubei                # or regions: [huangshi, shiyan], or group: base-tier-2 (regions.yaml)
 * parameters:
 *   unemployment.employer_rate:
 *     description: 失业保险单位费率 / unemployment insurance, employer rate
 *     unit: rate
 *     values:
 *       - from: 2016-05-01
 *         until: 2024-12-31
 *         value: 0.007
 *         reference: 宜昌 training deck 2023-05 … (seed 004_0af0111844d5dff5.txt)
 *         provenance: seed
 * </pre>
 */
public final class ParameterFileReader {
    private static final Set<String> FILE_KEYS = Set.of("region", "regions", "group", "parameters");
    private static final Set<String> PARAM_KEYS = Set.of("description", "unit", "keyed", "values", "allowed", "max",
            "keys", "not_above");
    private static final Set<String> VALUE_KEYS = Set.of("from", "until", "value", "key", "reference", "provenance");

    /** What one file yields: the parameters it defines (or re-states) and their values. */
    public record Contents(List<ParameterDefinition> definitions, List<ParameterValue> values) {
    }

    private final RegionRegistry regions;

    public ParameterFileReader(RegionRegistry regions) {
        this.regions = regions;
    }

    public Contents read(Reader reader, String file, String pack) {
        StrictYaml y = new StrictYaml(file, ErrorCode.PARAMETER_FILE_INVALID);
        return read(y, y.parse(reader), file, pack);
    }

    /** Reads a file's bytes: strict UTF-8 (a bad byte is an error naming its line), YAML within the limits. */
    public Contents read(byte[] bytes, String file, String pack) {
        StrictYaml y = new StrictYaml(file, ErrorCode.PARAMETER_FILE_INVALID);
        return read(y, y.parse(bytes), file, pack);
    }

    private Contents read(StrictYaml y, Node root, String file, String pack) {
        Map<String, Node> top = y.mapping(root, "the file", FILE_KEYS, Set.of("parameters"));
        List<String> fileRegions = new ArrayList<>();
        int headers = (top.containsKey("region") ? 1 : 0) + (top.containsKey("regions") ? 1 : 0)
                + (top.containsKey("group") ? 1 : 0);
        if (headers != 1) {
            throw y.error(root, "give exactly one of 'region', 'regions' or 'group'");
        }
        if (top.containsKey("region")) {
            fileRegions.add(region(y, top.get("region")));
        } else if (top.containsKey("group")) {
            String g = y.scalar(top.get("group"), "group");
            fileRegions.addAll(regions.group(g).orElseThrow(() -> y.error(top.get("group"), "unknown group '" + g
                    + "'; known: " + String.join(", ", regions.groups().stream().map(x -> x.code()).toList())))
                    .regions());
        } else {
            for (Node r : y.sequence(top.get("regions"), "regions")) {
                fileRegions.add(region(y, r));
            }
        }
        List<ParameterDefinition> defs = new ArrayList<>();
        List<ParameterValue> values = new ArrayList<>();
        for (Map.Entry<String, Node> p : y.entries(top.get("parameters"), "parameters").entrySet()) {
            String id = p.getKey();
            if (!id.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+")) {
                throw y.error(p.getValue(), "parameter id '" + id + "' must be dotted lower-case words, e.g. pension.employer_rate");
            }
            Map<String, Node> pm = y.mapping(p.getValue(), "parameter " + id, PARAM_KEYS, Set.of("unit", "values"));
            Unit unit;
            try {
                unit = Unit.parse(y.scalar(pm.get("unit"), "unit"));
            } catch (IllegalArgumentException e) {
                throw y.error(pm.get("unit"), id + ": " + e.getMessage());
            }
            boolean keyed = pm.containsKey("keyed") && bool(y, pm.get("keyed"), id + ".keyed");
            String description = pm.containsKey("description") ? y.scalar(pm.get("description"), "description") : "";
            ParameterDefinition.Domain domain = domain(y, pm, id, unit, keyed);
            defs.add(new ParameterDefinition(id, unit, description, keyed, domain));
            for (Node vn : y.sequence(pm.get("values"), id + ".values")) {
                Map<String, Node> v = y.mapping(vn, "a value of " + id, VALUE_KEYS,
                        Set.of("from", "value", "reference", "provenance"));
                LocalDate from = date(y, v.get("from"), id + ".from");
                if (from.getDayOfMonth() != 1) {
                    throw y.error(v.get("from"), id + ": 'from' must be the first day of a month, got " + from);
                }
                Optional<LocalDate> until = Optional.empty();
                if (v.containsKey("until")) {
                    LocalDate u = date(y, v.get("until"), id + ".until");
                    if (u.getDayOfMonth() != u.lengthOfMonth()) {
                        throw y.error(v.get("until"), id + ": 'until' must be the last day of a month, got " + u);
                    }
                    if (u.isBefore(from)) {
                        throw y.error(v.get("until"), id + ": 'until' " + u + " is before 'from' " + from);
                    }
                    until = Optional.of(u);
                }
                String key = "";
                if (v.containsKey("key")) {
                    key = y.scalar(v.get("key"), id + ".key");
                }
                if (keyed && key.isEmpty()) {
                    throw y.error(vn, id + " is keyed: every value needs a 'key'");
                }
                if (!keyed && !key.isEmpty()) {
                    throw y.error(v.get("key"), id + " is not keyed: remove 'key' or declare 'keyed: true'");
                }
                String raw = y.scalar(v.get("value"), id + ".value");
                String problem = unit.check(raw);
                if (problem != null) {
                    throw y.error(v.get("value"), id + ": value '" + raw + "' is not a valid " + unit.code() + ": " + problem);
                }
                String reference = y.scalar(v.get("reference"), id + ".reference");
                if (reference.isBlank()) {
                    throw y.error(v.get("reference"), id + ": 'reference' must name the document");
                }
                Provenance prov;
                try {
                    prov = Provenance.parse(y.scalar(v.get("provenance"), id + ".provenance"));
                    if (prov == Provenance.SCENARIO) {
                        throw new IllegalArgumentException("provenance 'scenario' is only for what-if scenario files; allowed here: seed, law, secondary, assumed");
                    }
                } catch (IllegalArgumentException e) {
                    throw y.error(v.get("provenance"), id + ": " + e.getMessage());
                }
                for (String region : fileRegions) {
                    values.add(new ParameterValue(id, region, key, from, until, raw, unit, reference, prov,
                            new ParameterOrigin(pack, file, StrictYaml.line(vn))));
                }
            }
        }
        return new Contents(defs, values);
    }

    private static ParameterDefinition.Domain domain(StrictYaml y, Map<String, Node> pm, String id, Unit unit, boolean keyed) {
        List<String> allowed = new ArrayList<>();
        if (pm.containsKey("allowed")) {
            for (Node a : y.sequence(pm.get("allowed"), id + ".allowed")) {
                String v = y.scalar(a, id + ".allowed");
                String problem = unit.check(v);
                if (problem != null) {
                    throw y.error(a, id + ": allowed value '" + v + "' is not a valid " + unit.code() + ": " + problem);
                }
                allowed.add(v);
            }
        }
        Optional<java.math.BigDecimal> max = Optional.empty();
        if (pm.containsKey("max")) {
            String v = y.scalar(pm.get("max"), id + ".max");
            if (unit == Unit.TEXT || unit == Unit.MONTH || unit == Unit.FACTOR_LIST || unit.check(v) != null) {
                throw y.error(pm.get("max"), id + ": 'max' must be a valid " + unit.code() + " of a numeric unit");
            }
            max = Optional.of(new java.math.BigDecimal(v));
        }
        List<String> keys = new ArrayList<>();
        if (pm.containsKey("keys")) {
            if (!keyed) {
                throw y.error(pm.get("keys"), id + " is not keyed: 'keys' needs 'keyed: true'");
            }
            for (Node k : y.sequence(pm.get("keys"), id + ".keys")) {
                keys.add(y.scalar(k, id + ".keys"));
            }
        }
        Optional<String> notAbove = Optional.empty();
        if (pm.containsKey("not_above")) {
            if (keyed || (unit != Unit.YUAN && unit != Unit.RATE && unit != Unit.FACTOR && unit != Unit.COUNT
                    && unit != Unit.MONTHS && unit != Unit.YEARS)) {
                throw y.error(pm.get("not_above"), id + ": 'not_above' is for a numeric parameter that is not keyed");
            }
            notAbove = Optional.of(y.scalar(pm.get("not_above"), id + ".not_above"));
        }
        return new ParameterDefinition.Domain(allowed, max, keys, notAbove);
    }

    private String region(StrictYaml y, Node n) {
        String code = y.scalar(n, "region");
        if (!regions.contains(code)) {
            throw y.error(n, "unknown region '" + code + "'; known: " + String.join(", ",
                    regions.all().stream().map(r -> r.code()).toList()));
        }
        return code;
    }

    private static LocalDate date(StrictYaml y, Node n, String what) {
        String s = y.scalar(n, what);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw y.error(n, what + ": '" + s + "' is not a date written YYYY-MM-DD");
        }
    }

    private static boolean bool(StrictYaml y, Node n, String what) {
        String s = y.scalar(n, what);
        if (!s.equals("true") && !s.equals("false")) {
            throw y.error(n, what + " must be true or false");
        }
        return Boolean.parseBoolean(s);
    }
}
