package io.predictionbatch.model.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.predictionbatch.model.DeclaredField;
import io.predictionbatch.model.DeclaredField.Type;
import io.predictionbatch.model.DeclaredModel;
import io.predictionbatch.model.FieldValues;
import io.predictionbatch.model.ModelException;
import io.predictionbatch.model.SchemaValidationException;
import io.predictionbatch.model.registry.HostedModel;
import io.predictionbatch.model.schema.ModelSchemas;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A model whose fields are declared as data is bound, flattened and described like a Java one. */
class DeclaredModelBindingTest {

    /** Scales x by n (1 when absent), and says whether the label was given. */
    static final class ScaleModel implements DeclaredModel {
        static final List<String> OUTPUT = List.of("scaled", "labelled");

        @Override
        public String qualifiedName() {
            return "scale";
        }

        @Override
        public String displayName() {
            return "Scale";
        }

        @Override
        public String description() {
            return "Scales a number";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public List<DeclaredField> inputFields() {
            return List.of(new DeclaredField("x", Type.DOUBLE, "The number", false),
                    new DeclaredField("n", Type.INTEGER, "", true), DeclaredField.of("label", Type.STRING),
                    DeclaredField.of("flag", Type.BOOLEAN), DeclaredField.of("f", Type.FLOAT));
        }

        @Override
        public List<DeclaredField> outputFields() {
            return List.of(DeclaredField.of("scaled", Type.DOUBLE), DeclaredField.of("labelled", Type.BOOLEAN));
        }

        @Override
        public FieldValues predict(FieldValues input) {
            long n = input.get(1) == null ? 1 : (Long) input.get(1);
            return new FieldValues(OUTPUT, input.number(0) * n, !((String) input.get(2)).isEmpty());
        }
    }

    private final HostedModel<FieldValues, FieldValues> hosted = HostedModel.of(new ScaleModel());

    @Test
    void bindsTextAndJsonToTheDeclaredTypes() {
        Map<String, String> row = new HashMap<>(Map.of("x", " 2.5", "label", " a ", "flag", "TRUE", "f", "1.5"));
        row.put("n", null);

        FieldValues fromText = hosted.binder().bindText(row);
        FieldValues fromJson = hosted.binder().bindJson("{\"x\": 2.5, \"n\": 3, \"label\": \" a \", \"flag\": true,"
                + " \"f\": \"1.5\", \"other\": [1]}");

        assertThat(fromText.toArray()).containsExactly(2.5, null, " a ", true, 1.5f);
        assertThat(fromJson.toArray()).containsExactly(2.5, 3L, " a ", true, 1.5f);
        assertThat(hosted.binder().fieldNames()).containsExactly("x", "n", "label", "flag", "f");
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        assertThatThrownBy(() -> hosted.binder().bindJson("{\"x\": \"abc\", \"n\": 2.5, \"flag\": 1, \"f\": 1e39}"))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessageContaining("x: 'abc' is not a number")
                .hasMessageContaining("n: '2.5'")
                .hasMessageContaining("label: is missing")
                .hasMessageContaining("flag:")
                .hasMessageContaining("f: '1.0E39' is out of range");
    }

    @Test
    void flattensPredictionsAndWritesThemAsJsonObjects() {
        FieldValues prediction = hosted.model().predict(hosted.binder().bindJson(
                "{\"x\": 2, \"n\": 3, \"label\": \"b\", \"flag\": false, \"f\": 0}"));

        assertThat(hosted.outputFields().fieldNames()).containsExactly("scaled", "labelled");
        assertThat(hosted.outputFields().values(prediction)).containsExactly(6.0, true);
        assertThat(JsonMapper.shared().writeValueAsString(prediction)).isEqualTo("{\"scaled\":6.0,\"labelled\":true}");
    }

    @Test
    void refusesAPredictionThatIsNotOfTheDeclaredFields() {
        FieldValues wrong = new FieldValues(List.of("scaled"), 1.0);

        assertThatThrownBy(() -> hosted.outputFields().values(wrong))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("instead of a record of [scaled, labelled]");
    }

    @Test
    void describesTheFieldsInJsonSchema() {
        var input = ModelSchemas.inputSchema(hosted.model());

        assertThat(input.at("/properties/x/type").asString()).isEqualTo("number");
        assertThat(input.at("/properties/x/description").asString()).isEqualTo("The number");
        assertThat(input.at("/properties/n/type").asString()).isEqualTo("integer");
        assertThat(input.at("/properties/flag/type").asString()).isEqualTo("boolean");
        assertThat(input.get("required").values()).extracting(node -> node.asString())
                .containsExactly("x", "label", "flag", "f");
        assertThat(ModelSchemas.outputSchema(hosted.model()).get("properties").propertyNames())
                .containsExactly("scaled", "labelled");
    }

    @Test
    void refusesTwoFieldsWithOneName() {
        assertThatThrownBy(() -> RecordBinder.forFields(List.of(DeclaredField.of("a", Type.FLOAT),
                DeclaredField.of("a", Type.DOUBLE))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Two input fields are named 'a'");
    }
}
