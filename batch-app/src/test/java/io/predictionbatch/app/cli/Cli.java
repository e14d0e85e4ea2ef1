package io.predictionbatch.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.predictionbatch.app.testdb.HomeDatabaseServer;

/**
 * Runs the packaged command line as a user would, through {@code ./prediction-batch} (its fast
 * start: the extracted jar and a class archive, prepared once before the first command), in its
 * own JVM, with its own job history.
 */
final class Cli {

    static final Path JAR = Path.of("target/prediction-batch.jar");
    static final Path LAUNCHER = Path.of("../prediction-batch").toAbsolutePath().normalize();
    /** The JVM options every command runs with (./prediction-batch and the image read them too). */
    private static final Path JVM_OPTIONS = Path.of("jvm.options");
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static boolean fastStartPrepared;

    private final Path home;
    private final Path workDir;
    private final Map<String, String> environment;
    private final boolean testModels;

    Cli(Path home, Path workDir) {
        this(home, workDir, Map.of());
    }

    Cli(Path home, Path workDir, Map<String, String> environment) {
        this(home, workDir, environment, false);
    }

    private Cli(Path home, Path workDir, Map<String, String> environment, boolean testModels) {
        this.home = home;
        this.workDir = workDir;
        this.environment = environment;
        this.testModels = testModels;
    }

    /**
     * The same command line hosting the test models beside the packaged ones: the test classes
     * join the jar's class path through Spring Boot's {@code PropertiesLauncher}, as a user's
     * model jar would through {@code loader.path}.
     */
    Cli withTestModels() {
        return new Cli(home, workDir, environment, true);
    }

    record Result(int exitCode, String out, String err) {
    }

    /** A started command, with the files its output goes to. */
    record Run(Process process, Path out, Path err) {

        Result await() throws IOException, InterruptedException {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("prediction-batch did not end in 5 minutes: " + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }

        String output() throws IOException {
            return Files.readString(out) + Files.readString(err);
        }
    }

    Run launch(String... args) throws IOException {
        return launch(null, args);
    }

    /** Runs a command with a file as its standard input. */
    Result runWithInput(Path stdin, String... args) throws IOException, InterruptedException {
        return launch(stdin, args).await();
    }

    private Run launch(Path stdin, String... args) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run `mvn verify`, which packages it first");
        }
        List<String> command = new ArrayList<>();
        if (testModels) { // another class path than the archive's: the plain jar, with the same JVM options
            command.addAll(List.of(javaBinary(), "@" + JVM_OPTIONS.toAbsolutePath(), "-Xmx512m", "-cp",
                    JAR.toAbsolutePath().toString(), "-Dloader.path=" + Path.of("target/test-classes").toAbsolutePath(),
                    "-Dloader.main=io.predictionbatch.app.PredictionBatchApplication",
                    "org.springframework.boot.loader.launch.PropertiesLauncher"));
        } else {
            prepareFastStart();
            command.add(LAUNCHER.toString());
        }
        command.addAll(List.of(args));
        int run = RUNS.incrementAndGet();
        Path out = workDir.resolve("stdout-" + run + ".txt");
        Path err = workDir.resolve("stderr-" + run + ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().put("PREDICTION_BATCH_HOME", home.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS", "-Xmx512m");
        // A safety net: a home's server that a test forgets to stop is gone 30 s after its last command.
        builder.environment().put("PREDICTION_DATABASESERVER_IDLETIMEOUT", "30s");
        builder.environment().putAll(environment);
        if (testModels) {
            builder.environment().put("PREDICTION_MODELS_0_CLASSNAME", "io.predictionbatch.app.testmodel.TextStatsModel");
        }
        builder.redirectOutput(out.toFile());
        builder.redirectError(err.toFile());
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        return new Run(builder.start(), out, err);
    }

    /**
     * The launcher prepares its fast start on its first run after a build (about 15 s: a training
     * job of its own); done here once, so that no test's command, timed or killed, is that run.
     */
    private static synchronized void prepareFastStart() throws IOException {
        if (fastStartPrepared) {
            return;
        }
        Path output = Files.createTempFile("prediction-batch-fast-start", ".txt");
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "--version").redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("./prediction-batch --version did not end in 5 minutes: "
                        + Files.readString(output));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./prediction-batch --version failed: " + Files.readString(output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the launcher prepared its fast start", e);
        } finally {
            Files.deleteIfExists(output);
        }
        fastStartPrepared = true;
    }

    /** Starts a {@code worker} and waits until it takes requests from Redis. */
    Process startWorker() throws IOException, InterruptedException {
        Run run = launch("worker");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!Files.readString(run.err()).contains("is taking partitions")) {
            if (!run.process().isAlive() || System.nanoTime() > deadline) {
                run.process().destroyForcibly();
                throw new IllegalStateException("The worker did not start: " + run.output());
            }
            Thread.sleep(100);
        }
        return run.process();
    }

    Process start(String... args) throws IOException {
        return launch(args).process();
    }

    Result run(String... args) throws IOException, InterruptedException {
        return launch(args).await();
    }

    /** The database server of this home, as its file records it, if it runs. */
    Optional<ProcessHandle> databaseServer() {
        return HomeDatabaseServer.of(home);
    }

    /**
     * Stops the database server the commands of this home started (it would stop by itself once
     * idle; a test leaves no process behind). Call after each test.
     */
    void stopDatabaseServer() throws Exception {
        HomeDatabaseServer.stop(home);
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
