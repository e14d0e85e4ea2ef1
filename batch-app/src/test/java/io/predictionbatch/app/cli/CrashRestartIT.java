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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the JVM running a job (SIGKILL: no shutdown hook, no last commit), restarts the job, and
 * checks that every input record is in the output or the errors file exactly once.
 */
class CrashRestartIT {

    private static final int ROWS = 400_000;

    @TempDir
    Path work;

    @Test
    void restartAfterAKilledJvmLosesAndDuplicatesNoRecord() throws Exception {
        Path input = writeInput(work.resolve("input.csv"));
        Cli cli = new Cli(work.resolve("home"), work);

        Process job = cli.start("predict", "-i", input.toString(), "-o", "out.csv", "-p", "4", "--chunk-size", "200",
                "-q");
        waitForCommittedPredictions(job);
        job.destroyForcibly().waitFor();
        assertThat(work.resolve("out.csv")).doesNotExist();

        Cli.Result restart = cli.run("restart", "1", "-q");

        assertThat(restart.exitCode()).as(restart.out() + restart.err()).isZero();
        assertThat(restart.out()).contains("Job 1 COMPLETED");
        assertEveryLineExactlyOnce(work.resolve("out.csv"), work.resolve("out.errors.csv"));
        assertThat(cli.run("restart", "1").err()).contains("already completed");
    }

    /** Rows of valid features, with every 1000th row broken so the errors file is part of the check. */
    private static Path writeInput(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("id,sepal_length,sepal_width,petal_length,petal_width\n");
            for (int i = 1; i <= ROWS; i++) {
                String petalWidth = i % 1000 == 0 ? "broken" : String.format(Locale.ROOT, "%.1f", random.nextDouble(0.1, 2.5));
                out.write(i + "," + String.format(Locale.ROOT, "%.1f,%.1f,%.1f", random.nextDouble(4.3, 7.9),
                        random.nextDouble(2.0, 4.4), random.nextDouble(1.0, 6.9)) + "," + petalWidth + "\n");
            }
        }
        return file;
    }

    /** Waits until some chunks are committed in part files, so the kill lands mid-job. */
    private void waitForCommittedPredictions(Process job) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            assertThat(job.isAlive()).as("the job ended before it could be killed").isTrue();
            if (partBytes() > 200_000) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no predictions were committed within 2 minutes");
    }

    private long partBytes() throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            return files.filter(path -> path.getFileName().toString().startsWith("predictions-"))
                    .mapToLong(path -> path.toFile().length()).sum();
        }
    }

    private static void assertEveryLineExactlyOnce(Path output, Path errors) throws IOException {
        BitSet seen = new BitSet(ROWS + 2);
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
        assertThat(count).isEqualTo(ROWS);
        assertThat(seen.nextClearBit(2)).isEqualTo(ROWS + 2);
        assertThat(Files.readAllLines(errors)).hasSize(ROWS / 1000 + 1);
    }
}
