package io.shebao.parameter;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads YAML as a node tree so that every error can name the file and line, and rejects what a lenient
 * reader would ignore: unknown keys, duplicate keys, a list where a mapping belongs.
 */
public final class StrictYaml {
    private final String file;
    private final ErrorCode code;

    public StrictYaml(String file, ErrorCode code) {
        this.file = file;
        this.code = code;
    }

    public String file() {
        return file;
    }

    public Node parse(Reader reader) {
        try {
            Node n = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
            if (n == null) {
                throw error(null, "the file is empty");
            }
            return n;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ShebaoException(code, file, null, file + ":" + line + ": not valid YAML: " + e.getProblem(), e);
        }
    }

    public static int line(Node n) {
        return n == null ? 0 : n.getStartMark().getLine() + 1;
    }

    public ShebaoException error(Node at, String message) {
        return new ShebaoException(code, file, null, file + ":" + line(at) + ": " + message);
    }

    /** A mapping's entries by key, checking keys against the allowed and required sets. */
    public Map<String, Node> mapping(Node n, String what, Set<String> allowed, Set<String> required) {
        if (!(n instanceof MappingNode m)) {
            throw error(n, what + " must be a mapping of keys to values");
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String k = scalar(t.getKeyNode(), "a key in " + what);
            if (allowed != null && !allowed.contains(k)) {
                throw error(t.getKeyNode(), "unknown key '" + k + "' in " + what + "; allowed: " + String.join(", ", allowed));
            }
            if (out.put(k, t.getValueNode()) != null) {
                throw error(t.getKeyNode(), "duplicate key '" + k + "' in " + what);
            }
        }
        for (String r : required) {
            if (!out.containsKey(r)) {
                throw error(n, "missing key '" + r + "' in " + what);
            }
        }
        return out;
    }

    /** Entries of a mapping whose keys are free (ids), in file order. */
    public Map<String, Node> entries(Node n, String what) {
        return mapping(n, what, null, Set.of());
    }

    public List<Node> sequence(Node n, String what) {
        if (!(n instanceof SequenceNode s)) {
            throw error(n, what + " must be a list");
        }
        return s.getValue();
    }

    public String scalar(Node n, String what) {
        if (!(n instanceof ScalarNode s)) {
            throw error(n, what + " must be a single value");
        }
        return s.getValue();
    }
}
