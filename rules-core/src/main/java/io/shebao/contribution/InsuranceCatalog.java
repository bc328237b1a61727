package io.shebao.contribution;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.parameter.StrictYaml;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 险种目录: the insurances the catalogue declares (the file named by {@code insurances:} in
 * {@code shebao/catalog.yaml}), in declaration order. The set is the bundled catalogue's, the same for every
 * parameter set and scenario: a pack can change values, but an insurance needs rules, which only the catalogue ships.
 */
public final class InsuranceCatalog {
    /** The catalogue index that names the insurances file. */
    public static final String INDEX = "shebao/catalog.yaml";
    private static final Set<String> FIELDS = Set.of("zh", "en", "defined_by", "risk_class");

    private final List<Insurance> all;
    private final Map<String, Insurance> byCode;
    private final String allowed;

    public InsuranceCatalog(List<Insurance> insurances) {
        if (insurances.isEmpty()) {
            throw new IllegalArgumentException("the catalogue declares no insurance");
        }
        Map<String, Insurance> m = new HashMap<>();
        for (int k = 0; k < insurances.size(); k++) {
            Insurance i = insurances.get(k);
            if (i.index() != k) {
                throw new IllegalArgumentException("insurance " + i.code() + " has index " + i.index() + ", expected " + k);
            }
            if (m.put(i.code(), i) != null) {
                throw new IllegalArgumentException("insurance " + i.code() + " is declared twice");
            }
        }
        this.all = List.copyOf(insurances);
        this.byCode = Map.copyOf(m);
        this.allowed = all.stream().map(Insurance::code).collect(Collectors.joining(", "));
    }

    public List<Insurance> all() {
        return all;
    }

    public Optional<Insurance> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public String allowedCodes() {
        return allowed;
    }

    /** The catalogue on the class path of this library (loaded once). */
    public static InsuranceCatalog bundled() {
        return Bundled.CATALOG;
    }

    private static final class Bundled {
        static final InsuranceCatalog CATALOG = load(InsuranceCatalog.class.getClassLoader());
    }

    /** Reads {@code insurances:} of the catalogue index on the class path of {@code loader}. */
    public static InsuranceCatalog load(ClassLoader loader) {
        StrictYaml idx = new StrictYaml(INDEX, ErrorCode.PARAMETER_FILE_INVALID);
        String file;
        try (Reader r = open(loader, INDEX)) {
            Node top = idx.parse(r);
            Map<String, Node> m = idx.entries(top, "the catalogue index");
            if (!m.containsKey("insurances")) {
                throw idx.error(top, "missing 'insurances': the file that declares the insurances");
            }
            file = idx.scalar(m.get("insurances"), "insurances");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StrictYaml y = new StrictYaml(file, ErrorCode.PARAMETER_FILE_INVALID);
        try (Reader r = open(loader, file)) {
            return read(y, y.parse(r));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses an insurances file: {@code insurances: {code: {zh, en, defined_by, risk_class?}, …}}. */
    static InsuranceCatalog read(StrictYaml y, Node root) {
        Map<String, Node> top = y.mapping(root, "the insurances file", Set.of("insurances"), Set.of("insurances"));
        List<Insurance> out = new ArrayList<>();
        for (Map.Entry<String, Node> e : y.entries(top.get("insurances"), "insurances").entrySet()) {
            Map<String, Node> m = y.mapping(e.getValue(), "insurance " + e.getKey(), FIELDS,
                    Set.of("zh", "en", "defined_by"));
            boolean risk = false;
            if (m.containsKey("risk_class")) {
                String v = y.scalar(m.get("risk_class"), "risk_class");
                if (!v.equals("required")) {
                    throw y.error(m.get("risk_class"), "insurance " + e.getKey() + ": risk_class '" + v
                            + "' is not allowed; only 'required' (or leave it out)");
                }
                risk = true;
            }
            try {
                out.add(new Insurance(e.getKey(), y.scalar(m.get("zh"), "zh"), y.scalar(m.get("en"), "en"), out.size(),
                        y.scalar(m.get("defined_by"), "defined_by"), risk));
            } catch (IllegalArgumentException ex) {
                throw y.error(e.getValue(), ex.getMessage());
            }
        }
        try {
            return new InsuranceCatalog(out);
        } catch (IllegalArgumentException ex) {
            throw y.error(root, ex.getMessage());
        }
    }

    private static Reader open(ClassLoader loader, String name) {
        InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(name) : loader.getResourceAsStream(name);
        if (in == null) {
            throw new ShebaoException(ErrorCode.RULES_UNAVAILABLE, name, null,
                    "catalogue resource " + name + " not found on the class path: add rules-catalog as a dependency");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
