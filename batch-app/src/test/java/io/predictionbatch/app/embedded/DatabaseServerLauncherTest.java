package io.predictionbatch.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseServerLauncherTest {

    @TempDir
    Path folder;

    @Test
    void fromThePackagedJarTheServerRunsThatJar() throws Exception {
        Path jar = bootJar(folder.resolve("prediction-batch.jar"));

        assertThat(DatabaseServerLauncher.command("java", jar.toString(), List.of(), Optional.of("/usr/bin/setsid"),
                Path.of("/h"), Duration.ofSeconds(2)))
                .startsWith("/usr/bin/setsid", "java", "-Xmx64m")
                .containsSubsequence("-jar", jar.toString(), "database-server", "--home", "/h",
                        "--idle-timeout-millis", "2000");
    }

    @Test
    void fromAClassPathTheServerRunsTheMainClassOnTheSameClassPath() {
        String classPath = "target/classes" + File.pathSeparator + "h2.jar";

        assertThat(DatabaseServerLauncher.command("java", classPath, List.of(), Optional.empty(), Path.of("/h"),
                Duration.ofSeconds(30)))
                .startsWith("java")
                .containsSubsequence("-cp", classPath, "io.predictionbatch.app.PredictionBatchApplication",
                        "database-server", "--home", "/h", "--idle-timeout-millis", "30000")
                .doesNotContain("-jar");
    }

    @Test
    void theServerSharesTheCommandsCompilerThresholdsAndClassArchiveButNotItsOtherOptions() {
        List<String> commandOptions = List.of("-XX:Tier4InvocationThreshold=150000", "-Xmx256m",
                "-XX:SharedArchiveFile=/a/app.jsa", "-Xlog:cds*=off", "-agentlib:jdwp=transport=dt_socket",
                "-XX:+UseG1GC", "-XX:Tier4BackEdgeThreshold=1200000", "-Dprediction.home=/h");

        assertThat(DatabaseServerLauncher.command("java", "app.jar", commandOptions, Optional.empty(), Path.of("/h"),
                Duration.ofSeconds(30)))
                .containsSubsequence("java", "-Xmx64m", "-Xss512k", "-XX:+UseSerialGC",
                        "-XX:Tier4InvocationThreshold=150000", "-XX:SharedArchiveFile=/a/app.jsa", "-Xlog:cds*=off",
                        "-XX:Tier4BackEdgeThreshold=1200000", "-cp", "app.jar")
                .doesNotContain("-Xmx256m", "-agentlib:jdwp=transport=dt_socket", "-XX:+UseG1GC",
                        "-Dprediction.home=/h");
        assertThat(DatabaseServerLauncher.startUpOptions(List.of("-XX:AOTCache=/a/app.aot", "-Xlog:aot*=off")))
                .containsExactly("-XX:AOTCache=/a/app.aot", "-Xlog:aot*=off");
    }

    @Test
    void aPlainJarIsNoApplicationJar() throws Exception {
        Path plain = folder.resolve("plain.jar");
        try (JarOutputStream out = new JarOutputStream(new FileOutputStream(plain.toFile()), new Manifest())) {
            // no Start-Class
        }

        assertThat(DatabaseServerLauncher.isBootJar(plain.toString())).isFalse();
        assertThat(DatabaseServerLauncher.isBootJar(folder.resolve("missing.jar").toString())).isFalse();
    }

    private static Path bootJar(Path path) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Start-Class", "io.predictionbatch.app.PredictionBatchApplication");
        new JarOutputStream(new FileOutputStream(path.toFile()), manifest).close();
        return path;
    }
}
