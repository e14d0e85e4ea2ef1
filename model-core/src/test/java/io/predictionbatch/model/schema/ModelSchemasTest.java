package io.predictionbatch.model.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.predictionbatch.model.MLModel;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ModelSchemasTest {

    @Retention(RetentionPolicy.RUNTIME)
    @interface Nullable {
    }

    @JsonClassDescription("Measurements of one iris flower")
    record FlowerInput(@JsonProperty("sepal_length") @JsonPropertyDescription("Sepal length in cm") double sepalLength,
                       @JsonProperty("petal_count") int petalCount,
                       @JsonProperty("garden") String garden,
                       @Nullable @JsonProperty("note") String note) {
    }

    enum Species {
        @JsonProperty("setosa") SETOSA,
        @JsonProperty("virginica") VIRGINICA
    }

    record FlowerOutput(@JsonProperty("species") Species species, @JsonProperty("level") byte level) {
    }

    static final class FlowerModel implements MLModel<FlowerInput, FlowerOutput> {
        @Override
        public String qualifiedName() {
            return "flower_model";
        }

        @Override
        public String displayName() {
            return "Flower";
        }

        @Override
        public String description() {
            return "Test model";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public Class<FlowerInput> inputType() {
            return FlowerInput.class;
        }

        @Override
        public Class<FlowerOutput> outputType() {
            return FlowerOutput.class;
        }

        @Override
        public FlowerOutput predict(FlowerInput input) {
            return new FlowerOutput(Species.SETOSA, (byte) 1);
        }
    }

    @Test
    void describesInputWithJsonNamesInDeclarationOrder() {
        ObjectNode schema = ModelSchemas.inputSchema(new FlowerModel());

        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("type").asString()).isEqualTo("object");
        assertThat(names(schema.get("properties").propertyNames()))
                .containsExactly("sepal_length", "petal_count", "garden", "note");
        assertThat(schema.at("/properties/sepal_length/type").asString()).isEqualTo("number");
        assertThat(schema.at("/properties/petal_count/type").asString()).isEqualTo("integer");
        assertThat(schema.at("/properties/garden/type").asString()).isEqualTo("string");
    }

    @Test
    void requiresEveryFieldButNullableOnes() {
        ObjectNode schema = ModelSchemas.inputSchema(new FlowerModel());

        assertThat(names(schema.get("required").values().stream().map(JsonNode::asString).toList()))
                .containsExactly("sepal_length", "petal_count", "garden");
    }

    @Test
    void takesDescriptionsFromJacksonAnnotations() {
        ObjectNode schema = ModelSchemas.schemaOf(FlowerInput.class);

        assertThat(schema.get("description").asString()).isEqualTo("Measurements of one iris flower");
        assertThat(schema.at("/properties/sepal_length/description").asString()).isEqualTo("Sepal length in cm");
    }

    @Test
    void listsEnumJsonValuesInOutputSchema() {
        ObjectNode schema = ModelSchemas.outputSchema(new FlowerModel());

        assertThat(schema.at("/properties/species/enum").values()).extracting(JsonNode::asString)
                .containsExactly("setosa", "virginica");
        assertThat(schema.at("/properties/level/type").asString()).isEqualTo("integer");
    }

    @Test
    void returnsACopyTheCallerMayChange() {
        ModelSchemas.schemaOf(FlowerInput.class).put("title", "changed");

        assertThat(ModelSchemas.schemaOf(FlowerInput.class).has("title")).isFalse();
    }

    private static List<String> names(Iterable<String> names) {
        List<String> list = new ArrayList<>();
        names.forEach(list::add);
        return list;
    }
}
