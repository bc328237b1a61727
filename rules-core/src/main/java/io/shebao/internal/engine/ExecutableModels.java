package io.shebao.internal.engine;

import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Builds a {@code kbase} straight from the executable model the kie-maven-plugin generated, without a
 * {@code KieContainer}: the container parses every {@code kmodule.xml} with XStream and scans the class path,
 * which cost about half of a one-question command's start-up (docs/PERFORMANCE.md, "Start-up"). The kbase's
 * packages come from {@code META-INF/kmodule.xml}, the model classes from the plugin's index
 * {@code META-INF/kie/<group>/<artifact>/drools-model} in the same jar or directory. Anything unexpected
 * (another layout, a kbase with options this reader does not know) gives {@link Optional#empty()} and the
 * caller uses the container, so the answer never depends on this shortcut.
 */
final class ExecutableModels {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RuleEngine.class);
    private static final String KMODULE = "META-INF/kmodule.xml";
    private static final String INDEX_DIR = "META-INF/kie/";
    private static final String INDEX_NAME = "drools-model";

    private ExecutableModels() {
    }

    static Optional<KieBase> kieBase(String name, ClassLoader loader) {
        try {
            Enumeration<URL> modules = loader.getResources(KMODULE);
            while (modules.hasMoreElements()) {
                URL kmodule = modules.nextElement();
                Optional<List<String>> packages = packagesOf(kmodule, name);
                if (packages.isEmpty()) {
                    continue;
                }
                List<String> classes = modelClasses(kmodule);
                List<Model> models = new ArrayList<>();
                for (String cls : classes) {
                    String pkg = cls.substring(0, Math.max(0, cls.lastIndexOf('.')));
                    if (packages.get().contains(pkg)) {
                        models.add(inRuleOrder((Model) Class.forName(cls, true, loader).getDeclaredConstructor().newInstance()));
                    }
                }
                models.sort(java.util.Comparator.comparing(Model::getPackageName));
                return models.isEmpty() ? Optional.empty() : Optional.of(KieBaseBuilder.createKieBaseFromModel(models));
            }
            return Optional.empty();
        } catch (IOException | ReflectiveOperationException | XMLStreamException | URISyntaxException
                 | RuntimeException | LinkageError e) {
            LOG.debug("rule base {}: executable model not read directly ({}); using the KieContainer", name, e.toString());
            return Optional.empty();
        }
    }

    /**
     * The model with its rules in a fixed order: by {@code @id}, then by name. The kie-maven-plugin lists the
     * rules of a package in the order it met the DRL files, which is the file system's order and differs between
     * two builds of the same sources; rules of equal salience fire in the order they were added, so the trace of
     * an answer (and the replay of an audit record written by another build) depended on the build. Fixed here,
     * the order of firings is a function of the rules alone ({@code ExecutableModelsOrderTest}).
     */
    static Model inRuleOrder(Model m) {
        List<org.drools.model.Rule> rules = new ArrayList<>(m.getRules());
        rules.sort(java.util.Comparator.comparing((org.drools.model.Rule r) -> String.valueOf(r.getMetaData("id")))
                .thenComparing(org.drools.model.Rule::getName));
        return withRules(m, List.copyOf(rules));
    }

    /** The model with these rules in place of its own, everything else as it is. */
    static Model withRules(Model m, List<org.drools.model.Rule> rules) {
        return new Model() {
            @Override
            public String getName() {
                return m.getName();
            }

            @Override
            public String getPackageName() {
                return m.getPackageName();
            }

            @Override
            public List<org.drools.model.Global> getGlobals() {
                return m.getGlobals();
            }

            @Override
            public List<org.drools.model.Rule> getRules() {
                return rules;
            }

            @Override
            public List<org.drools.model.Query> getQueries() {
                return m.getQueries();
            }

            @Override
            public List<org.drools.model.TypeMetaData> getTypeMetaDatas() {
                return m.getTypeMetaDatas();
            }

            @Override
            public List<org.drools.model.EntryPoint> getEntryPoints() {
                return m.getEntryPoints();
            }
        };
    }

    /**
     * The packages of the kbase {@code name} in this kmodule.xml; empty when the kbase is not there or has
     * attributes beyond name and packages (equality, includes, event mode…), which only the container honours.
     */
    private static Optional<List<String>> packagesOf(URL kmodule, String name) throws IOException, XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = kmodule.openStream()) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && "kbase".equals(r.getLocalName())
                        && name.equals(r.getAttributeValue(null, "name"))) {
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        String a = r.getAttributeLocalName(i);
                        if (!a.equals("name") && !a.equals("packages")) {
                            return Optional.empty();
                        }
                    }
                    String pk = r.getAttributeValue(null, "packages");
                    return pk == null ? Optional.empty()
                            : Optional.of(Stream.of(pk.split(",")).map(String::trim).toList());
                }
            }
            return Optional.empty();
        }
    }

    /** The model classes listed by the plugin's index next to this kmodule.xml. */
    private static List<String> modelClasses(URL kmodule) throws IOException, URISyntaxException {
        List<String> lines = new ArrayList<>();
        if (kmodule.openConnection() instanceof JarURLConnection jc) {
            jc.setUseCaches(false);
            try (JarFile jar = jc.getJarFile()) {
                var entries = jar.stream().filter(e -> e.getName().startsWith(INDEX_DIR)
                        && e.getName().endsWith("/" + INDEX_NAME)).toList();
                for (var e : entries) {
                    try (InputStream in = jar.getInputStream(e)) {
                        lines.addAll(read(in));
                    }
                }
            }
        } else if ("file".equals(kmodule.getProtocol())) {
            Path root = Path.of(kmodule.toURI()).getParent().getParent();
            Path dir = root.resolve(INDEX_DIR);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.walk(dir, 3)) {
                    for (Path p : s.filter(p -> p.getFileName().toString().equals(INDEX_NAME)).toList()) {
                        try (InputStream in = Files.newInputStream(p)) {
                            lines.addAll(read(in));
                        }
                    }
                }
            }
        }
        return lines.stream().filter(l -> !l.isBlank() && !l.contains(":")).map(String::trim).toList();
    }

    private static List<String> read(InputStream in) throws IOException {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
    }
}
