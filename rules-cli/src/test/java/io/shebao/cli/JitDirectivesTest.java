package io.shebao.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher's compiler directives reach the JVM through the diagnostic command bean (nothing printed on
 * standard output), and a file that cannot be read or parsed changes nothing. The directives tried here match
 * no class, so this test JVM compiles as before; the launcher's own file is taken by {@code LauncherIT}.
 */
class JitDirectivesTest {

    @Test
    void aDirectivesFileIsAddedToTheRunningJvm(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("none.json");
        Files.writeString(f, "[ { match: \"io/shebao/cli/NoSuchClassAnywhere.*\", c2: { Exclude: true } } ]");
        assertTrue(JitDirectives.add(f));
    }

    @Test
    void aMissingOrBrokenFileChangesNothing(@TempDir Path dir) throws Exception {
        assertFalse(JitDirectives.add(dir.resolve("missing.json")));
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "[ { match: ");
        assertFalse(JitDirectives.add(broken));
    }
}
