package io.predictionbatch.model.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import io.predictionbatch.model.MLModel;

/**
 * Builds the test model packages into a models directory: {@code lang_old}, a directory with the
 * model's classes and commons-lang3 3.12.0 in {@code lib/}; {@code lang_new.jar}, one jar holding
 * the model and commons-lang3 3.17.0 (with that library's manifest); {@code broken}, a directory
 * whose service file names a class that is not there. The same model source serves both working
 * packages, under the name each package's {@code lang-model.properties} gives it.
 */
public final class TestPackages {

    private static final Path SOURCE = Path.of("src/test/packages/LangVersionModel.java");
    private static final Path LIBRARIES = Path.of("target/package-test-libraries");
    private static final String SERVICE = "META-INF/services/" + MLModel.class.getName();
    private static final String MODEL_CLASS = "io.predictionbatch.test.lang.LangVersionModel";

    private TestPackages() {
    }

    /**
     * @param models the models directory to build them in
     * @param modelCore the model-core module's folder, which holds the model's source and the
     *     libraries its build copies ({@code target/package-test-libraries})
     */
    public static Path build(Path models, Path modelCore) throws IOException {
        Path source = modelCore.resolve(SOURCE);
        Path libraries = modelCore.resolve(LIBRARIES);
        Files.createDirectories(models);
        Path old = models.resolve("lang_old");
        compileInto(old, "lang_old", source, libraries.resolve("commons-lang3-3.12.0.jar"));
        Files.createDirectories(old.resolve("lib"));
        Files.copy(libraries.resolve("commons-lang3-3.12.0.jar"), old.resolve("lib/commons-lang3-3.12.0.jar"));

        Path newLibrary = libraries.resolve("commons-lang3-3.17.0.jar");
        Path staging = models.resolve(".lang_new-classes");
        compileInto(staging, "lang_new", source, newLibrary);
        shade(staging, newLibrary, models.resolve("lang_new.jar"));

        Path broken = models.resolve("broken");
        Files.createDirectories(broken.resolve("META-INF/services"));
        Files.writeString(broken.resolve(SERVICE), "io.predictionbatch.test.Missing\n");
        return models;
    }

    private static void compileInto(Path folder, String name, Path source, Path library) throws IOException {
        Files.createDirectories(folder.resolve("META-INF/services"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        String classPath = contractClasses() + java.io.File.pathSeparator + library.toAbsolutePath();
        int result = compiler.run(null, null, null, "-d", folder.toString(), "-cp", classPath, source.toString());
        if (result != 0) {
            throw new IllegalStateException("The test model did not compile");
        }
        Files.writeString(folder.resolve(SERVICE), MODEL_CLASS + "\n");
        Files.writeString(folder.resolve("lang-model.properties"), "name=" + name + "\n");
    }

    /** One jar: the staged classes and resources, the library's classes, the library's manifest. */
    private static void shade(Path staging, Path library, Path jar) throws IOException {
        try (JarFile libraryJar = new JarFile(library.toFile());
                JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), libraryJar.getManifest())) {
            for (JarEntry entry : libraryJar.stream().filter(e -> !e.isDirectory()
                    && !e.getName().startsWith("META-INF/")).toList()) {
                out.putNextEntry(new JarEntry(entry.getName()));
                try (InputStream in = libraryJar.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            try (Stream<Path> files = Files.walk(staging)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new JarEntry(staging.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
        }
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static String contractClasses() {
        try {
            return Path.of(MLModel.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
