package io.shebao.cli.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * 常驻进程地址: where the resident process for one build, one environment and one working directory listens.
 *
 * <p>The key is everything that could make its answer differ from a fresh JVM's: the jar and every
 * jar beside it (path, size, time), the Java runtime, the working directory (relative paths resolve against
 * it), the umask (files it writes), the time zone and locale variables, and {@code SHEBAO_JAVA_OPTS} (system
 * properties, heap); the file names are a hash of it. Anything else that changes gets a new process; the old
 * one exits when idle or when its jar changes.
 */
record DaemonAddress(Path socket, Path lock, Path log, Path failed, Path jar, String key) {
    /** Bumped when the framing of {@link Frames} changes: a client never talks to a process of another version. */
    static final int PROTOCOL = 2;
    /** The environment variables that reach an answer (time zone and locale) or the JVM (options). */
    static final List<String> ENVIRONMENT = List.of("TZ", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_TIME",
            "LC_NUMERIC", "LC_MESSAGES", "NO_COLOR", "CLICOLOR_FORCE", "SHEBAO_JAVA_OPTS", "SHEBAO_UMASK");
    /** Resident processes one user may have at once (each is a JVM); beyond them questions run in their own JVM. */
    static final int MAX_RESIDENT = 4;
    /** A UNIX socket's path is at most 107 bytes on Linux: a longer one could never be bound. */
    private static final int MAX_SOCKET_PATH = 100;

    static DaemonAddress of(Path jar, Map<String, String> env, Path cwd) throws IOException {
        StringBuilder h = new StringBuilder().append(PROTOCOL).append('\0');
        put(h, jar);
        Path lib = jar.resolveSibling("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> s = Files.list(lib)) {
                for (Path p : s.sorted().toList()) {
                    put(h, p);
                }
            }
        }
        h.append(System.getProperty("java.home")).append('\0').append(System.getProperty("java.vm.version")).append('\0')
                .append(cwd.toAbsolutePath().normalize()).append('\0')
                // the folder itself, not only its name: one deleted and made again is another folder
                .append(Files.readAttributes(cwd, BasicFileAttributes.class).fileKey()).append('\0');
        for (String k : ENVIRONMENT) {
            h.append(k).append(env.containsKey(k) ? "=" + env.get(k) : " unset").append('\0');
        }
        String key = h.toString();
        // the name only spreads keys over files: the process compares the whole key before it answers
        long fnv = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            fnv = (fnv ^ (b & 0xff)) * 0x100000001b3L;
        }
        String name = String.format("%016x", fnv);
        Path dir = directory(env);
        Path socket = dir.resolve(name + ".sock");
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            throw new IOException(socket + ": longer than " + MAX_SOCKET_PATH + " bytes, too long for a UNIX socket");
        }
        return new DaemonAddress(socket, dir.resolve(name + ".lock"), dir.resolve(name + ".log"), dir.resolve(name + ".failed"),
                jar, key);
    }

    /** The lock files of the {@link #MAX_RESIDENT} places for resident processes of this user. */
    List<Path> places() {
        return java.util.stream.IntStream.range(0, MAX_RESIDENT).mapToObj(i -> socket.resolveSibling("place-" + i + ".lock")).toList();
    }

    /**
     * The full jar ({@code shebao.jar}) of the running code: its own, or the one beside the client's
     * {@code shebao-client.jar}.
     */
    static Path fullJar() {
        try {
            Path own = Path.of(DaemonAddress.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            String name = own.getFileName().toString();
            return name.endsWith("-client.jar") ? own.resolveSibling(name.replace("-client.jar", ".jar")) : own;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(StringBuilder h, Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        h.append(p.toAbsolutePath()).append('\0').append(a.size()).append(' ').append(a.lastModifiedTime().toMillis()).append('\0');
    }

    /**
     * A folder only this user can enter: {@code SHEBAO_DAEMON_DIR}, else {@code $XDG_RUNTIME_DIR/shebao}, else
     * {@code /tmp/shebao-USER}. A folder that others can enter, that is not ours, or that is a symbolic link is
     * refused (another user could answer in our name). In a sticky {@code /tmp} no one else can replace ours.
     */
    static Path directory(Map<String, String> env) throws IOException {
        String given = env.get("SHEBAO_DAEMON_DIR");
        String runtime = env.get("XDG_RUNTIME_DIR");
        Path dir = given != null && !given.isBlank() ? Path.of(given)
                : runtime != null && !runtime.isBlank() ? Path.of(runtime, "shebao")
                : Path.of(System.getProperty("java.io.tmpdir"), "shebao-" + System.getProperty("user.name"));
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isDirectory() || a.isSymbolicLink() || !PosixFilePermissions.toString(a.permissions()).endsWith("------")
                || !a.owner().getName().equals(System.getProperty("user.name"))) {
            throw new IOException(dir + " is a link, open to other users or not owned by " + System.getProperty("user.name"));
        }
        return dir;
    }
}
