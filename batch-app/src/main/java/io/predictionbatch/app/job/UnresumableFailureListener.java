package io.predictionbatch.app.job;

import java.io.IOException;
import java.nio.file.Files;

import io.predictionbatch.app.input.InputChangedException;
import io.predictionbatch.app.output.PartFiles;
import io.predictionbatch.app.output.RejectedRecord;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.skip.SkipLimitExceededException;

/**
 * A job that failed in a way a restart would only repeat is over: past its error threshold
 * ({@code --max-errors}, {@code --max-error-rate}: the same input fails the same way), or on an
 * input that changed since it was planned (its partitions no longer match the file). It delivers
 * the errors file with every record rejected so far (what the user needs to fix the input),
 * removes its part files, and ends with the exit code {@value #EXIT_CODE}, which {@code restart}
 * refuses with the advice that fits: run {@code predict} again.
 */
public final class UnresumableFailureListener implements JobExecutionListener {

    public static final String EXIT_CODE = "FAILED_FINAL";

    private static final Log log = LogFactory.getLog(UnresumableFailureListener.class);

    @Override
    public void afterJob(JobExecution job) {
        if (job.getStatus() != BatchStatus.FAILED) {
            return;
        }
        PredictionJobParameters parameters = PredictionJobParameters.from(job.getJobParameters());
        String reason = unresumableReason(job, parameters);
        if (reason == null) {
            return;
        }
        String delivered = parameters.errorsDescription();
        if (!parameters.toTable()) {
            try {
                deliverRejects(parameters, job.getJobInstance().getInstanceId());
            } catch (IOException | RuntimeException e) {
                log.error("Cannot deliver the rejected records of job " + job.getJobInstance().getInstanceId(), e);
                delivered = "the part files beside the output (they could not be joined: " + e.getMessage() + ")";
            }
        }
        job.setExitStatus(new ExitStatus(EXIT_CODE, reason + "; the records rejected so far are in " + delivered
                + ". Run predict again" + (reason.startsWith("Input file") ? "" : " once the input is fixed")
                + " (this job cannot be resumed: it would fail the same way)"));
    }

    /** Why a restart would fail the same way, or {@code null} when it might not. */
    private static String unresumableReason(JobExecution job, PredictionJobParameters parameters) {
        for (StepExecution step : job.getStepExecutions()) {
            for (Throwable failure : step.getFailureExceptions()) {
                for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                    if (cause instanceof ErrorThresholdExceededException exceeded) {
                        return exceeded.getMessage().replaceFirst("; the rejected records are in .*$", "");
                    }
                    if (cause instanceof SkipLimitExceededException) {
                        return countExceeded(parameters);
                    }
                    if (cause instanceof InputChangedException changed) {
                        return changed.getMessage().replaceFirst("; start a new job .*$", "");
                    }
                }
            }
            // A partition that failed on a remote worker: only its recorded exit description is here.
            String description = step.getExitStatus().getExitDescription();
            if (step.getStatus() == BatchStatus.FAILED && description != null) {
                if (description.contains(SkipLimitExceededException.class.getName())) {
                    return countExceeded(parameters);
                }
                if (description.contains(InputChangedException.class.getName())) {
                    return "Input file '" + parameters.input() + "' changed since the job was planned";
                }
            }
        }
        return null;
    }

    private static String countExceeded(PredictionJobParameters parameters) {
        return "more than " + parameters.errorThreshold().maxErrors() + " records were rejected (--max-errors "
                + parameters.errorThreshold().maxErrors() + ")";
    }

    /** The committed rejects of every partition, in input order, as the errors file; then no part file is left. */
    private static void deliverRejects(PredictionJobParameters parameters, long jobInstanceId) throws IOException {
        PartFiles parts = PartFiles.of(parameters.output(), jobInstanceId);
        if (!Files.isDirectory(parts.folder())) {
            return; // assembled and cleaned already
        }
        AssembleOutputTasklet.concatenate(parameters.outputFormat().rows(RejectedRecord.COLUMNS).header(),
                parts.rejectsInOrder(), parameters.errors());
        parts.delete();
    }
}
