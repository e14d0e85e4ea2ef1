package io.predictionbatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end: a job whose output disk fills up. The disk is a small tmpfs mounted in a private
 * mount namespace ({@code unshare}: as root, or as a user through a user namespace), so the test
 * needs no disk of its own and leaves no mount behind. The commands run in that namespace by a
 * shell script: predict on the full disk, grow the disk, restart.
 */
class DiskFullIT {

    private static final int ROWS = 200_000;

    @TempDir
    Path work;

    private Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(work.resolve("home"), work);
    }

    @AfterEach
    void stopDatabaseServer() throws Exception {
        cli.stopDatabaseServer();
    }

    @Test
    void failsNamingTheFullDiskAndTheSpaceNeededThenRestartsOnceThereIsRoom() throws Exception {
        Path input = irisRows(work.resolve("in.csv"));
        Path disk = Files.createDirectory(work.resolve("disk"));
        String script = """
                set -e
                mount -t tmpfs -o size=2m tmpfs "$1"
                set +e
                "$2" -Xmx512m -jar "$3" predict -i "$4" -o "$1/out.csv" -k id -q > "$5/first.out" 2> "$5/first.err"
                echo $? > "$5/first.code"
                ls -a "$1" > "$5/first.files"
                set -e
                mount -o remount,size=64m "$1"
                "$2" -Xmx512m -jar "$3" restart 1 -q > "$5/restart.out" 2> "$5/restart.err"
                cp "$1/out.csv" "$5/restarted.csv"
                """;
        List<String> command = new ArrayList<>(unshare());
        command.addAll(List.of("sh", "-c", script, "sh", disk.toString(), Cli.javaBinary(),
                Cli.JAR.toAbsolutePath().toString(), input.toString(), work.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(work.resolve("script.out").toFile()).redirectErrorStream(true);
        builder.environment().put("PREDICTION_BATCH_HOME", work.resolve("home").toString());
        Process commands = builder.start();
        assertThat(commands.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(commands.exitValue()).as(Files.readString(work.resolve("script.out"))).isZero();

        assertThat(Files.readString(work.resolve("first.code")).strip()).isEqualTo("1");
        String failure = Files.readString(work.resolve("first.out")) + Files.readString(work.resolve("first.err"));
        assertThat(failure).contains("Job 1 FAILED: predictPartition:")
                .containsPattern("the output disk is full: \\S+disk \\(tmpfs\\) has [0-9.]+ (B|KiB) free")
                .containsPattern("free at least [0-9.]+ MiB there")
                .contains("prediction-batch restart 1")
                .doesNotContain("Exception", "UNKNOWN");
        assertThat(Files.readString(work.resolve("restart.out"))).contains("COMPLETED");
        Cli.Result clean = cli.run("predict", "-i", input.toString(), "-o", "clean.csv", "-k", "id", "-q");
        assertThat(clean.exitCode()).as(clean.err()).isZero();
        assertThat(Files.mismatch(work.resolve("restarted.csv"), work.resolve("clean.csv"))).isEqualTo(-1L);
        assertThat(Files.readAllLines(work.resolve("clean.csv"))).hasSize(ROWS + 1);
    }

    /** The command that runs a script in a mount namespace of its own, or skips the test. */
    private static List<String> unshare() throws IOException, InterruptedException {
        List<String> asRoot = List.of("unshare", "--mount", "--propagation", "private");
        List<String> asUser = List.of("unshare", "--user", "--map-root-user", "--mount");
        for (List<String> candidate : List.of(asRoot, asUser)) {
            List<String> probe = new ArrayList<>(candidate);
            probe.add("true");
            Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
            if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return candidate;
            }
        }
        boolean ci = "true".equals(System.getenv("CI"));
        assertThat(ci).as("unshare (util-linux) cannot make a mount namespace here, as root or through a user"
                + " namespace: the disk-full test needs one").isFalse();
        assumeTrue(false, "no mount namespace available (unshare)");
        return List.of();
    }

    private static Path irisRows(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("id,sepal_length,sepal_width,petal_length,petal_width\n");
            for (int i = 0; i < ROWS; i++) {
                out.write(i + "," + (4.5 + i % 30 / 10.0) + ",3.1," + (1.0 + i % 50 / 10.0) + "," + (i % 25 / 10.0)
                        + "\n");
            }
        }
        return file;
    }
}
