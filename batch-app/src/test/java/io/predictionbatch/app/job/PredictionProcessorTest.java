package io.predictionbatch.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.predictionbatch.app.input.InputRecord;
import io.predictionbatch.app.output.PredictionRow;
import io.predictionbatch.model.MLModel;
import io.predictionbatch.model.ModelException;
import io.predictionbatch.model.SchemaValidationException;
import io.predictionbatch.model.registry.HostedModel;
import io.predictionbatch.model.registry.ModelRegistry;
import org.junit.jupiter.api.Test;

class PredictionProcessorTest {

    private static final HostedModel<?, ?> IRIS =
            ModelRegistry.create(List.of(), PredictionProcessorTest.class.getClassLoader()).get("iris_model");
    private static final List<String> COLUMNS =
            List.of("id", "sepal_length", "sepal_width", "petal_length", "petal_width", "species");

    /** The row of a block of one record, which must be predicted. */
    private static PredictionRow row(PredictionProcessor<?, ?> processor, InputRecord record) {
        PredictedBlock block = processor.process(List.of(record));
        assertThat(block.rejections()).isEmpty();
        assertThat(block.records()).isEqualTo(1);
        return block.rows().get(0);
    }

    /** Why a block of one record rejected it. */
    private static RuntimeException rejection(PredictionProcessor<?, ?> processor, InputRecord record) {
        PredictedBlock block = processor.process(List.of(record));
        assertThat(block.rows()).isEmpty();
        assertThat(block.rejections()).singleElement().extracting(PredictedBlock.Rejection::record).isSameAs(record);
        return block.rejections().get(0).cause();
    }

    @Test
    void scoresACsvRecordAndCarriesItsLineAndKey() {
        var processor = new PredictionProcessor<>(IRIS, COLUMNS, "id");

        PredictionRow row = row(processor, InputRecord.csv(7, new String[] {"a-1", "5.0", "3.2", "1.2", "0.2", ""}));

        assertThat(row.line()).isEqualTo(7);
        assertThat(row.key()).isEqualTo("a-1");
        assertThat(row.outputs()).containsExactly("setosa");
    }

    @Test
    void rejectsANonNumericFieldNamingFieldAndValue() {
        var processor = new PredictionProcessor<>(IRIS, COLUMNS, null);

        assertThat(rejection(processor,
                InputRecord.csv(3, new String[] {"1", "5.0", "3.2", "1.2", "asdfg", "setosa"})))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessageContaining("petal_width: 'asdfg' is not a number");
    }

    @Test
    void rejectsACsvRowWithTheWrongNumberOfValues() {
        var processor = new PredictionProcessor<>(IRIS, COLUMNS, null);

        assertThat(rejection(processor, InputRecord.csv(3, new String[] {"1", "5.0", "3.2"})))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("has 3 values but the header has 6 columns");
    }

    @Test
    void scoresAJsonLineAndKeepsTheKeysJsonType() {
        var processor = new PredictionProcessor<>(IRIS, List.of(), "id");

        PredictionRow row = row(processor, InputRecord.json(1,
                "{\"id\":42,\"sepal_length\":6.3,\"sepal_width\":3.3,\"petal_length\":6.0,\"petal_width\":2.5}"));

        assertThat(row.key()).isEqualTo(42);
        assertThat(row.outputs()).containsExactly("virginica");
    }

    @Test
    void rejectsABrokenJsonLineWithAReason() {
        var processor = new PredictionProcessor<>(IRIS, List.of(), "id");

        assertThat(rejection(processor, InputRecord.json(1, "{\"id\":1,\"sepal_length\":")))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessageContaining("$:");
    }

    @Test
    void keepsAJsonKeysExactValueWhereverItStands() {
        var processor = new PredictionProcessor<>(IRIS, List.of(), "id");
        String fields = "\"sepal_length\":6.3,\"sepal_width\":3.3,\"petal_length\":6.0,\"petal_width\":2.5";

        assertThat(row(processor, InputRecord.json(1, "{" + fields + ",\"meta\":{\"id\":0},\"id\":1e309}")).key())
                .isEqualTo(new BigDecimal("1e309"));
        assertThat(row(processor, InputRecord.json(2, "{\"id\":[1,\"a\"]," + fields + "}")).key())
                .isEqualTo(List.of(1, "a"));
        assertThat(row(processor, InputRecord.json(3, "{\"id\":null," + fields + "}")).key()).isNull();
        assertThat(row(processor, InputRecord.json(4, "{" + fields + "}")).key()).isNull();
        assertThat(row(processor, InputRecord.json(5, "{\"note\":NaN," + fields + ",\"id\":7}")).key())
                .as("a NaN in a field nobody reads, which the binder accepts").isEqualTo(7);
    }

    @Test
    void rejectsARecordTheReaderFoundAProblemWith() {
        var processor = new PredictionProcessor<>(IRIS, COLUMNS, null);

        assertThat(rejection(processor, InputRecord.malformed(5, "1,\"6.4\"x", "bad quoting: text after")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("bad quoting: text after");
    }

    /** Doubles x; refuses a negative x, and counts how it was called. */
    public static final class DoublingModel implements MLModel<DoublingModel.In, DoublingModel.Out> {
        public record In(double x) {
        }

        public record Out(double y) {
        }

        final List<Integer> listCalls = new ArrayList<>();
        int singleCalls;

        @Override
        public String qualifiedName() {
            return "doubling";
        }

        @Override
        public String displayName() {
            return "Doubling";
        }

        @Override
        public String description() {
            return "Doubles x";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public Class<In> inputType() {
            return In.class;
        }

        @Override
        public Class<Out> outputType() {
            return Out.class;
        }

        @Override
        public Out predict(In input) {
            singleCalls++;
            if (input.x() < 0) {
                throw new ModelException("x must not be negative");
            }
            return new Out(2 * input.x());
        }

        @Override
        public List<Out> predict(List<In> inputs) {
            listCalls.add(inputs.size());
            if (inputs.stream().anyMatch(input -> input.x() < 0)) {
                throw new ModelException("a record has a negative x");
            }
            return inputs.stream().map(input -> new Out(2 * input.x())).toList();
        }
    }

    @Test
    void predictsABlockInOneCallAndKeepsItsRowsAndRejectionsInInputOrder() {
        DoublingModel model = new DoublingModel();
        var processor = new PredictionProcessor<>(HostedModel.of(model), List.of("x"), null);
        List<InputRecord> block = List.of(InputRecord.csv(2, new String[] {"1"}), InputRecord.csv(3, new String[] {"a"}),
                InputRecord.csv(4, new String[] {"3"}), InputRecord.malformed(5, "4,", "bad quoting"),
                InputRecord.csv(6, new String[] {"5"}));

        PredictedBlock predicted = processor.process(block);

        assertThat(predicted.records()).isEqualTo(5);
        assertThat(predicted.rows()).extracting(PredictionRow::line).containsExactly(2L, 4L, 6L);
        assertThat(predicted.rows()).extracting(row -> row.outputs()[0]).containsExactly(2.0, 6.0, 10.0);
        assertThat(predicted.rejections()).extracting(rejection -> rejection.record().line()).containsExactly(3L, 5L);
        assertThat(predicted.rejections().get(0).cause()).isInstanceOf(SchemaValidationException.class)
                .hasMessageContaining("x: 'a' is not a number");
        assertThat(predicted.rejections().get(1).cause()).isInstanceOf(MalformedRecordException.class)
                .hasMessage("bad quoting");
        assertThat(model.listCalls).containsExactly(3);
        assertThat(model.singleCalls).isZero();
    }

    @Test
    void predictsOneByOneWhenTheModelRefusesTheBlockSoOnlyTheBadRecordIsRejected() {
        DoublingModel model = new DoublingModel();
        var processor = new PredictionProcessor<>(HostedModel.of(model), List.of("x"), null);
        List<InputRecord> block = List.of(InputRecord.csv(2, new String[] {"1"}), InputRecord.csv(3, new String[] {"-1"}),
                InputRecord.csv(4, new String[] {"3"}));

        PredictedBlock predicted = processor.process(block);

        assertThat(predicted.rows()).extracting(row -> row.outputs()[0]).containsExactly(2.0, 6.0);
        assertThat(predicted.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.record()).isSameAs(block.get(1));
            assertThat(rejection.cause()).isInstanceOf(ModelException.class).hasMessage("x must not be negative");
        });
        assertThat(model.listCalls).containsExactly(3);
        assertThat(model.singleCalls).isEqualTo(3);
    }
}
