package io.predictionbatch.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class IdleTimerTest {

    private final IdleTimer timer = new IdleTimer(Duration.ofSeconds(30), 0);

    @Test
    void aServerNoClientEverReachedStopsOneTimeoutAfterItStarted() {
        assertThat(timer.expired(0, 29_999)).isFalse();
        assertThat(timer.expired(0, 30_000)).isTrue();
    }

    @Test
    void theTimeoutCountsFromTheLastTimeAClientWasSeen() {
        assertThat(timer.expired(3, 25_000)).isFalse();
        assertThat(timer.expired(0, 50_000)).isFalse();
        assertThat(timer.expired(0, 55_000)).isTrue();
    }

    @Test
    void aConnectedClientKeepsTheServerHoweverLongItStays() {
        assertThat(timer.expired(1, 1_000_000)).isFalse();
    }
}
