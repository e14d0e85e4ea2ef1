package io.predictionbatch.app.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Records read from standard input ({@code --input -}), kept in a file beside the output while
 * their job lives: partitions read slices of a file, and a failed job's restart reads the same
 * records again, which a pipe could not give twice. The file is hidden, named after the output
 * ({@code .OUTPUT.stdin-ID.csv}), lies where the output's part files do (so distributed workers,
 * which write there, read it there too), and is removed once the job is over: completed, failed
 * for good, or abandoned.
 */
public final class StdinSpool {

    private StdinSpool() {
    }

    /** Copies standard input into a new spool file beside {@code output}, returning it. */
    public static Path create(InputStream stdin, Path output, InputFormat format) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Path spool = output.toAbsolutePath().normalize().resolveSibling(
                "." + output.getFileName() + ".stdin-" + id + "." + format.name().toLowerCase(Locale.ROOT));
        try {
            Files.copy(stdin, spool);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(spool);
            } catch (IOException ignored) {
                // the copy's failure is the one to tell
            }
            throw new UncheckedIOException("Cannot keep the records of standard input in '" + spool + "': "
                    + e.getMessage(), e);
        }
        return spool;
    }

    /** Whether a job's input is a spool of standard input: named so, beside the job's output. */
    public static boolean isSpool(Path input, Path output) {
        if (output == null) {
            return false;
        }
        Path file = input.toAbsolutePath().normalize();
        Path beside = output.toAbsolutePath().normalize();
        return file.getParent().equals(beside.getParent()) && Pattern.matches(
                Pattern.quote("." + beside.getFileName() + ".stdin-") + "[0-9a-f]{8}\\.(csv|jsonl)",
                file.getFileName().toString());
    }

    /** Removes a job's input if it is a spool of standard input. */
    public static void deleteIfSpool(Path input, Path output) {
        if (isSpool(input, output)) {
            try {
                Files.deleteIfExists(input);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot remove '" + input + "': " + e.getMessage(), e);
            }
        }
    }
}
