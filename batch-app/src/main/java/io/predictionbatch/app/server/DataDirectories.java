package io.predictionbatch.app.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.predictionbatch.app.config.ApiProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The directories a job launched over the API may read and write under
 * ({@code prediction.server.data-dirs}): a server that touches files on a caller's word must not
 * let the caller name any file of the machine. Paths are compared as the file system resolves
 * them, so {@code ..} and symbolic links lead nowhere else.
 */
@Component
@ConditionalOnWebApplication
class DataDirectories {

    private final List<Path> roots;

    DataDirectories(ApiProperties properties) {
        List<Path> configured = properties.dataDirs().isEmpty() ? List.of(Path.of("")) : properties.dataDirs();
        this.roots = configured.stream().map(DataDirectories::realDirectory).toList();
    }

    /** A requested path, a relative one taken from the first data directory; {@code null} stays null. */
    Path resolve(Path requested) {
        return requested == null ? null : roots.get(0).resolve(requested).normalize();
    }

    /** Refuses (403) a file that is not, once links are followed, under a data directory. */
    void check(Path file, String role) {
        if (file == null) {
            return;
        }
        Path real = real(file.toAbsolutePath().normalize());
        if (roots.stream().noneMatch(real::startsWith)) {
            throw new PathNotAllowedException("The " + role + " '" + file + "' is outside the server's data"
                    + " directories (prediction.server.data-dirs: " + roots + ")");
        }
    }

    List<Path> roots() {
        return roots;
    }

    /** The file's real path; for one not there yet (an output), its folder's real path with its name. */
    private static Path real(Path file) {
        try {
            if (Files.exists(file)) {
                return file.toRealPath();
            }
            Path parent = file.getParent();
            return parent == null ? file : real(parent).resolve(file.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path realDirectory(Path directory) {
        try {
            return directory.toAbsolutePath().toRealPath();
        } catch (IOException e) {
            throw new ServerSetupException("Data directory '" + directory + "' (prediction.server.data-dirs) cannot"
                    + " be used: " + e.getMessage(), e);
        }
    }
}
