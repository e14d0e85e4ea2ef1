package io.predictionbatch.iris;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The four measurements of one iris flower, in centimetres, as {@link IrisModel} takes them.
 *
 * <p>The JSON (and CSV header) names are snake_case, the names of the Iris data set's columns, so
 * that a file in the data set's own format can be scored as it is.
 */
@JsonClassDescription("The measurements of one iris flower, in centimetres")
public record IrisInput(
        @JsonProperty("sepal_length")
        @JsonPropertyDescription("Length of the sepal, in centimetres")
        double sepalLength,

        @JsonProperty("sepal_width")
        @JsonPropertyDescription("Width of the sepal, in centimetres")
        double sepalWidth,

        @JsonProperty("petal_length")
        @JsonPropertyDescription("Length of the petal, in centimetres")
        double petalLength,

        @JsonProperty("petal_width")
        @JsonPropertyDescription("Width of the petal, in centimetres")
        double petalWidth) {
}
