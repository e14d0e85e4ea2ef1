package io.predictionbatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/** Input files for end-to-end tests, and the exactly-once check of what a job made of them. */
final class TestInputs {

    private TestInputs() {
    }

    /** Rows of Iris features, line i + 1 holding id i; every 1000th row has a broken petal_width. */
    static Path irisRows(Path file, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("id,sepal_length,sepal_width,petal_length,petal_width\n");
            for (int i = 1; i <= rows; i++) {
                String petalWidth = i % 1000 == 0 ? "broken" : String.format(Locale.ROOT, "%.1f", random.nextDouble(0.1, 2.5));
                out.write(i + "," + String.format(Locale.ROOT, "%.1f,%.1f,%.1f", random.nextDouble(4.3, 7.9),
                        random.nextDouble(2.0, 4.4), random.nextDouble(1.0, 6.9)) + "," + petalWidth + "\n");
            }
        }
        return file;
    }

    /**
     * JSON Lines records for the test model {@code text_stats} that each take {@code delayMillis} to
     * predict: a job that runs for a known time without loading the machine.
     */
    static Path slowTextRecords(Path file, int rows, int delayMillis) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 1; i <= rows; i++) {
                out.write("{\"id\": " + i + ", \"text\": \"record " + i + "\", \"delay_millis\": " + delayMillis
                        + "}\n");
            }
        }
        return file;
    }

    /** Every data line of an {@link #irisRows} input is in the output or the errors file, once. */
    static void assertEveryLineExactlyOnce(Path output, Path errors, int rows) throws IOException {
        assertEveryLineOnce(output, errors, rows, 2);
        assertThat(Files.readAllLines(errors)).hasSize(rows / 1000 + 1);
    }

    /** Lines firstLine to firstLine + rows - 1 each appear once in the output or the errors file. */
    static void assertEveryLineOnce(Path output, Path errors, int rows, int firstLine) throws IOException {
        BitSet seen = new BitSet(rows + firstLine);
        int count = 0;
        for (Path file : List.of(output, errors)) {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                int lineNumber = Integer.parseInt(line.substring(0, line.indexOf(',')));
                assertThat(seen.get(lineNumber)).as("line %d appears twice", lineNumber).isFalse();
                seen.set(lineNumber);
                count++;
            }
        }
        assertThat(count).isEqualTo(rows);
        assertThat(seen.nextSetBit(0)).isEqualTo(firstLine);
        assertThat(seen.nextClearBit(firstLine)).isEqualTo(rows + firstLine);
    }

    /** Waits until the job's part files hold this many bytes, so that a kill lands mid-job. */
    static void awaitPartBytes(Path folder, long bytes, Process job) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            assertThat(job.isAlive()).as("the job ended before it could be interrupted").isTrue();
            if (partBytes(folder) > bytes) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the job committed no predictions within 2 minutes");
    }

    private static long partBytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(path -> path.getFileName().toString().startsWith("predictions-"))
                    .mapToLong(path -> path.toFile().length()).sum();
        }
    }
}
