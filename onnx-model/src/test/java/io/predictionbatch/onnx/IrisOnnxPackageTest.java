package io.predictionbatch.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.predictionbatch.iris.IrisInput;
import io.predictionbatch.iris.IrisModel;
import io.predictionbatch.model.FieldValues;
import io.predictionbatch.model.SchemaValidationException;
import io.predictionbatch.model.registry.HostedModel;
import io.predictionbatch.model.schema.ModelSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped ONNX package of the Iris SVC ({@code models/iris-onnx}, made from iris-model's LIBSVM
 * model by {@code iris-model/onnx/libsvm_to_onnx.py}) predicts exactly what the LIBSVM model does.
 */
class IrisOnnxPackageTest {

    static final Path PACKAGE = Path.of("..", "models", "iris-onnx");
    private static final Path IRIS_CSV = Path.of("..", "sample-data", "iris.csv");

    private static HostedModel<FieldValues, FieldValues> onnx;
    private static final IrisModel LIBSVM = new IrisModel();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() {
        onnx = (HostedModel<FieldValues, FieldValues>) (HostedModel<?, ?>) HostedModel.of(OnnxModel.load(PACKAGE));
    }

    @Test
    void describesItselfFromItsDescriptor() {
        assertThat(onnx.qualifiedName()).isEqualTo("iris_onnx");
        assertThat(onnx.version()).isEqualTo("1.0.0");
        assertThat(onnx.binder().fieldNames()).containsExactly("sepal_length", "sepal_width", "petal_length",
                "petal_width");
        assertThat(onnx.outputFields().fieldNames()).containsExactly("species");
        assertThat(ModelSchemas.inputSchema(onnx.model()).at("/properties/petal_width/type").asString())
                .isEqualTo("number");
        assertThat(ModelSchemas.inputSchema(onnx.model()).at("/properties/petal_width/description").asString())
                .isEqualTo("Width of the petal, in centimetres");
        assertThat(ModelSchemas.outputSchema(onnx.model()).at("/required/0").asString()).isEqualTo("species");
    }

    @Test
    void predictsWhatTheLibsvmModelPredictsOnTheIrisData() throws IOException {
        List<String> lines = Files.readAllLines(IRIS_CSV);
        List<String> header = List.of(lines.get(0).split(","));
        List<FieldValues> records = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            Map<String, String> fields = new java.util.HashMap<>();
            for (int i = 0; i < cells.length; i++) {
                fields.put(header.get(i), cells[i]);
            }
            records.add(onnx.binder().bindText(fields));
            expected.add(LIBSVM.predict(new IrisInput(Double.parseDouble(fields.get("sepal_length")),
                    Double.parseDouble(fields.get("sepal_width")), Double.parseDouble(fields.get("petal_length")),
                    Double.parseDouble(fields.get("petal_width")))).species());
        }

        assertThat(records).hasSize(150);
        assertThat(species(onnx.model().predict(records))).isEqualTo(expected);
        assertThat(records.stream().map(onnx.model()::predict).map(p -> (String) p.get(0)).toList())
                .isEqualTo(expected);
    }

    @Test
    void predictsWhatTheLibsvmModelPredictsOn100000GeneratedRows() {
        // Every value with one decimal over each measurement's whole range in the data set: more
        // records near the class boundaries than real flowers give.
        Random random = new Random(42);
        double[][] ranges = {{4.3, 7.9}, {2.0, 4.4}, {1.0, 6.9}, {0.1, 2.5}};
        List<String> names = onnx.binder().fieldNames();
        List<FieldValues> records = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int row = 0; row < 100_000; row++) {
            double[] x = new double[4];
            Object[] values = new Object[4];
            for (int i = 0; i < 4; i++) {
                int tenths = (int) Math.round(ranges[i][0] * 10)
                        + random.nextInt((int) Math.round((ranges[i][1] - ranges[i][0]) * 10) + 1);
                x[i] = Double.parseDouble(tenths / 10 + "." + tenths % 10);
                values[i] = (float) x[i];
            }
            records.add(new FieldValues(names, values));
            expected.add(LIBSVM.predict(new IrisInput(x[0], x[1], x[2], x[3])).species());
        }

        List<String> predicted = new ArrayList<>();
        for (int from = 0; from < records.size(); from += 1000) {
            predicted.addAll(species(onnx.model().predict(records.subList(from, from + 1000))));
        }

        assertThat(predicted).isEqualTo(expected);
        assertThat(expected).contains("setosa", "versicolor", "virginica");
    }

    @Test
    void bindsRecordsByTheSameRulesAsJavaModels() {
        assertThatThrownBy(() -> onnx.binder().bindJson("{\"sepal_length\": \"x\", \"sepal_width\": 1e39,"
                + " \"petal_length\": null}"))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessageContaining("sepal_length: 'x' is not a number")
                .hasMessageContaining("sepal_width")
                .hasMessageContaining("petal_length: is null")
                .hasMessageContaining("petal_width: is missing");
        FieldValues record = onnx.binder().bindJson("{\"sepal_length\": 5.1, \"sepal_width\": \"3.5\","
                + " \"petal_length\": 1.4, \"petal_width\": 0.2, \"id\": 7}");

        assertThat(record.get(1)).isEqualTo(3.5f);
        assertThat(onnx.outputFields().values(onnx.model().predict(record))).containsExactly("setosa");
    }

    private static List<String> species(List<FieldValues> predictions) {
        return predictions.stream().map(p -> (String) p.get(0)).toList();
    }
}
