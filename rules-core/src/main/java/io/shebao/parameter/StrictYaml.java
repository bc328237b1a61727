package io.shebao.parameter;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.internal.number.Limits;
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

    /**
     * Reads the whole text (at most {@link Limits#YAML_MAX_CODE_POINTS} characters) and parses it with
     * {@link #parse(String)}. The reader decides the decoding: prefer {@link #parse(byte[])}, which reports
     * bytes that are not UTF-8 with their line.
     */
    public Node parse(Reader reader) {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        try {
            for (int n = reader.read(buf); n >= 0; n = reader.read(buf)) {
                sb.append(buf, 0, n);
                if (sb.length() > Limits.YAML_MAX_CODE_POINTS) {
                    throw error(null, "the file is longer than " + Limits.YAML_MAX_CODE_POINTS
                            + " characters (docs/LIMITS.md)");
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ShebaoException(code, file, null, file + ":0: not UTF-8 text (" + e + "); save the file as UTF-8");
        } catch (java.io.IOException e) {
            throw new ShebaoException(code, file, null, file + ": cannot be read: " + e.getMessage());
        }
        return parse(sb.toString());
    }

    /** Decodes {@code bytes} as strict UTF-8 (a bad byte is an error naming its line), then parses. */
    public Node parse(byte[] bytes) {
        if (bytes.length > Limits.YAML_MAX_CODE_POINTS) {
            throw error(null, "the file is larger than " + Limits.YAML_MAX_CODE_POINTS + " bytes (docs/LIMITS.md)");
        }
        java.nio.charset.CharsetDecoder d = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ShebaoException(code, file, null, file + ":" + line + ": not UTF-8 text (byte 0x"
                    + Integer.toHexString(bytes[at] & 0xff) + " at offset " + at + "); save the file as UTF-8");
        }
        d.flush(out);
        out.flip();
        return parse(out.toString());
    }

    /**
     * Parses YAML text within the limits of {@link Limits}: no anchors or aliases (the files never need them,
     * and an alias bomb is the classic way to make a small file expensive), nesting at most
     * {@link Limits#YAML_MAX_DEPTH} deep, scalars at most {@link Limits#YAML_MAX_SCALAR_CHARS} characters, no
     * control characters. Every failure is a {@link ShebaoException} naming {@code file:line}.
     */
    public Node parse(String text) {
        if (text.length() > Limits.YAML_MAX_CODE_POINTS) {
            throw error(null, "the file is longer than " + Limits.YAML_MAX_CODE_POINTS + " characters (docs/LIMITS.md)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7f) {
                throw new ShebaoException(code, file, null, file + ":" + line + ": control character U+"
                        + String.format("%04X", (int) c) + " is not allowed in YAML");
            }
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(Limits.YAML_MAX_ALIASES);
        options.setNestingDepthLimit(Limits.YAML_MAX_DEPTH);
        options.setCodePointLimit(Limits.YAML_MAX_CODE_POINTS + 1);
        options.setAllowRecursiveKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try {
            int depth = 0;
            for (org.yaml.snakeyaml.events.Event e : yaml.parse(new java.io.StringReader(text))) {
                int at = e.getStartMark() == null ? 0 : e.getStartMark().getLine() + 1;
                if (e instanceof org.yaml.snakeyaml.events.AliasEvent || (e instanceof org.yaml.snakeyaml.events.NodeEvent ne
                        && ne.getAnchor() != null)) {
                    throw new ShebaoException(code, file, null, file + ":" + at
                            + ": anchors and aliases (&name, *name) are not allowed; write the value out");
                }
                if (e instanceof org.yaml.snakeyaml.events.CollectionStartEvent && ++depth > Limits.YAML_MAX_DEPTH) {
                    throw new ShebaoException(code, file, null, file + ":" + at + ": nested more than "
                            + Limits.YAML_MAX_DEPTH + " levels deep (docs/LIMITS.md)");
                }
                if (e instanceof org.yaml.snakeyaml.events.CollectionEndEvent) {
                    depth--;
                }
                if (e instanceof org.yaml.snakeyaml.events.ScalarEvent se
                        && se.getValue().length() > Limits.YAML_MAX_SCALAR_CHARS) {
                    throw new ShebaoException(code, file, null, file + ":" + at + ": a value of "
                            + se.getValue().length() + " characters; at most " + Limits.YAML_MAX_SCALAR_CHARS
                            + " (docs/LIMITS.md)");
                }
            }
            Node n = yaml.compose(new java.io.StringReader(text));
            if (n == null) {
                throw error(null, "the file is empty");
            }
            return n;
        } catch (MarkedYAMLException e) {
            int at = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ShebaoException(code, file, null, file + ":" + at + ": not valid YAML: " + e.getProblem(), e);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            // unmarked: a limit of the loader itself; the checks above normally catch it first
            throw new ShebaoException(code, file, null, file + ":0: not valid YAML: " + e.getMessage(), e);
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
