package io.predictionbatch.model.binding;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Input and output types the binding tests bind to. */
final class TestInputs {

    private TestInputs() {
    }

    record IrisInput(@JsonProperty("sepal_length") double sepalLength,
                     @JsonProperty("sepal_width") double sepalWidth,
                     @JsonProperty("petal_length") double petalLength,
                     @JsonProperty("petal_width") double petalWidth) {
    }

    enum Species {
        @JsonProperty("setosa") SETOSA,
        @JsonProperty("versicolor") VERSICOLOR,
        @JsonProperty("virginica") VIRGINICA
    }

    record MixedInput(int count,
                      long total,
                      byte level,
                      String label,
                      Species species,
                      boolean active,
                      @Nullable Double weight,
                      BigDecimal price,
                      float ratio) {
    }

    record DatedInput(@JsonProperty("day") LocalDate day, @Nullable @JsonProperty("note") String note) {
    }

    record ValidatingInput(@JsonProperty("sepal_length") double sepalLength) {
        ValidatingInput {
            if (sepalLength < 0) {
                throw new IllegalArgumentException("sepal_length must not be negative");
            }
        }
    }

    /** A plain bean: no-argument constructor and setters, fields in declaration order. */
    public static final class FlowerBean {
        private String name = "unnamed";
        @JsonProperty("petal_count")
        private int petalCount;
        @Nullable
        private String colour = "green";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getPetalCount() {
            return petalCount;
        }

        public void setPetalCount(int petalCount) {
            if (petalCount > 100) {
                throw new IllegalArgumentException("too many petals");
            }
            this.petalCount = petalCount;
        }

        public String getColour() {
            return colour;
        }

        public void setColour(String colour) {
            this.colour = colour;
        }
    }

    /** No property Jackson can set. */
    static final class Opaque {
        private double hidden;
    }

    record Prediction(@JsonPropertyDescription("The predicted species") Species species,
                      @JsonProperty("probability") double probability,
                      @JsonProperty("rank") int rank,
                      @JsonProperty("day") LocalDate day,
                      @JsonProperty("flag") Boolean flag) {
    }
}
