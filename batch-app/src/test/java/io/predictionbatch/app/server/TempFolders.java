package io.predictionbatch.app.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Folders a test class needs before its Spring context starts (JUnit's {@code @TempDir} comes later). */
final class TempFolders {

    private TempFolders() {
    }

    static Path create(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix).toRealPath();
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
