package io.predictionbatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./prediction-batch} script as a user runs it: the first run after a build prepares
 * the fast start (extracted jar, class archive trained on a 150-row job), every run after uses it,
 * and the predictions are those of the plain jar.
 */
class LauncherIT {

    private static final Path IRIS = Path.of("../sample-data/iris.csv").toAbsolutePath().normalize();

    @TempDir
    Path folder;


    @AfterEach
    void stopDatabaseServers() throws Exception {
        new Cli(folder.resolve("home"), folder).stopDatabaseServer();
        new Cli(folder.resolve("home-off"), folder).stopDatabaseServer();
    }

    @Test
    void theLauncherPreparesTheFastStartOnceAndPredictsWhatThePlainJarPredicts() throws Exception {
        Result first = launch("home", Map.of(), "fast-1.csv");
        Result second = launch("home", Map.of(), "fast-2.csv");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).doesNotContain("Preparing", "Could not prepare");
        assertThat(archives()).as("one class archive for the JVM that ran").hasSize(1);
        assertThat(Files.readAllLines(folder.resolve("fast-2.csv"))).hasSize(151)
                .isEqualTo(Files.readAllLines(folder.resolve("fast-1.csv")));

        Cli.Result plainRun = new Cli(folder.resolve("home"), folder, Map.of("PREDICTION_BATCH_FAST_START", "off"))
                .run("predict", "--input", IRIS.toString(), "--output", "plain.csv", "--key", "id");
        assertThat(plainRun.exitCode()).as(plainRun.err()).isZero();
        assertThat(Files.readAllLines(folder.resolve("plain.csv")))
                .isEqualTo(Files.readAllLines(folder.resolve("fast-2.csv")));
    }

    @Test
    void theFastStartCanBeTurnedOff() throws Exception {
        Result off = launch("home-off", Map.of("PREDICTION_BATCH_FAST_START", "off"), "off.csv");

        assertThat(off.exitCode()).as(off.err()).isZero();
        assertThat(off.err()).doesNotContain("Preparing");
        assertThat(Files.readAllLines(folder.resolve("off.csv"))).hasSize(151);
    }

    @Test
    void commandsThatEndRunTheParallelCollectorUnlessTheUserPicksAnother() throws Exception {
        Path picked = folder.resolve("gc-picked.log");
        Path named = folder.resolve("gc-named.log");

        Result ours = launch("home", Map.of("JAVA_OPTS", "-Xlog:gc:file=" + picked), "gc-picked.csv");
        Result theUsers = launch("home", Map.of("JAVA_OPTS", "-XX:+UseSerialGC -Xlog:gc:file=" + named), "gc-named.csv");

        assertThat(ours.exitCode()).as(ours.err()).isZero();
        assertThat(theUsers.exitCode()).as("the JVM refuses two collectors: " + theUsers.err()).isZero();
        assertThat(Files.readString(picked)).contains("Using Parallel");
        assertThat(Files.readString(named)).contains("Using Serial").doesNotContain("Parallel");
    }

    @Test
    void workersRunOnTheParallelCollectorAndTheServerOnTheJvmsOwnChoices() throws Exception {
        Map<String, String> flags = Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags");

        Result worker = launch("home", flags, "worker-help", "worker", "--help");
        Result server = launch("home", flags, "serve-help", "serve", "--help");

        assertThat(worker.exitCode()).as(worker.err()).isZero();
        assertThat(server.exitCode()).as(server.err()).isZero();
        assertThat(worker.out()).contains("-XX:+UseParallelGC").doesNotContain("-XX:Tier4InvocationThreshold");
        assertThat(server.out()).doesNotContain("-XX:+UseParallelGC", "-XX:Tier4InvocationThreshold");
    }

    @Test
    void theArchiveIsTrainedOnAnEmbeddedJobWhateverTheCommandsEnvironmentSays() throws Exception {
        // A new build: the archive is out of date, and the first command runs where a distributed
        // setup is configured (here one whose database and Redis cannot be reached).
        Files.setLastModifiedTime(Cli.JAR, FileTime.from(Instant.now()));
        Result command = launch("home", DistributedEnvironment.unreachable(), "distributed-version", "--version");

        // The training, in embedded mode, needs neither.
        assertThat(command.err()).contains("Preparing").doesNotContain("Could not prepare");
        assertThat(archives()).singleElement()
                .satisfies(archive -> assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(
                        Files.getLastModifiedTime(Cli.JAR)));
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result launch(String home, Map<String, String> environment, String output)
            throws IOException, InterruptedException {
        return launch(home, environment, output, "predict", "--input", IRIS.toString(), "--output", output, "--key", "id");
    }

    private Result launch(String home, Map<String, String> environment, String name, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Cli.LAUNCHER.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
        builder.environment().put("PREDICTION_BATCH_HOME", folder.resolve(home).toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Path out = folder.resolve(name + ".out");
        Path err = folder.resolve(name + ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the launcher did not end in 3 minutes: " + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static List<Path> archives() throws IOException {
        Path startUp = Path.of("target/start-up");
        try (Stream<Path> files = Files.walk(startUp, 2)) {
            return files.filter(file -> file.toString().endsWith(".jsa") || file.toString().endsWith(".aot"))
                    .filter(file -> file.getParent().getFileName().toString()
                            .equals(System.getProperty("java.vm.version").replaceAll("[^A-Za-z0-9._-]", "_")))
                    .toList();
        }
    }
}
