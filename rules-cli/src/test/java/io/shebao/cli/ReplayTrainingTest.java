package io.shebao.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The launcher's replay training run (writes and replays a small trail for the start-up archive) leaves nothing behind. */
class ReplayTrainingTest {
    /**
     * In a folder of its own: counting training folders in the shared temporary folder failed when another process
     * trained at the same time.
     */
    @Test
    void runsAndRemovesItsFiles(@TempDir Path parent) throws IOException {
        ReplayTraining.main(new String[]{parent.toString()});
        try (Stream<Path> s = Files.list(parent)) {
            assertEquals(0, s.count(), "the training folder and its files are removed");
        }
    }
}
