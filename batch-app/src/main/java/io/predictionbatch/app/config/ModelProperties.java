package io.predictionbatch.app.config;

import java.nio.file.Path;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Models to host beyond those that register themselves ({@code prediction.models[0].class-name}).
 * A model jar on the class path with a {@code META-INF/services} entry needs no line here.
 *
 * @param models classes to host from the class path
 * @param modelsDir where model packages are deployed ({@code --models-dir}); each entry, a jar or a
 *     directory, is hosted with a class loader of its own
 */
@Validated
@ConfigurationProperties("prediction")
public record ModelProperties(@DefaultValue @Valid List<Model> models, @DefaultValue("models") Path modelsDir) {

    /** @param className a class implementing {@code io.predictionbatch.model.MLModel} */
    public record Model(@NotBlank String className) {
    }
}
