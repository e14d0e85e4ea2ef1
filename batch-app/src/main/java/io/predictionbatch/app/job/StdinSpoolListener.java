package io.predictionbatch.app.job;

import io.predictionbatch.app.input.StdinSpool;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Removes a job's spool of standard input once no run of the job can read it again: when the job
 * completed, or failed in a way a restart would only repeat. A job that may be restarted keeps it.
 */
final class StdinSpoolListener implements JobExecutionListener {

    @Override
    public void afterJob(JobExecution job) {
        boolean over = job.getStatus() == BatchStatus.COMPLETED
                || UnresumableFailureListener.EXIT_CODE.equals(job.getExitStatus().getExitCode());
        if (over) {
            PredictionJobParameters parameters = PredictionJobParameters.from(job.getJobParameters());
            StdinSpool.deleteIfSpool(parameters.input(), parameters.output());
        }
    }
}
