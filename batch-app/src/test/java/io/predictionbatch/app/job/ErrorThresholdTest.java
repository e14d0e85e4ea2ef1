package io.predictionbatch.app.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ErrorThresholdTest {

    @Test
    void noneAllowsEveryRecordToBeRejected() {
        assertThat(ErrorThreshold.NONE.violation(10, 10)).isEmpty();
        assertThat(ErrorThreshold.NONE.countExceeded(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void countLimitIsExceededOnlyPastTheLimit() {
        ErrorThreshold threshold = new ErrorThreshold(5, 1.0);

        assertThat(threshold.violation(100, 5)).isEmpty();
        assertThat(threshold.violation(100, 6)).hasValueSatisfying(reason -> assertThat(reason).contains("--max-errors"));
    }

    @Test
    void rateLimitComparesTheShareOfRejectedRecords() {
        ErrorThreshold threshold = new ErrorThreshold(-1, 0.1);

        assertThat(threshold.violation(100, 10)).isEmpty();
        assertThat(threshold.violation(100, 11)).hasValueSatisfying(reason ->
                assertThat(reason).contains("11 of 100 records (11.00%)").contains("--max-error-rate"));
    }

    @Test
    void refusesMeaninglessLimits() {
        assertThatThrownBy(() -> new ErrorThreshold(-2, 1)).hasMessageContaining("--max-errors");
        assertThatThrownBy(() -> new ErrorThreshold(-1, 1.5)).hasMessageContaining("--max-error-rate");
    }
}
