package io.shebao.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The launcher's replay training run (writes and replays a small trail for the start-up archive) leaves nothing behind. */
class ReplayTrainingTest {
    private static long trainingFolders() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("shebao-replay-training")).count();
        }
    }

    @Test
    void runsAndRemovesItsFiles() throws IOException {
        long before = trainingFolders();
        ReplayTraining.main(new String[0]);
        assertEquals(before, trainingFolders());
    }
}
