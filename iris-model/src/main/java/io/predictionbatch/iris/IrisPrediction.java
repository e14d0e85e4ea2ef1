package io.predictionbatch.iris;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The species {@link IrisModel} predicts for one flower.
 *
 * <p>The species is a plain lowercase string rather than an enum so that every writer downstream
 * (JSON, CSV, a database column, a generated JSON Schema) renders the same {@code setosa} without
 * needing to know about enum naming conventions.
 */
@JsonClassDescription("The predicted species of an iris flower")
public record IrisPrediction(
        @JsonPropertyDescription("Predicted species: setosa, versicolor or virginica")
        String species) {

    public static final IrisPrediction SETOSA = new IrisPrediction("setosa");
    public static final IrisPrediction VERSICOLOR = new IrisPrediction("versicolor");
    public static final IrisPrediction VIRGINICA = new IrisPrediction("virginica");
}
