package io.predictionbatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WaitParameterTest {

    @Test
    void wholeSecondsAreSentAsSecondsAndTheRestAsMilliseconds() {
        assertThat(WaitParameter.format(Duration.ofSeconds(2))).isEqualTo("2s");
        assertThat(WaitParameter.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(WaitParameter.format(Duration.ofMinutes(1))).isEqualTo("60s");
    }

    @Test
    void aFractionOfAMillisecondRoundsUpSoThatAlmostTenSecondsAsksForTen() {
        assertThat(WaitParameter.format(Duration.ofNanos(9_999_600_000L))).isEqualTo("10s");
        assertThat(WaitParameter.format(Duration.ofNanos(1))).isEqualTo("1ms");
    }
}
