package io.predictionbatch.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import io.predictionbatch.app.input.InvalidInputException;
import io.predictionbatch.app.job.ErrorThresholdExceededException;
import io.predictionbatch.app.output.OutputDiskFullException;
import org.junit.jupiter.api.Test;

class FailureMessagesTest {

    @Test
    void prefersTheUserFacingCauseOverTheFrameworkWrapper() {
        Exception failure = new IllegalStateException("Unable to process chunk",
                new RuntimeException("wrapper", new InvalidInputException("Line 3: a quoted field never closes")));

        assertThat(FailureMessages.describe(failure)).isEqualTo("Line 3: a quoted field never closes");
    }

    @Test
    void findsTheReasonInAStoredStackTrace() {
        String stored = """
                org.springframework.batch.core.step.FatalStepExecutionException: Unable to process chunk
                \tat org.springframework.batch.core.step.item.ChunkOrientedStep.x(ChunkOrientedStep.java:1)
                Caused by: %s: 11 of 100 records (11.00%%) were rejected
                \tat io.predictionbatch.app.job.AssembleOutputTasklet.execute(AssembleOutputTasklet.java:1)
                """.formatted(ErrorThresholdExceededException.class.getName());

        assertThat(FailureMessages.describeStored(stored)).isEqualTo("11 of 100 records (11.00%) were rejected");
    }

    @Test
    void fallsBackToTheDeepestCause() {
        String stored = "java.lang.IllegalStateException: outer\nCaused by: java.io.IOException: disk full\n";

        assertThat(FailureMessages.describeStored(stored)).isEqualTo("java.io.IOException: disk full");
        assertThat(FailureMessages.describeStored(null)).isEqualTo("no reason recorded");
    }

    @Test
    void findsAUserFacingReasonAddedAfterTheFailureItExplains() {
        Exception framework = new IllegalStateException("Could not write to output buffer", new IOException("short"));
        Exception full = new OutputDiskFullException("the output disk is full: /data (ext4) has 0 B free");
        String stored = full + "\n" + framework + "\n\tat x.y(Z.java:1)";

        assertThat(FailureMessages.describe(List.of(framework, full), "ignored")).isEqualTo(full.getMessage());
        assertThat(FailureMessages.describeStored(stored)).isEqualTo(full.getMessage());
    }
}
