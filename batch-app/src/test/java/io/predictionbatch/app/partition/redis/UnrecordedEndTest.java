package io.predictionbatch.app.partition.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;
import java.nio.file.NoSuchFileException;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.dao.DataAccessResourceFailureException;

class UnrecordedEndTest {

    private static final LocalDateTime ENDED = LocalDateTime.of(2026, 11, 26, 10, 0);

    @Test
    void leavesAloneAnEndTheStepRecorded() {
        assertThat(UnrecordedEnd.exitStatus(BatchStatus.COMPLETED, ENDED, List.of(), "w:1")).isEmpty();
        assertThat(UnrecordedEnd.exitStatus(BatchStatus.STOPPED, ENDED, List.of(), "w:1")).isEmpty();
        assertThat(UnrecordedEnd.exitStatus(BatchStatus.FAILED, ENDED,
                List.of(new IllegalStateException("too many rejected records")), "w:1")).isEmpty();
    }

    @Test
    void recordsAFailureBeforeTheStepStartedWithTheWorkerAndTheReason() {
        ExitStatus exit = UnrecordedEnd.exitStatus(BatchStatus.FAILED, null,
                List.of(new NoSuchFileException("/data/in.csv")), "host:42").orElseThrow();
        assertThat(exit.getExitCode()).isEqualTo("FAILED");
        assertThat(exit.getExitDescription()).contains("On worker host:42").contains("/data/in.csv");
    }

    @Test
    void marksAFailureOnUnreachableInfrastructureAsTransientForTheManagerToRunAgain() {
        ExitStatus recorded = UnrecordedEnd.exitStatus(BatchStatus.FAILED, ENDED,
                List.of(new DataAccessResourceFailureException("down", new SocketException("reset"))), "w:1")
                .orElseThrow();
        assertThat(recorded.getExitCode()).isEqualTo(TransientFailures.EXIT_CODE);
        assertThat(UnrecordedEnd.exitStatus(BatchStatus.UNKNOWN, null, List.of(), "w:1").orElseThrow()
                .getExitDescription()).contains("unknown");
    }
}
