package io.predictionbatch.app.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the partitions of one job write before assembly: a folder beside the output file, so
 * the final move into place stays on one file system (and, in distributed mode, on the shared
 * path every worker reaches).
 */
public record PartFiles(Path folder) {

    private static final String REJECTS_PREFIX = "rejects-";

    public static PartFiles of(Path output, long jobInstanceId) {
        return new PartFiles(output.resolveSibling("." + output.getFileName() + ".job-" + jobInstanceId + ".parts"));
    }

    public Path predictions(int partition) {
        return folder.resolve(String.format("predictions-%04d.part", partition));
    }

    public Path rejects(int partition) {
        return folder.resolve(String.format(REJECTS_PREFIX + "%04d.part", partition));
    }

    /** The partitions' rejects part files there are, in input order (the partition order). */
    public List<Path> rejectsInOrder() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith(REJECTS_PREFIX)).sorted().toList();
        }
    }

    /** The bytes the part files hold; 0 when there are none. */
    public long bytes() {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0; // removed meanwhile
        }
    }

    /** Removes the folder and its part files, if there. */
    public void delete() throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
