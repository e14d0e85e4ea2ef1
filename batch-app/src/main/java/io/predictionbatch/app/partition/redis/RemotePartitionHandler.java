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

import io.predictionbatch.app.partition.PartitionRuns;
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
 * <p>At each poll it gathers what it knows of each partition (status, heartbeat, quiet time,
 * whether a worker took it, whether the job is stopping) and carries out what
 * {@link PartitionDecision} makes of it: a partition whose worker was lost, that a stopping worker
 * handed back, or that failed because the database or Redis was unreachable, is run again from
 * its last committed chunk as a new step execution with the old one's execution context; a
 * request Redis lost before any worker took it is pushed again; when the job is stopping, a
 * partition nothing runs is marked STOPPED for a restart to resume.
 *
 * <p>Which runner owns an execution is settled in the database: a worker claims an execution before
 * it runs it ({@link PartitionRuns}), so a request pushed again because its worker was slow to
 * start is run once; the manager withholds an execution no worker took before it marks it stopped;
 * and ending a lost worker's execution goes through the repository's optimistic lock, so a worker
 * that was only slow, and commits first, keeps its partition, and one that was cut off can commit
 * nothing more. (While the job is stopping, Spring Batch takes the stored version before it writes,
 * so there the slow worker's next commit reads STOPPED and it stops.)
 */
public final class RemotePartitionHandler implements PartitionHandler {

    private static final Log log = LogFactory.getLog(RemotePartitionHandler.class);

    private final JobRepository jobRepository;
    private final RedisQueueOutboundChannelAdapter requests;
    private final RedisTemplate<String, PartitionRequest> queue;
    private final String queueName;
    private final PartitionRuns runs;
    private final PartitionHeartbeats heartbeats;
    private final Duration pollInterval;
    private final Duration workerTimeout;
    /** Per partition, how often it was run again after a transient failure. */
    private final Map<String, Integer> transientReruns = new HashMap<>();
    /** Partitions this handler marked failed and has yet to run again (it survives a failed try). */
    private final Set<Long> markedForRerun = new HashSet<>();

    public RemotePartitionHandler(JobRepository jobRepository, RedisQueueOutboundChannelAdapter requests,
            RedisTemplate<String, PartitionRequest> queue, String queueName, PartitionRuns runs,
            PartitionHeartbeats heartbeats, Duration pollInterval, Duration workerTimeout) {
        this.jobRepository = jobRepository;
        this.requests = requests;
        this.queue = queue;
        this.queueName = queueName;
        this.runs = runs;
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
        // When this manager first saw that a worker had taken each execution (its claim or its heartbeat).
        Map<Long, LocalDateTime> takenAt = new HashMap<>();
        List<StepExecution> finished = new ArrayList<>();
        while (!pending.isEmpty()) {
            Thread.sleep(pollInterval.toMillis());
            try {
                BatchStatus job = jobRepository.getJobExecution(manager.getJobExecutionId()).getStatus();
                boolean jobStopping = job == BatchStatus.STOPPING || job == BatchStatus.STOPPED;
                for (StepExecution partition : List.copyOf(pending.values())) {
                    // The heartbeat first, then the state: a worker records how a partition ended
                    // before it lets go of the heartbeat, so once none is seen, the state read
                    // next is the one the worker left (read the other way round, a slow read
                    // could return the state from before and be taken as the end).
                    boolean beating = heartbeats.worker(partition.getId()) != null;
                    StepExecution current = jobRepository.getStepExecution(partition.getId());
                    if (!takenAt.containsKey(current.getId())
                            && (beating || runs.runner(current.getId()).isPresent())) {
                        takenAt.put(current.getId(), LocalDateTime.now());
                    }
                    PartitionDecision.Facts facts = facts(current, beating, takenAt.get(current.getId()),
                            jobStopping);
                    StepExecution next = carryOut(current, facts, PartitionDecision.decide(facts,
                            workerTimeout.toSeconds()));
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

    /**
     * @param takenAt when this manager first saw that a worker had taken the partition, or {@code null}:
     *        a sign of life like a commit, since a worker claims an execution a moment before it beats
     */
    private PartitionDecision.Facts facts(StepExecution partition, boolean beating, LocalDateTime takenAt,
            boolean jobStopping) {
        LocalDateTime last = partition.getLastUpdated() != null ? partition.getLastUpdated() : partition.getCreateTime();
        if (takenAt != null && (last == null || takenAt.isAfter(last))) {
            last = takenAt;
        }
        boolean quiet = last == null || last.plus(workerTimeout).isBefore(LocalDateTime.now());
        return new PartitionDecision.Facts(partition.getStatus(), partition.getExitStatus().getExitCode(), beating,
                takenAt != null, quiet, jobStopping, markedForRerun.contains(partition.getId()),
                transientReruns.getOrDefault(partition.getStepName(), 0));
    }

    /** Does what was decided; returns the execution to follow from now, or {@code null} once it has ended. */
    private StepExecution carryOut(StepExecution partition, PartitionDecision.Facts facts,
            PartitionDecision decision) {
        String name = partition.getStepName() + " (step execution " + partition.getId() + ")";
        switch (decision.action()) {
            case WAIT:
                return partition;
            case DONE:
                if (partition.getStatus() != BatchStatus.COMPLETED) {
                    log.warn(name + " ended " + partition.getStatus() + ": " + partition.getExitStatus().getExitCode()
                            + " " + partition.getExitStatus().getExitDescription());
                }
                return null;
            case RESEND_IF_LOST:
                if (queue.opsForList().indexOf(queueName, PartitionRequest.of(partition)) == null) {
                    log.warn("The request for " + name + " is no longer queued and no worker took it (was Redis"
                            + " restarted?); sending it again");
                    send(partition);
                }
                return partition;
            case STOP:
                if (!facts.taken() && !runs.withhold(partition)) {
                    return partition; // a worker claimed it a moment ago, and stops it itself
                }
                log.info(name + " is stopped: " + decision.reason());
                return end(partition, BatchStatus.STOPPED, ExitStatus.STOPPED, decision.reason());
            case RERUN:
                log.warn(name + " runs again from its last commit: " + decision.reason());
                if (facts.failedTransiently()) {
                    transientReruns.merge(partition.getStepName(), 1, Integer::sum);
                }
                return rerun(partition, decision.reason());
            default:
                throw new IllegalStateException("Unknown decision " + decision);
        }
    }

    /**
     * Ends a partition's execution that no worker runs, unless its worker committed in the
     * meantime (then it keeps it, and the execution is followed on).
     */
    private StepExecution end(StepExecution partition, BatchStatus status, ExitStatus exitStatus, String reason) {
        partition.setStatus(status);
        partition.setExitStatus(exitStatus.addExitDescription(reason));
        partition.setEndTime(LocalDateTime.now());
        try {
            jobRepository.update(partition);
            return partition;
        } catch (OptimisticLockingFailureException e) {
            log.info(partition.getStepName() + " committed just now: its worker is alive after all");
            return jobRepository.getStepExecution(partition.getId());
        }
    }

    /**
     * Ends the partition's execution and starts a new one with its last committed context, unless
     * its worker committed in the meantime (then it keeps the old one).
     */
    private StepExecution rerun(StepExecution lost, String reason) {
        markedForRerun.add(lost.getId());
        if (lost.getStatus().isRunning()) {
            StepExecution ended = end(lost, BatchStatus.FAILED, ExitStatus.FAILED, "Partition run again elsewhere: "
                    + reason);
            if (ended.getStatus().isRunning()) {
                markedForRerun.remove(lost.getId());
                return ended;
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
