package io.predictionbatch.app.config;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Models to host beyond those that register themselves ({@code prediction.models[0].class-name}).
 * A model jar on the class path with a {@code META-INF/services} entry needs no line here.
 */
@Validated
@ConfigurationProperties("prediction")
public record ModelProperties(@DefaultValue @Valid List<Model> models) {

    /** @param className a class implementing {@code io.predictionbatch.model.MLModel} */
    public record Model(@NotBlank String className) {
    }
}
