package io.shebao.services;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.parameter.StrictYaml;
import org.yaml.snakeyaml.nodes.Node;

import com.google.common.collect.ImmutableMap;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 事项清单: the guide tables ({@code shebao/services/catalogue.json}, produced by {@link GuideImporter}) and
 * how each item is checked ({@code shebao/services/checks.yaml}; an item not listed there is checked "to
 * verify" with its conditions in words). Loaded once from the class path; immutable.
 */
public final class ServiceCatalogue {
    public static final String CATALOGUE = "shebao/services/catalogue.json";
    public static final String CHECKS = "shebao/services/checks.yaml";

    private static volatile ServiceCatalogue bundled;

    private final Map<String, ServiceItem> items;
    private final Map<String, CheckSpec> checks;

    ServiceCatalogue(List<ServiceItem> items, Map<String, CheckSpec> checks) {
        Map<String, ServiceItem> m = new LinkedHashMap<>();
        items.forEach(i -> m.put(i.code(), i));
        this.items = ImmutableMap.copyOf(m);
        for (String c : checks.keySet()) {
            if (!m.containsKey(c)) {
                throw new ShebaoException(ErrorCode.RULES_UNAVAILABLE, "code", c, CHECKS + ": " + c + " is not an item of the catalogue");
            }
        }
        this.checks = Map.copyOf(checks);
    }

    /** The bundled catalogue (from rules-catalog on the class path). */
    public static ServiceCatalogue bundled() {
        ServiceCatalogue c = bundled;
        if (c == null) {
            synchronized (ServiceCatalogue.class) {
                if (bundled == null) {
                    bundled = load(ServiceCatalogue.class.getClassLoader());
                }
                c = bundled;
            }
        }
        return c;
    }

    record File(String source, String document, String generatedBy, List<ServiceItem> items) {
    }

    static ServiceCatalogue load(ClassLoader cl) {
        List<ServiceItem> items;
        try (InputStream in = cl.getResourceAsStream(CATALOGUE)) {
            if (in == null) {
                throw new ShebaoException(ErrorCode.RULES_UNAVAILABLE, null, CATALOGUE,
                        CATALOGUE + " is not on the class path: add rules-catalog as a dependency");
            }
            ObjectMapper m = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            items = m.readValue(in, File.class).items();
        } catch (IOException e) {
            throw new ShebaoException(ErrorCode.RULES_UNAVAILABLE, null, CATALOGUE, CATALOGUE + ": " + e.getMessage(), e);
        }
        try (InputStream in = cl.getResourceAsStream(CHECKS)) {
            if (in == null) {
                throw new ShebaoException(ErrorCode.RULES_UNAVAILABLE, null, CHECKS, CHECKS + " is not on the class path");
            }
            return new ServiceCatalogue(items, readChecks(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new ShebaoException(ErrorCode.RULES_UNAVAILABLE, null, CHECKS, CHECKS + ": " + e.getMessage(), e);
        }
    }

    static Map<String, CheckSpec> readChecks(java.io.Reader r) {
        StrictYaml y = new StrictYaml(CHECKS, ErrorCode.RULES_UNAVAILABLE);
        Map<String, Node> root = y.mapping(y.parse(r), "the checks file", Set.of("items"), Set.of("items"));
        Map<String, CheckSpec> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : y.entries(root.get("items"), "items").entrySet()) {
            String code = ServiceCode.normalise(e.getKey());
            Map<String, Node> it = y.mapping(e.getValue(), code, Set.of("engine", "parameters", "facts"), Set.of("engine", "facts"));
            CheckEngine engine;
            try {
                engine = CheckEngine.valueOf(y.scalar(it.get("engine"), "engine").toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw y.error(it.get("engine"), "engine of " + code + " must be rules, retirement or documents");
            }
            List<String> params = new ArrayList<>();
            if (it.containsKey("parameters")) {
                for (Node p : y.sequence(it.get("parameters"), "parameters")) {
                    params.add(y.scalar(p, "a parameter id"));
                }
            }
            List<FactSpec> facts = new ArrayList<>();
            for (Node f : y.sequence(it.get("facts"), "facts")) {
                Map<String, Node> fm = y.mapping(f, "a fact of " + code, Set.of("name", "type", "required", "choices", "zh", "en"),
                        Set.of("name", "type", "zh", "en"));
                String name = y.scalar(fm.get("name"), "name");
                if (!name.matches("[a-z][a-z0-9_]*")) {
                    throw y.error(fm.get("name"), "fact names are snake_case: " + name);
                }
                FactType type;
                try {
                    type = FactType.valueOf(y.scalar(fm.get("type"), "type").toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException ex) {
                    throw y.error(fm.get("type"), "type of " + name + " must be one of flag, count, rate, date, month, choice");
                }
                boolean required = !fm.containsKey("required") || Boolean.parseBoolean(y.scalar(fm.get("required"), "required"));
                List<String> choices = new ArrayList<>();
                if (fm.containsKey("choices")) {
                    for (Node c : y.sequence(fm.get("choices"), "choices")) {
                        choices.add(y.scalar(c, "a choice"));
                    }
                }
                if ((type == FactType.CHOICE) == choices.isEmpty()) {
                    throw y.error(f, "choices belong to (and are needed by) a fact of type choice: " + name);
                }
                facts.add(new FactSpec(name, type, required, choices, y.scalar(fm.get("zh"), "zh"), y.scalar(fm.get("en"), "en")));
            }
            if (out.put(code, new CheckSpec(code, engine, facts, params)) != null) {
                throw y.error(e.getValue(), "item " + code + " twice");
            }
        }
        return out;
    }

    /** Every item in source order. */
    public List<ServiceItem> items() {
        return List.copyOf(items.values());
    }

    /** The item of a code (any printed form: SBZX000062 finds SBZX00062). */
    public Optional<ServiceItem> find(String code) {
        return Optional.ofNullable(items.get(ServiceCode.normalise(code)));
    }

    /** The item of a code, or INVALID_INPUT naming the code. */
    public ServiceItem item(String code) {
        return find(code).orElseThrow(() -> ShebaoException.invalid("code", code,
                "a code of the catalogue (" + items.size() + " items; list them with `shebao services list`)"));
    }

    public List<ServiceItem> list(ServiceFilter filter) {
        return items.values().stream().filter(filter::matches).toList();
    }

    /** How the item is checked; items without rules are checked from documents ("to verify"). */
    public CheckSpec check(String code) {
        String c = item(code).code();
        return checks.getOrDefault(c, CheckSpec.documents(c));
    }

    /** The distinct categories (业务类别) in source order. */
    public List<String> categories() {
        return items.values().stream().map(ServiceItem::category).distinct().toList();
    }
}
