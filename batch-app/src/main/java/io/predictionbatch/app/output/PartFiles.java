package io.predictionbatch.app.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the partitions of one job write before assembly: a folder beside the output file, so
 * the final move into place stays on one file system (and, in distributed mode, on the shared
 * path every worker reaches).
 */
public record PartFiles(Path folder) {

    public static PartFiles of(Path output, long jobInstanceId) {
        return new PartFiles(output.resolveSibling("." + output.getFileName() + ".job-" + jobInstanceId + ".parts"));
    }

    public Path predictions(int partition) {
        return folder.resolve(String.format("predictions-%04d.part", partition));
    }

    public Path rejects(int partition) {
        return folder.resolve(String.format("rejects-%04d.part", partition));
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
