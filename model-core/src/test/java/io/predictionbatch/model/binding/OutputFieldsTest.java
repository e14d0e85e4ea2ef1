package io.predictionbatch.model.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.predictionbatch.model.ModelException;
import io.predictionbatch.model.binding.TestInputs.Prediction;
import io.predictionbatch.model.binding.TestInputs.Species;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputFieldsTest {

    enum Grade {
        LOW(1), HIGH(2);

        private final int code;

        Grade(int code) {
            this.code = code;
        }

        @JsonValue
        int code() {
            return code;
        }
    }

    record Scored(@JsonProperty("grade") Grade grade,
                  @JsonProperty("amount") BigDecimal amount,
                  @JsonProperty("letter") char letter,
                  @JsonProperty("scores") List<Integer> scores,
                  @JsonProperty("extra") Map<String, String> extra) {
    }

    record WithIgnored(@JsonProperty("kept") String kept, @JsonIgnore String secret) {
    }

    /** A bean whose renamed property Jackson would otherwise move to the end. */
    public static final class BeanOutput {
        private final String label = "x";
        @JsonProperty("the_score")
        private final double score = 0.5;
        private final boolean accepted = true;

        public String getLabel() {
            return label;
        }

        public double getScore() {
            return score;
        }

        public boolean isAccepted() {
            return accepted;
        }
    }

    @Test
    void listsJsonFieldNamesInDeclarationOrder() {
        assertThat(OutputFields.forType(Prediction.class).fieldNames())
                .containsExactly("species", "probability", "rank", "day", "flag");
        assertThat(OutputFields.forType(BeanOutput.class).fieldNames()).containsExactly("label", "the_score", "accepted");
    }

    @Test
    void flattensValuesInFieldOrderWithEnumsAsTheirJsonValue() {
        Prediction prediction = new Prediction(Species.VIRGINICA, 0.93, 1, LocalDate.of(2024, 5, 1), null);

        Object[] values = OutputFields.forType(Prediction.class).values(prediction);

        assertThat(values).containsExactly("virginica", 0.93, 1, "2024-05-01", null);
    }

    @Test
    void writesOtherTypesAsJacksonWouldAsScalarsOrJsonText() {
        Scored scored = new Scored(Grade.HIGH, new BigDecimal("1.50"), 'z', List.of(1, 2), Map.of("k", "v"));

        Object[] values = OutputFields.forType(Scored.class).values(scored);

        assertThat(values).containsExactly(2, new BigDecimal("1.50"), "z", "[1,2]", "{\"k\":\"v\"}");
    }

    @Test
    void readsBeansThroughGetters() {
        assertThat(OutputFields.forType(BeanOutput.class).values(new BeanOutput())).containsExactly("x", 0.5, true);
    }

    @Test
    void leavesOutIgnoredProperties() {
        OutputFields<WithIgnored> fields = OutputFields.forType(WithIgnored.class);

        assertThat(fields.fieldNames()).containsExactly("kept");
        assertThat(fields.values(new WithIgnored("a", "b"))).containsExactly("a");
    }

    @Test
    void refusesNullPrediction() {
        assertThatThrownBy(() -> OutputFields.forType(Prediction.class).values(null))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("null");
    }

    @Test
    void refusesOutputTypeThatIsNotARecordOrBean() {
        assertThatThrownBy(() -> OutputFields.forType(String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wrap the prediction in a record");
    }
}
