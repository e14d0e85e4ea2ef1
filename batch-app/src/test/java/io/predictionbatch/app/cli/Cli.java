package io.predictionbatch.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged command line as a user would, in its own JVM, with its own job history. */
final class Cli {

    static final Path JAR = Path.of("target/prediction-batch.jar");

    private final Path home;
    private final Path workDir;

    Cli(Path home, Path workDir) {
        this.home = home;
        this.workDir = workDir;
    }

    record Result(int exitCode, String out, String err) {
    }

    Process start(String... args) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run `mvn verify`, which packages it first");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().put("PREDICTION_BATCH_HOME", home.toString());
        builder.redirectOutput(workDir.resolve("stdout.txt").toFile());
        builder.redirectError(workDir.resolve("stderr.txt").toFile());
        return builder.start();
    }

    Result run(String... args) throws IOException, InterruptedException {
        Process process = start(args);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("prediction-batch " + String.join(" ", args) + " did not end in 5 minutes");
        }
        return new Result(process.exitValue(), Files.readString(workDir.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(workDir.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
