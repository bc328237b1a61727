package io.shebao.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output file written whole or not at all: written to a temporary file beside the target, moved over it
 * (ATOMIC_MOVE) by {@link #commit()}, deleted by {@link #close()} when not committed. A reader never sees half a
 * certificate, and an existing file is replaced only by a complete one.
 */
final class AtomicOutput implements AutoCloseable {
    private final Path target;
    private final String option;
    private final Path temp;
    private final Writer writer;
    private boolean committed;

    AtomicOutput(Path target, String option) {
        this.target = target.toAbsolutePath();
        this.option = option;
        try {
            Path dir = this.target.getParent();
            this.temp = Files.createTempFile(dir, "." + this.target.getFileName() + ".", ".tmp");
            try { // createTempFile makes it private; an output file is as readable as any other the user writes
                Files.setPosixFilePermissions(temp, Files.exists(this.target)
                        ? Files.getPosixFilePermissions(this.target) : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: keep the default
            }
            this.writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new CliException(2, option + ": '" + target + "' cannot be written: " + e.getMessage());
        }
    }

    Writer writer() {
        return writer;
    }

    void write(String s) {
        try {
            writer.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the complete file into place. */
    void commit() {
        try {
            writer.close();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw new CliException(2, option + ": '" + target + "' cannot be written: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // the file is being discarded
            }
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a stray temporary file is harmless; the target is untouched
            }
        }
    }
}
