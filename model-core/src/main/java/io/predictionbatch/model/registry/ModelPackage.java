package io.predictionbatch.model.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * A model deployed as a package in the models directory, one of two kinds:
 * <ul>
 *   <li>classes: a jar (the model with its dependencies inside, or alone), or a directory holding
 *       the model's classes and resources and its own dependency jars (at its top or in
 *       {@code lib/}). Its models are those it lists in
 *       {@code META-INF/services/io.predictionbatch.model.MLModel}. Each such package has a class
 *       loader of its own, whose parent shares only the model contract (see
 *       {@link ContractClassLoader});</li>
 *   <li>a model file: a directory that a {@link ModelFileFormat} on the application's class path
 *       recognises (an ONNX model beside its descriptor), hosted by that format.</li>
 * </ul>
 *
 * @param name the package's file or directory name, as messages and {@code models} show it
 * @param location where it lies
 * @param classLoader loads a package of classes; {@code null} for a model file
 * @param format hosts a model file; {@code null} for a package of classes
 */
public record ModelPackage(String name, Path location, ClassLoader classLoader, ModelFileFormat format) {

    /**
     * The packages in a models directory, in name order; none when the directory does not exist.
     *
     * @param application the application's class loader: the parent of the contract that packages of
     *        classes see, and where the {@link ModelFileFormat}s are found
     */
    public static List<ModelPackage> scan(Path modelsDirectory, ClassLoader application) {
        if (!Files.isDirectory(modelsDirectory)) {
            return List.of();
        }
        List<ModelFileFormat> formats = formats(application);
        ContractClassLoader contract = new ContractClassLoader(application);
        List<ModelPackage> packages = new ArrayList<>();
        try (Stream<Path> entries = Files.list(modelsDirectory)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                ModelFileFormat format = Files.isDirectory(entry)
                        ? formats.stream().filter(f -> f.recognises(entry)).findFirst().orElse(null)
                        : null;
                if (format != null) {
                    packages.add(new ModelPackage(name, entry, null, format));
                } else if (Files.isDirectory(entry) || name.endsWith(".jar")) {
                    packages.add(new ModelPackage(name, entry, new URLClassLoader("model-package " + name,
                            classPath(entry), contract), null));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the models directory '" + modelsDirectory + "': "
                    + e.getMessage(), e);
        }
        return packages;
    }

    private static List<ModelFileFormat> formats(ClassLoader application) {
        try {
            return ServiceLoader.load(ModelFileFormat.class, application).stream().map(ServiceLoader.Provider::get)
                    .toList();
        } catch (ServiceConfigurationError e) {
            throw new ModelRegistryException("A model file format registered in META-INF/services/"
                    + ModelFileFormat.class.getName() + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static URL[] classPath(Path entry) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(url(entry));
        if (Files.isDirectory(entry)) {
            for (Path folder : List.of(entry, entry.resolve("lib"))) {
                if (Files.isDirectory(folder)) {
                    try (Stream<Path> jars = Files.list(folder)) {
                        for (Path jar : jars.filter(file -> file.toString().endsWith(".jar")).sorted().toList()) {
                            urls.add(url(jar));
                        }
                    }
                }
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static URL url(Path path) throws MalformedURLException {
        return path.toAbsolutePath().normalize().toUri().toURL();
    }

    @Override
    public String toString() {
        return "package " + name + " (" + location + (format == null ? "" : ", " + format.name() + " model") + ")";
    }
}
