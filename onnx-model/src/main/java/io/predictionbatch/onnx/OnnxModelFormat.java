package io.predictionbatch.onnx;

import io.predictionbatch.model.MLModel;
import io.predictionbatch.model.registry.ModelFileFormat;
import java.nio.file.Path;

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

    @Override
    public MLModel<?, ?> load(Path packageDirectory) {
        return OnnxModel.load(packageDirectory);
    }
}
