package io.shebao;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 发布件: what `mvn package` publishes for rules-core — the Javadoc shows the API packages and nothing of
 * {@code io.shebao.internal}, the jar names its automatic module, the sources jar carries every package.
 */
class PublishedArtifactsIT {
    private static final String BASE = System.getProperty("shebao.artifact", "target/rules-core");

    @Test
    void javadocJarDocumentsTheApiAndNoInternalPackage() throws IOException {
        try (JarFile jar = new JarFile(BASE + "-javadoc.jar")) {
            List<String> names = jar.stream().map(ZipEntry::getName).toList();
            assertTrue(names.stream().anyMatch(n -> n.endsWith("io/shebao/ShebaoRules.html")), "ShebaoRules.html missing");
            assertTrue(names.stream().anyMatch(n -> n.endsWith("io/shebao/parameter/package-summary.html")),
                    "the parameter package is missing");
            assertEquals(List.of(), names.stream().filter(n -> n.contains("/internal/")).limit(5).toList(),
                    "internal pages in the javadoc jar (the first five)");
            for (String n : names) {
                if (n.endsWith(".html")) {
                    String page = new String(jar.getInputStream(jar.getEntry(n)).readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8);
                    assertTrue(!page.contains("io/shebao/internal/"), n + " links to an internal page");
                }
            }
        }
    }

    @Test
    void jarNamesItsModuleAndSourcesShipEveryPackage() throws IOException {
        try (JarFile jar = new JarFile(BASE + ".jar")) {
            assertEquals("io.shebao.core", jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
        }
        Path sources = Path.of(BASE + "-sources.jar");
        assertTrue(Files.isRegularFile(sources), sources + " missing");
        try (JarFile jar = new JarFile(sources.toFile())) {
            assertTrue(jar.getEntry("io/shebao/ShebaoRules.java") != null);
            assertTrue(jar.getEntry("io/shebao/internal/engine/RuleEngine.java") != null,
                    "the sources jar keeps the internal packages: debuggers step into them");
        }
    }
}
