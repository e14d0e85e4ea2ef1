package io.predictionbatch.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class JobOverviewTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 11, 26, 10, 0);

    private static JobOverview job(String status, LocalDateTime end, long total, long done, long runRecords) {
        return new JobOverview(1, 2, status, status, "", START, START, end, 2, "iris_model", "1.0.0", "in.csv", "out.csv", 2,
                total, done, done, 0, runRecords);
    }

    @Test
    void measuresTheSpeedOfTheLatestRunAndTheTimeLeftAtIt() {
        // Restarted: 600 done in all, 400 of them by this run in 4 s.
        JobOverview running = job("STARTED", null, 1000, 600, 400);
        LocalDateTime now = START.plusSeconds(4);
        assertThat(running.recordsPerSecond(now)).isEqualTo(100.0);
        assertThat(running.eta(now)).contains(Duration.ofSeconds(4));
        assertThat(running.percentDone()).isEqualTo(60.0);
    }

    @Test
    void hasNoTimeLeftOnceEndedOrBeforeItHasASpeed() {
        assertThat(job("COMPLETED", START.plusSeconds(10), 1000, 1000, 1000).eta(START.plusSeconds(60))).isEmpty();
        assertThat(job("STARTED", null, 1000, 0, 0).eta(START.plusSeconds(1))).isEmpty();
        assertThat(job("STARTING", null, 0, 0, 0).recordsPerSecond(START)).isZero();
    }

    @Test
    void anEmptyJobIsDoneWhenItEnds() {
        assertThat(job("STARTED", null, 0, 0, 0).percentDone()).isZero();
        assertThat(job("COMPLETED", START, 0, 0, 0).percentDone()).isEqualTo(100.0);
    }
}
