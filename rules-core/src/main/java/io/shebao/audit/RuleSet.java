package io.shebao.audit;

import io.shebao.internal.hash.Sha256;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;

import com.google.common.hash.Hasher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 规则集: the rule sources compiled into the rule bases on the class path, identified by a content hash.
 * The catalogue ships its DRL text under {@code shebao/rules-source/}, listed in {@code index.txt}, because
 * the compiled executable model does not keep it.
 *
 * <p>Hash: SHA-256 over the files in path order, each as its path (UTF-8), a NUL byte, its text with
 * line ends normalised to {@code \n} (UTF-8), a NUL byte; lower-case hex.
 *
 * @param files the source paths, sorted, relative to {@code shebao/rules-source/}
 */
public record RuleSet(String hash, List<String> files) {
    public static final String ROOT = "shebao/rules-source/";
    public static final String INDEX = ROOT + "index.txt";
    private static final Map<ClassLoader, RuleSet> LOADED = new ConcurrentHashMap<>();

    public RuleSet {
        files = List.copyOf(files);
    }

    /** The rule set shipped on the class path (read once per class loader). */
    public static RuleSet onClassPath(ClassLoader loader) {
        return LOADED.computeIfAbsent(loader, RuleSet::read);
    }

    private static RuleSet read(ClassLoader loader) {
        List<String> files = new ArrayList<>();
        for (String line : text(loader, INDEX).split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                files.add(l);
            }
        }
        files.sort(null);
        Hasher h = Sha256.newHasher();
        for (String f : files) {
            h.putString(f, StandardCharsets.UTF_8).putByte((byte) 0);
            h.putString(text(loader, ROOT + f), StandardCharsets.UTF_8).putByte((byte) 0);
        }
        return new RuleSet(h.hash().toString(), files);
    }

    private static String text(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new ShebaoException(ErrorCode.RULES_UNAVAILABLE, name, null, "rule source " + name
                        + " not found on the class path: add rules-catalog as a dependency");
            }
            StringBuilder sb = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    sb.append(l).append('\n');
                }
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
