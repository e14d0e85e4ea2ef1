package io.predictionbatch.onnx;

import io.predictionbatch.model.MLModel;
import io.predictionbatch.model.ModelException;
import io.predictionbatch.model.registry.ModelFileFormat;
import java.nio.file.Path;
import java.util.Optional;

/**
 * ONNX models deployed as files: a package directory holding a descriptor ({@code model.yaml},
 * {@code model.yml} or {@code model.json}, see {@link ModelDescriptor}) beside its {@code .onnx}
 * file, hosted by {@link OnnxModel}.
 */
public final class OnnxModelFormat implements ModelFileFormat {

    @Override
    public String name() {
        return "onnx";
    }

    @Override
    public boolean recognises(Path packageDirectory) {
        return ModelDescriptor.find(packageDirectory).isPresent();
    }

    /** The descriptor's name, read without ONNX Runtime; empty when the descriptor is broken (loading says why). */
    @Override
    public Optional<String> qualifiedName(Path packageDirectory) {
        try {
            return ModelDescriptor.find(packageDirectory).map(ModelDescriptor::read).map(ModelDescriptor::name);
        } catch (ModelException e) {
            return Optional.empty();
        }
    }

    @Override
    public MLModel<?, ?> load(Path packageDirectory) {
        return OnnxModel.load(packageDirectory);
    }
}
