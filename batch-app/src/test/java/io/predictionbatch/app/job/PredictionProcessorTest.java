package io.predictionbatch.app.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import io.predictionbatch.app.input.InputRecord;
import io.predictionbatch.app.output.PredictionRow;
import io.predictionbatch.model.SchemaValidationException;
import io.predictionbatch.model.registry.HostedModel;
import io.predictionbatch.model.registry.ModelRegistry;
import org.junit.jupiter.api.Test;

class PredictionProcessorTest {

    private static final HostedModel<?, ?> IRIS =
            ModelRegistry.create(List.of(), PredictionProcessorTest.class.getClassLoader()).get("iris_model");
    private static final List<String> COLUMNS =
            List.of("id", "sepal_length", "sepal_width", "petal_length", "petal_width", "species");

    @Test
    void scoresACsvRecordAndCarriesItsLineAndKey() {
        var processor = new PredictionProcessor<>(IRIS, COLUMNS, "id");

        PredictionRow row = processor.process(InputRecord.csv(7, new String[] {"a-1", "5.0", "3.2", "1.2", "0.2", ""}));

        assertThat(row.line()).isEqualTo(7);
        assertThat(row.key()).isEqualTo("a-1");
        assertThat(row.outputs()).containsExactly("setosa");
    }

    @Test
    void rejectsANonNumericFieldNamingFieldAndValue() {
        var processor = new PredictionProcessor<>(IRIS, COLUMNS, null);

        assertThatThrownBy(() -> processor.process(
                InputRecord.csv(3, new String[] {"1", "5.0", "3.2", "1.2", "asdfg", "setosa"})))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessageContaining("petal_width: 'asdfg' is not a number");
    }

    @Test
    void rejectsACsvRowWithTheWrongNumberOfValues() {
        var processor = new PredictionProcessor<>(IRIS, COLUMNS, null);

        assertThatThrownBy(() -> processor.process(InputRecord.csv(3, new String[] {"1", "5.0", "3.2"})))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("has 3 values but the header has 6 columns");
    }

    @Test
    void scoresAJsonLineAndKeepsTheKeysJsonType() {
        var processor = new PredictionProcessor<>(IRIS, List.of(), "id");

        PredictionRow row = processor.process(InputRecord.json(1,
                "{\"id\":42,\"sepal_length\":6.3,\"sepal_width\":3.3,\"petal_length\":6.0,\"petal_width\":2.5}"));

        assertThat(row.key()).isEqualTo(42);
        assertThat(row.outputs()).containsExactly("virginica");
    }

    @Test
    void rejectsABrokenJsonLineWithAReason() {
        var processor = new PredictionProcessor<>(IRIS, List.of(), "id");

        assertThatThrownBy(() -> processor.process(InputRecord.json(1, "{\"id\":1,\"sepal_length\":")))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessageContaining("$:");
    }

    @Test
    void keepsAJsonKeysExactValueWhereverItStands() {
        var processor = new PredictionProcessor<>(IRIS, List.of(), "id");
        String fields = "\"sepal_length\":6.3,\"sepal_width\":3.3,\"petal_length\":6.0,\"petal_width\":2.5";

        assertThat(processor.process(InputRecord.json(1, "{" + fields + ",\"meta\":{\"id\":0},\"id\":1e309}")).key())
                .isEqualTo(new BigDecimal("1e309"));
        assertThat(processor.process(InputRecord.json(2, "{\"id\":[1,\"a\"]," + fields + "}")).key())
                .isEqualTo(List.of(1, "a"));
        assertThat(processor.process(InputRecord.json(3, "{\"id\":null," + fields + "}")).key()).isNull();
        assertThat(processor.process(InputRecord.json(4, "{" + fields + "}")).key()).isNull();
        assertThat(processor.process(InputRecord.json(5, "{\"note\":NaN," + fields + ",\"id\":7}")).key())
                .as("a NaN in a field nobody reads, which the binder accepts").isEqualTo(7);
    }

    @Test
    void rejectsARecordTheReaderFoundAProblemWith() {
        var processor = new PredictionProcessor<>(IRIS, COLUMNS, null);

        assertThatThrownBy(() -> processor.process(InputRecord.malformed(5, "1,\"6.4\"x", "bad quoting: text after")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("bad quoting: text after");
    }
}
