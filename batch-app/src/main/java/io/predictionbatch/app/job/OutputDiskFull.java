package io.predictionbatch.app.job;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.predictionbatch.app.input.Slice;
import io.predictionbatch.app.output.ByteSizes;
import io.predictionbatch.app.output.OutputDiskFullException;
import io.predictionbatch.app.output.PartFiles;
import io.predictionbatch.app.output.PartWriters;
import io.predictionbatch.app.partition.ByteRangePartitioner;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Names a full output disk as the reason a partition or the output's assembly failed: which disk,
 * how much is free, and about how much the job needs there. Without it the user sees "Could not
 * write to output buffer" or a bare {@code IOException}, and has to guess how much to free before
 * a restart, which resumes the job from its last committed chunk once there is room.
 *
 * <p>The need is estimated from what is written: the bytes a prediction takes so far, times the
 * records of the input, and as much again while the part files are joined into the output.
 */
final class OutputDiskFull {

    /** Less than this free counts as full even when the error does not say so (a partly written buffer). */
    private static final long NEARLY_FULL = 1 << 20;

    private OutputDiskFull() {
    }

    /** The reason the step failed with these failures, when they are input/output errors on a full output disk. */
    static Optional<OutputDiskFullException> diagnose(StepExecution step, List<Throwable> failures) {
        PredictionJobParameters parameters = PredictionJobParameters.from(step.getJobParameters());
        if (parameters.toTable() || failures.stream().noneMatch(OutputDiskFull::isIoFailure)) {
            return Optional.empty();
        }
        FileStore disk;
        long free;
        try {
            disk = Files.getFileStore(parameters.output().getParent());
            free = disk.getUsableSpace();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (free >= NEARLY_FULL && failures.stream().noneMatch(OutputDiskFull::saysNoSpace)) {
            return Optional.empty();
        }
        PartFiles parts = PartFiles.of(parameters.output(), step.getJobExecution().getJobInstance().getInstanceId());
        return Optional.of(new OutputDiskFullException("the output disk is full: " + disk + " has "
                + ByteSizes.readable(free) + " free. " + need(step, parts, parameters.output(), free)));
    }

    /**
     * Records the reason on a partition that failed, first in its exit description (which holds the
     * failure's stack trace and is cut to a length when stored, so a reason added at its end could be lost).
     */
    static void recordOn(StepExecution partition, JobRepository jobRepository) {
        if (partition.getStatus() != BatchStatus.FAILED) {
            return;
        }
        diagnose(partition, partition.getFailureExceptions()).ifPresent(full -> {
            partition.addFailureException(full);
            ExitStatus failed = partition.getExitStatus();
            partition.setExitStatus(new ExitStatus(failed.getExitCode(), full + "\n" + failed.getExitDescription()));
            jobRepository.update(partition);
        });
    }

    private static String need(StepExecution step, PartFiles parts, Path output, long free) {
        long written = parts.bytes();
        ExecutionContext context = step.getExecutionContext();
        long predictions;
        String basis;
        if (Slice.isIn(context)) {
            // A partition: its bytes per prediction (over all its runs), times the file's records.
            long rows = context.getLong(PartWriters.writtenKey(PartitionComponents.PREDICTIONS_WRITER), 0);
            long fileRecords = context.getLong(ByteRangePartitioner.FILE_RECORDS, 0);
            if (rows == 0 || fileRecords == 0) {
                return "No prediction is written yet to estimate the space the job needs from; free some there";
            }
            Slice slice = Slice.readFrom(context);
            predictions = parts.predictions(slice.index()).toFile().length() * fileRecords / rows;
            basis = String.format(Locale.ROOT, "about %s of predictions (estimated from the %,d written so far)",
                    ByteSizes.readable(predictions), rows);
        } else {
            // The assembly: every prediction is in the part files.
            predictions = written;
            basis = ByteSizes.readable(predictions) + " of predictions";
        }
        long total = 2 * predictions;
        long more = Math.max(0, total - written - free);
        return "The job needs " + basis + " and as much again while they are joined into " + output.getFileName()
                + ", " + ByteSizes.readable(total) + " in all, of which " + ByteSizes.readable(written)
                + " is written: free at least " + ByteSizes.readable(more) + " there";
    }

    private static boolean isIoFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static boolean saysNoSpace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && (message.contains("No space left on device") || message.contains("quota"))) {
                return true;
            }
        }
        return false;
    }
}
