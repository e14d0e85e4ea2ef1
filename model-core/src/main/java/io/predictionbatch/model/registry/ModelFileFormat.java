package io.predictionbatch.model.registry;

import io.predictionbatch.model.MLModel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Hosts models deployed as files rather than as classes: a package directory holding a model file
 * and a descriptor of it, such as an ONNX model, so that a new model needs no Java code. A format
 * lives on the application's class path, listed in
 * {@code META-INF/services/io.predictionbatch.model.registry.ModelFileFormat}, since its runtime
 * (native libraries included) is loaded once per process and shared by every package of the format.
 */
public interface ModelFileFormat {

    /** A short name shown beside the package, such as {@code onnx}. */
    String name();

    /**
     * Whether a package directory is one of this format's, by its file names alone: cheap, and
     * loading nothing. A recognised package that then fails to {@linkplain #load load} is reported
     * with the reason.
     */
    boolean recognises(Path packageDirectory);

    /**
     * The qualified name of the package's model, when it can be told without loading the model (from
     * its descriptor): looking a model up by name then loads no other package's. Empty when it
     * cannot be told; the model is then loaded to learn it.
     */
    default Optional<String> qualifiedName(Path packageDirectory) {
        return Optional.empty();
    }

    /**
     * Loads the package's model; the registry calls it once, on first need, and shares the model
     * between threads.
     *
     * @throws RuntimeException saying what is wrong with the package (a bad descriptor, a model file
     *         the runtime refuses)
     */
    MLModel<?, ?> load(Path packageDirectory);
}
