package io.predictionbatch.model.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ModelVersionsTest {

    @Test
    void ordersNumbersAsNumbersAndPreReleasesBeforeTheirRelease() {
        List<String> sorted = Stream.of("1.10.0", "1.0.0", "2", "1.9.2", "1.0.0-rc2", "1.0.0-rc1", "1.0.1", "1.0")
                .sorted(ModelVersions.ORDER).toList();

        assertThat(sorted).containsExactly("1.0", "1.0.0-rc1", "1.0.0-rc2", "1.0.0", "1.0.1", "1.9.2", "1.10.0", "2");
    }

    @Test
    void ordersDatesAndTextAndFindsEqualVersionsEqual() {
        assertThat(ModelVersions.compare("2024.06", "2023.12")).isPositive();
        assertThat(ModelVersions.compare("v2", "v10")).isNegative();
        assertThat(ModelVersions.compare("beta", "alpha")).isPositive();
        assertThat(ModelVersions.compare("1.0.0", "1.0.0")).isZero();
        assertThat(ModelVersions.compare("123456789012345678901234567890", "9")).isPositive();
    }

    @Test
    void readsAReferenceWithOrWithoutItsVersion() {
        assertThat(ModelReference.parse("iris_model")).isEqualTo(new ModelReference("iris_model", null));
        assertThat(ModelReference.parse("iris_model@1.0.0")).isEqualTo(new ModelReference("iris_model", "1.0.0"));
        assertThat(ModelReference.parse("iris_model@1.0.0").toString()).isEqualTo("iris_model@1.0.0");
    }
}
