package io.predictionbatch.app.partition.redis;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.integration.redis.outbound.RedisQueueOutboundChannelAdapter;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.transaction.TransactionException;

/**
 * The manager side of remote partitioning: pushes one request per partition onto a Redis list
 * (Spring Integration's Redis queue adapter) and follows the partitions through the shared job
 * repository until each has ended; workers send no replies.
 *
 * <p>It also keeps partitions going when workers do not: a partition whose worker stopped
 * beating and committed nothing for the worker timeout is marked FAILED and run again, from its
 * last committed chunk, as a new step execution with the old one's execution context; a partition
 * a stopping worker handed back (STOPPED), or that failed because the database or Redis was
 * unreachable (exit code {@code FAILED_TRANSIENT}, up to three times), is run again the same way;
 * a request Redis lost before any worker took it (a Redis restart) is pushed again. Marking a partition failed goes through
 * the repository's optimistic lock, so a worker that was only slow, and commits first, keeps its
 * partition, and one that was cut off can commit nothing more.
 */
public final class RemotePartitionHandler implements PartitionHandler {

    private static final Log log = LogFactory.getLog(RemotePartitionHandler.class);

    private final JobRepository jobRepository;
    private final RedisQueueOutboundChannelAdapter requests;
    private final RedisTemplate<String, PartitionRequest> queue;
    private final String queueName;
    private final PartitionHeartbeats heartbeats;
    private final Duration pollInterval;
    private final Duration workerTimeout;
    /** How often a partition that failed on unreachable infrastructure is run again. */
    private static final int MAX_TRANSIENT_RERUNS = 3;

    private final Map<String, Integer> transientReruns = new HashMap<>();
    /** Partitions this handler marked failed and has yet to run again (it survives a failed try). */
    private final Set<Long> markedForRerun = new HashSet<>();

    public RemotePartitionHandler(JobRepository jobRepository, RedisQueueOutboundChannelAdapter requests,
            RedisTemplate<String, PartitionRequest> queue, String queueName, PartitionHeartbeats heartbeats,
            Duration pollInterval, Duration workerTimeout) {
        this.jobRepository = jobRepository;
        this.requests = requests;
        this.queue = queue;
        this.queueName = queueName;
        this.heartbeats = heartbeats;
        this.pollInterval = pollInterval;
        this.workerTimeout = workerTimeout;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager) throws Exception {
        Map<String, StepExecution> pending = new TreeMap<>();
        for (StepExecution partition : splitter.split(manager, 1)) {
            pending.put(partition.getStepName(), partition);
            send(partition);
        }
        log.info("Sent " + pending.size() + " partition request(s) to Redis list " + queueName);
        Set<Long> seenBeating = new HashSet<>();
        List<StepExecution> finished = new ArrayList<>();
        while (!pending.isEmpty()) {
            Thread.sleep(pollInterval.toMillis());
            try {
                for (StepExecution partition : List.copyOf(pending.values())) {
                    // The heartbeat first, then the state: a worker records how a partition ended
                    // before it lets go of the heartbeat, so once none is seen, the state read
                    // next is the one the worker left (read the other way round, a slow read
                    // could return the state from before and be taken as the end).
                    boolean beating = heartbeats.worker(partition.getId()) != null;
                    StepExecution current = jobRepository.getStepExecution(partition.getId());
                    StepExecution next = follow(current, beating, seenBeating);
                    if (next == null) {
                        finished.add(current);
                        pending.remove(current.getStepName());
                    } else {
                        pending.put(next.getStepName(), next);
                    }
                }
            } catch (DataAccessException | TransactionException e) {
                // The repository or Redis is unreachable for a moment: the workers' own commits
                // fail too, and their partitions show up as lost once it is back.
                log.warn("Cannot follow the partitions (" + e.getMessage() + "); retrying");
            }
        }
        return finished;
    }

    /** The execution to keep following for this partition, or {@code null} once it has ended. */
    private StepExecution follow(StepExecution current, boolean beating, Set<Long> seenBeating) {
        BatchStatus status = current.getStatus();
        if (markedForRerun.contains(current.getId())) {
            // Marked failed by this handler, but its replacement could not be made: make it now.
            return rerun(current, "its run again was interrupted");
        }
        if (!status.isRunning()) {
            if (beating) {
                // Ended, but its worker is still recording how: wait until it lets go.
                return current;
            }
            if (status == BatchStatus.STOPPED && !jobIsStopping(current)) {
                log.info(current.getStepName() + " was handed back by a stopping worker; running it again");
                return rerun(current, "handed back by a stopping worker");
            }
            if (status == BatchStatus.FAILED && TransientFailures.EXIT_CODE.equals(current.getExitStatus().getExitCode())
                    && transientReruns.merge(current.getStepName(), 1, Integer::sum) <= MAX_TRANSIENT_RERUNS) {
                log.warn(current.getStepName() + " failed while the database or Redis was unreachable; running it"
                        + " again from its last commit");
                return rerun(current, "the database or Redis was unreachable");
            }
            if (status != BatchStatus.COMPLETED) {
                log.warn(current.getStepName() + " (step execution " + current.getId() + ") ended " + status + ": "
                        + current.getExitStatus().getExitCode() + " " + current.getExitStatus().getExitDescription());
            }
            return null;
        }
        if (beating) {
            seenBeating.add(current.getId());
            return current;
        }
        if (!quietFor(current, workerTimeout)) {
            return current;
        }
        if (status == BatchStatus.STARTING && !seenBeating.contains(current.getId())) {
            PartitionRequest request = PartitionRequest.of(current);
            if (queue.opsForList().indexOf(queueName, request) == null) {
                log.warn("The request for " + current.getStepName() + " is no longer queued and no worker took it"
                        + " (was Redis restarted?); sending it again");
                send(current);
            }
            return current;
        }
        log.warn(current.getStepName() + " (step execution " + current.getId() + ") lost its worker: no heartbeat"
                + " and no commit for " + workerTimeout.toSeconds() + " s; running it again from its last commit");
        return rerun(current, "its worker stopped beating for " + workerTimeout.toSeconds() + " s");
    }

    private boolean jobIsStopping(StepExecution partition) {
        BatchStatus jobStatus = jobRepository.getJobExecution(partition.getJobExecutionId()).getStatus();
        return jobStatus == BatchStatus.STOPPING || jobStatus == BatchStatus.STOPPED;
    }

    private static boolean quietFor(StepExecution partition, Duration timeout) {
        LocalDateTime last = partition.getLastUpdated() != null ? partition.getLastUpdated() : partition.getCreateTime();
        return last == null || last.plus(timeout).isBefore(LocalDateTime.now());
    }

    /**
     * Ends the partition's execution and starts a new one with its last committed context, unless
     * its worker committed in the meantime (then it keeps the old one).
     */
    private StepExecution rerun(StepExecution lost, String reason) {
        markedForRerun.add(lost.getId());
        if (lost.getStatus().isRunning()) {
            lost.setStatus(BatchStatus.FAILED);
            lost.setExitStatus(ExitStatus.FAILED.addExitDescription("Partition run again elsewhere: " + reason));
            lost.setEndTime(LocalDateTime.now());
            try {
                jobRepository.update(lost);
            } catch (OptimisticLockingFailureException e) {
                log.info(lost.getStepName() + " committed just now: its worker is alive after all");
                markedForRerun.remove(lost.getId());
                return jobRepository.getStepExecution(lost.getId());
            }
        }
        StepExecution replacement = jobRepository.createStepExecution(lost.getStepName(), lost.getJobExecution());
        replacement.setExecutionContext(new ExecutionContext(lost.getExecutionContext()));
        jobRepository.updateExecutionContext(replacement);
        send(replacement);
        markedForRerun.remove(lost.getId());
        return replacement;
    }

    private void send(StepExecution partition) {
        requests.handleMessage(MessageBuilder.withPayload(PartitionRequest.of(partition)).build());
    }
}
