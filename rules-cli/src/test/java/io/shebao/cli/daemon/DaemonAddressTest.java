package io.shebao.cli.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What makes a resident process answer only the questions a fresh JVM would answer the same way. */
class DaemonAddressTest {
    @TempDir
    Path dir;

    private Path jar() throws IOException {
        Path jar = dir.resolve("build/shebao.jar");
        Files.createDirectories(jar.getParent().resolve("lib"));
        if (!Files.exists(jar)) {
            Files.writeString(jar, "jar");
            Files.writeString(jar.resolveSibling("lib/rules-core.jar"), "core");
        }
        return jar;
    }

    private Map<String, String> env() throws IOException {
        Path runtime = dir.resolve("runtime");
        Files.createDirectories(runtime, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Map<String, String> env = new HashMap<>();
        env.put("SHEBAO_DAEMON_DIR", runtime.toString());
        env.put("TZ", "Asia/Shanghai");
        return env;
    }

    @Test
    void sameBuildEnvironmentAndFolderSameAddress() throws IOException {
        DaemonAddress a = DaemonAddress.of(jar(), env(), dir);
        DaemonAddress b = DaemonAddress.of(jar(), env(), dir);
        assertEquals(a, b);
        assertTrue(a.socket().getParent().equals(dir.resolve("runtime")));
    }

    @Test
    void anythingThatCanChangeAnAnswerChangesTheAddress() throws IOException {
        DaemonAddress base = DaemonAddress.of(jar(), env(), dir);
        Files.createDirectories(dir.resolve("elsewhere"));
        assertNotEquals(base.key(), DaemonAddress.of(jar(), env(), dir.resolve("elsewhere")).key(), "folder");
        for (String k : DaemonAddress.ENVIRONMENT) {
            Map<String, String> e = env();
            e.put(k, "changed");
            DaemonAddress other = DaemonAddress.of(jar(), e, dir);
            assertNotEquals(base.key(), other.key(), k);
            assertNotEquals(base.socket(), other.socket(), k);
        }
        Files.setLastModifiedTime(jar().resolveSibling("lib/rules-core.jar"), FileTime.fromMillis(0));
        assertNotEquals(base.key(), DaemonAddress.of(jar(), env(), dir).key(), "a jar of the class path rebuilt");
    }

    @Test
    void aFolderOthersCanEnterIsRefused() throws IOException {
        Path open = dir.resolve("open");
        Files.createDirectories(open);
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> e = env();
        e.put("SHEBAO_DAEMON_DIR", open.toString());
        IOException x = assertThrows(IOException.class, () -> DaemonAddress.of(jar(), e, dir));
        assertTrue(x.getMessage().contains("open to other users"), x.getMessage());

        // a link to a folder of ours that only we can enter is refused all the same: its owner could repoint it
        Path link = dir.resolve("link");
        Files.createSymbolicLink(link, dir.resolve("runtime"));
        e.put("SHEBAO_DAEMON_DIR", link.toString());
        IOException l = assertThrows(IOException.class, () -> DaemonAddress.of(jar(), e, dir));
        assertTrue(l.getMessage().contains("is a link"), l.getMessage());
    }

    @Test
    void aFolderMadeAgainUnderTheSameNameIsAnotherFolder() throws IOException {
        Path work = dir.resolve("work");
        Files.createDirectories(work);
        DaemonAddress before = DaemonAddress.of(jar(), env(), work);
        // held open, as a resident process holds its working folder: the new folder cannot reuse its inode
        try (java.nio.file.DirectoryStream<Path> held = Files.newDirectoryStream(work)) {
            Files.delete(work);
            Files.createDirectories(work);
            assertNotEquals(before.key(), DaemonAddress.of(jar(), env(), work).key());
        }
    }

    @Test
    void aSocketPathTooLongForUnixIsRefused() throws IOException {
        Path deep = dir.resolve("r".repeat(90));
        Files.createDirectories(deep, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Map<String, String> e = env();
        e.put("SHEBAO_DAEMON_DIR", deep.toString());
        IOException x = assertThrows(IOException.class, () -> DaemonAddress.of(jar(), e, dir));
        assertTrue(x.getMessage().contains("too long for a UNIX socket"), x.getMessage());
    }

    @Test
    void aRequestForAnotherKeyOrTooManyArgumentsIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Frames.writeRequest(new DataOutputStream(bytes), "key-a", List.of("contribution", "--region", "武汉"));
        assertEquals(List.of("contribution", "--region", "武汉"),
                Frames.readRequest(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), "key-a"));
        IOException other = assertThrows(IOException.class,
                () -> Frames.readRequest(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), "key-b"));
        assertTrue(other.getMessage().contains("another build"), other.getMessage());

        ByteArrayOutputStream many = new ByteArrayOutputStream();
        Frames.writeRequest(new DataOutputStream(many), "k", java.util.Collections.nCopies(Frames.MAX_ARGS + 1, "x"));
        assertThrows(IOException.class, () -> Frames.readRequest(new DataInputStream(new ByteArrayInputStream(many.toByteArray())), "k"));

        ByteArrayOutputStream stop = new ByteArrayOutputStream();
        Frames.writeStop(new DataOutputStream(stop), "k");
        assertNull(Frames.readRequest(new DataInputStream(new ByteArrayInputStream(stop.toByteArray())), "k"));
    }

    @Test
    void onlyTheOneQuestionCommandsWithoutVerboseAreSent() {
        assertTrue(DaemonClient.served(List.of("contribution", "--region", "wuhan")));
        assertTrue(!DaemonClient.served(List.of("batch", "--in", "x.csv")));
        assertTrue(!DaemonClient.served(List.of("contribution", "--verbose")));
        assertTrue(!DaemonClient.served(List.of("retirement", "--help")), "help is coloured on a terminal only");
        assertTrue(!DaemonClient.served(List.of()));
    }
}
