package io.predictionbatch.app.partition.redis;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;

/**
 * Whether a partition run on a worker ended in a way the step could not record itself, and what
 * to record then: a pure decision, tested without a database, that {@link PartitionWorker} carries
 * out. A failure before the step started (the input missing on this machine, say) or while the
 * database was unreachable leaves the execution unrecorded; a failure caused by unreachable
 * infrastructure gets the exit code {@value TransientFailures#EXIT_CODE}, which tells the manager
 * to run the partition again rather than fail the job.
 */
final class UnrecordedEnd {

    private UnrecordedEnd() {
    }

    /** The exit status to record, or empty when the step recorded how it ended. */
    static Optional<ExitStatus> exitStatus(BatchStatus status, LocalDateTime endTime, List<Throwable> failures,
            String worker) {
        boolean transientFailure = failures.stream().anyMatch(TransientFailures::isTransient);
        boolean unrecorded = status == BatchStatus.UNKNOWN || status == BatchStatus.FAILED && endTime == null;
        if (!unrecorded && !(transientFailure && status == BatchStatus.FAILED)) {
            return Optional.empty();
        }
        String reasons = failures.stream().map(Throwable::toString).reduce((a, b) -> a + "; " + b).orElse("unknown");
        String description = "On worker " + worker + ": " + reasons;
        return Optional.of(transientFailure ? new ExitStatus(TransientFailures.EXIT_CODE, description)
                : ExitStatus.FAILED.addExitDescription(description));
    }
}
