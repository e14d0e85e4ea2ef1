package io.predictionbatch.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.predictionbatch.app.config.PredictionBatchProperties;
import org.junit.jupiter.api.Test;

class ItemObservationsTest {

    @Test
    void perRecordObservationsAreLeftOutUnlessAskedForAndStepsAreAlwaysObserved() {
        ObservationPredicate byDefault = new PredictionJobConfiguration().itemObservations(properties(false));
        ObservationPredicate asked = new PredictionJobConfiguration().itemObservations(properties(true));

        assertThat(byDefault.test("spring.batch.item.process", new Observation.Context())).isFalse();
        assertThat(byDefault.test("spring.batch.item.read", new Observation.Context())).isFalse();
        assertThat(byDefault.test("spring.batch.step", new Observation.Context())).isTrue();
        assertThat(byDefault.test("spring.batch.job", new Observation.Context())).isTrue();
        assertThat(asked.test("spring.batch.item.process", new Observation.Context())).isTrue();
    }

    private static PredictionBatchProperties properties(boolean itemMetrics) {
        return new PredictionBatchProperties(0, 5000, 0, 500, itemMetrics);
    }
}
