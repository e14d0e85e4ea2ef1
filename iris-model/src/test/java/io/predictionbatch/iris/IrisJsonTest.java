package io.predictionbatch.iris;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class IrisJsonTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void readsAnInputFromTheDataSetsColumnNames() {
        String json = "{\"sepal_length\":5.0,\"sepal_width\":3.2,\"petal_length\":1.2,\"petal_width\":0.2}";

        assertThat(mapper.readValue(json, IrisInput.class)).isEqualTo(new IrisInput(5.0, 3.2, 1.2, 0.2));
    }

    @Test
    void writesTheSpeciesInLowercase() {
        assertThat(mapper.writeValueAsString(IrisPrediction.VERSICOLOR)).isEqualTo("{\"species\":\"versicolor\"}");
    }
}
