package io.predictionbatch.app.embedded;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * Starts a home's database server as a detached JVM of this same application (see
 * {@link DatabaseServerProcess}), with its output in {@code HOME/logs/database-server.log}.
 */
final class DatabaseServerLauncher {

    static final String LOG = "logs/database-server.log";

    /** The application's main class, which hands {@code database-server} to the server. */
    private static final String MAIN_CLASS = "io.predictionbatch.app.PredictionBatchApplication";

    private DatabaseServerLauncher() {
    }

    static Process start(Path home, Duration idleTimeout) throws IOException {
        Path log = home.resolve(LOG);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command(javaCommand(), System.getProperty("java.class.path"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), setsid(), home, idleTimeout));
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")));
        return builder.start();
    }

    /**
     * The server's command line: the running {@code java} with a small heap and the serial
     * collector (it holds little), but the full JIT: under {@code serve}'s task load it runs
     * thousands of statements a second, and C1-only code (quicker to start) cost it twice the CPU
     * per task and 40 % on the task round trip. Then {@code -jar} when this application runs from
     * its packaged jar (its classes are nested inside, only Spring Boot's launcher finds them),
     * else the class path as is (tests, an IDE, an exploded application).
     * <p>
     * It also runs with the starting command's start-up options ({@link #startUpOptions}).
     */
    static List<String> command(String java, String classPath, List<String> commandOptions, Optional<String> setsid,
            Path home, Duration idleTimeout) {
        List<String> command = new ArrayList<>();
        setsid.ifPresent(command::add);
        command.addAll(List.of(java, "-Xmx64m", "-Xss512k", "-XX:+UseSerialGC"));
        command.addAll(startUpOptions(commandOptions));
        if (isBootJar(classPath)) {
            command.addAll(List.of("-jar", Path.of(classPath).toAbsolutePath().toString()));
        } else {
            command.addAll(List.of("-cp", classPath, MAIN_CLASS));
        }
        command.addAll(List.of(DatabaseServerProcess.COMMAND, "--home", home.toString(), "--idle-timeout-millis",
                Long.toString(idleTimeout.toMillis())));
        return command;
    }

    /**
     * The options of the starting command that the server shares: the C2 compiler's raised
     * thresholds ({@code batch-app/jvm.options}) and the class archive ({@code ./prediction-batch}'s
     * fast start, made for the same class path). A server usually starts with a user's first
     * command and stops some minutes after their last: with the default thresholds, C2 compiled H2's SQL
     * parser for the few hundred statements of each command, and a running server took 0.33-0.53 s
     * of CPU per 150-row command on the two cores the command runs on; 0.13-0.21 s with the raised
     * thresholds, which leave that code to C1 (a long task load still makes H2's hot paths reach
     * them), and the command 0.16 s shorter. Other options (heap, agents, debugging) stay the
     * command's own.
     */
    static List<String> startUpOptions(List<String> commandOptions) {
        return commandOptions.stream().filter(option -> option.startsWith("-XX:Tier4")
                || option.startsWith("-XX:SharedArchiveFile=") || option.startsWith("-XX:AOTCache=")
                || option.startsWith("-Xlog:cds") || option.startsWith("-Xlog:aot")).toList();
    }

    /** A single jar on the class path, run by Spring Boot's launcher: {@code java -jar app.jar}. */
    static boolean isBootJar(String classPath) {
        if (classPath == null || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getManifest() != null && jar.getManifest().getMainAttributes().getValue("Start-Class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * {@code setsid} puts the server in a session of its own, away from the terminal's job
     * control (Ctrl-Z, {@code kill %1} of the command that started it), where there is one.
     */
    private static Optional<String> setsid() {
        return isWindows() ? Optional.empty()
                : List.of("/usr/bin/setsid", "/bin/setsid").stream().filter(path -> Files.isExecutable(Path.of(path)))
                        .findFirst();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
