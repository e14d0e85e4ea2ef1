package io.predictionbatch.app.job;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Records which process runs a job execution, so that {@code restart} can tell an execution whose
 * process died (left STARTED in the repository) from one still running.
 */
public final class JobOwnerListener implements JobExecutionListener {

    private static final String PID = "owner.pid";
    private static final String HOST = "owner.host";

    private final JobRepository jobRepository;

    public JobOwnerListener(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        ExecutionContext context = jobExecution.getExecutionContext();
        context.putLong(PID, ProcessHandle.current().pid());
        context.putString(HOST, hostName());
        jobRepository.updateExecutionContext(jobExecution);
    }

    /** The process that runs or ran an execution, as it recorded itself when the execution began. */
    public record Owner(long pid, String host) {

        /** Whether it is known to be gone: on this host, and no such process alive. */
        public boolean isGone() {
            return hostName().equals(host) && ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
        }
    }

    /** The execution's owner, once it has recorded itself. */
    public static Optional<Owner> ownerOf(JobExecution jobExecution) {
        ExecutionContext context = jobExecution.getExecutionContext();
        return context.containsKey(PID) ? Optional.of(new Owner(context.getLong(PID), context.getString(HOST, "")))
                : Optional.empty();
    }

    /** Whether the process that ran this execution is known to be gone (same host, no such pid). */
    public static boolean ownerIsGone(JobExecution jobExecution) {
        return ownerOf(jobExecution).map(Owner::isGone).orElse(false);
    }

    /** Describes the owner for messages: {@code pid 123 on host-a}. */
    public static String owner(JobExecution jobExecution) {
        ExecutionContext context = jobExecution.getExecutionContext();
        return context.containsKey(PID)
                ? "pid " + context.getLong(PID) + " on " + context.getString(HOST, "?")
                : "an unknown process";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
