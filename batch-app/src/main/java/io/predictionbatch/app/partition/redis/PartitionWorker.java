package io.predictionbatch.app.partition.redis;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import io.predictionbatch.app.config.DistributedProperties;
import io.predictionbatch.app.config.ProcessName;
import io.predictionbatch.app.partition.PartitionRuns;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.redis.inbound.RedisQueueMessageDrivenEndpoint;

/**
 * The worker side of remote partitioning: takes partition requests off the Redis list (Spring
 * Integration's Redis queue endpoint, one per concurrent partition, so a busy worker leaves
 * requests to idle ones), runs each against the shared repository, and beats a heartbeat while
 * it runs. It runs the step as Spring Batch's {@code StepExecutionRequestHandler} does, but
 * holds on to the running execution, which it must reach to ask it to stop.
 *
 * <p>Stopping (SIGTERM) stops taking requests and asks running partitions to stop after their
 * current chunk: they end STOPPED with their last chunk committed, and the manager hands them to
 * another worker.
 */
public final class PartitionWorker implements SmartLifecycle, BeanFactoryAware {

    private static final Log log = LogFactory.getLog(PartitionWorker.class);

    private final JobRepository jobRepository;
    private final Step step;
    private final PartitionRuns runs;
    private final PartitionHeartbeats heartbeats;
    private final DistributedProperties properties;
    private final RedisConnectionFactory connectionFactory;
    private final RedisSerializer<PartitionRequest> serializer;
    private BeanFactory beanFactory;
    private final String name = ProcessName.current();
    private final Map<Long, StepExecution> running = new ConcurrentHashMap<>();
    private final List<RedisQueueMessageDrivenEndpoint> endpoints = new ArrayList<>();
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    public PartitionWorker(JobRepository jobRepository, Step step, PartitionRuns runs, PartitionHeartbeats heartbeats,
            DistributedProperties properties, RedisConnectionFactory connectionFactory,
            RedisSerializer<PartitionRequest> serializer) {
        this.jobRepository = jobRepository;
        this.step = step;
        this.runs = runs;
        this.heartbeats = heartbeats;
        this.properties = properties;
        this.connectionFactory = connectionFactory;
        this.serializer = serializer;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    public String name() {
        return name;
    }

    /** Only the {@code worker} command starts taking requests; other commands of the JVM do not. */
    @Override
    public boolean isAutoStartup() {
        return false;
    }

    /** Stopped first when the application shuts down, while the repository is still there. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    @Override
    public boolean isRunning() {
        return !endpoints.isEmpty();
    }

    /** Starts taking requests, at most {@code worker-concurrency} partitions at once. */
    @Override
    public synchronized void start() {
        String queue = properties.queue();
        for (int i = 0; i < properties.workerConcurrency(); i++) {
            DirectChannel requests = new DirectChannel();
            requests.subscribe(message -> run((PartitionRequest) message.getPayload()));
            RedisQueueMessageDrivenEndpoint endpoint = new RedisQueueMessageDrivenEndpoint(queue, connectionFactory);
            endpoint.setSerializer(serializer);
            endpoint.setExpectMessage(false);
            endpoint.setOutputChannel(requests);
            endpoint.setBeanFactory(beanFactory);
            endpoint.setBeanName("partitionRequests-" + i);
            endpoint.afterPropertiesSet();
            endpoint.start();
            endpoints.add(endpoint);
        }
        log.info("Worker " + name + " takes partition requests from Redis list " + queue);
    }

    /**
     * Stops taking requests, asks running partitions to stop after their current chunk and waits
     * for them up to {@code shutdown-grace}.
     */
    @Override
    public synchronized void stop() {
        endpoints.forEach(RedisQueueMessageDrivenEndpoint::stop);
        endpoints.clear();
        running.values().forEach(StepExecution::setTerminateOnly);
        long deadline = System.nanoTime() + properties.shutdownGrace().toNanos();
        try {
            while (!running.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        beats.shutdownNow();
        log.info("Worker " + name + " stopped" + (running.isEmpty() ? "" : " with " + running.size()
                + " partition(s) still running; the manager will run them again"));
    }

    void run(PartitionRequest request) {
        StepExecution partition = jobRepository.getStepExecution(request.stepExecutionId());
        if (partition == null || partition.getStatus() != BatchStatus.STARTING) {
            // Sent twice (a lost request resent) or already run again elsewhere: someone else owns it.
            log.info("Ignoring request for step execution " + request.stepExecutionId() + " in state "
                    + (partition == null ? "unknown" : partition.getStatus()));
            return;
        }
        if (!runs.claim(partition)) {
            // Sent again while this worker was slow to claim it, and another worker claimed it first.
            log.info("Ignoring request for step execution " + request.stepExecutionId() + ": "
                    + runs.runner(request.stepExecutionId()).orElse("another worker") + " runs it");
            return;
        }
        long id = partition.getId();
        ScheduledFuture<?> heartbeat = beats.scheduleAtFixedRate(() -> beat(id), 0,
                properties.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
        running.put(id, partition);
        try {
            log.info("Running " + request.stepName() + " (step execution " + id + ")");
            execute(partition);
            recordFailure(partition);
        } finally {
            running.remove(id);
            heartbeat.cancel(false);
            heartbeats.clear(id);
        }
    }

    private void execute(StepExecution partition) {
        try {
            step.execute(partition);
        } catch (JobInterruptedException e) {
            partition.setStatus(BatchStatus.STOPPED);
        } catch (Throwable e) {
            partition.addFailureException(e);
            partition.setStatus(BatchStatus.FAILED);
        }
    }

    private void beat(long stepExecutionId) {
        try {
            heartbeats.beat(stepExecutionId, name);
        } catch (RuntimeException e) {
            log.warn("Cannot beat for step execution " + stepExecutionId + ": " + e.getMessage());
        }
    }

    /** Records a failure the step could not record itself ({@link UnrecordedEnd} tells which). */
    private void recordFailure(StepExecution partition) {
        Optional<ExitStatus> exitStatus = UnrecordedEnd.exitStatus(partition.getStatus(), partition.getEndTime(),
                partition.getFailureExceptions(), name);
        if (exitStatus.isEmpty()) {
            return;
        }
        partition.setStatus(BatchStatus.FAILED);
        if (partition.getEndTime() == null) {
            partition.setEndTime(LocalDateTime.now());
        }
        partition.setExitStatus(exitStatus.get());
        try {
            jobRepository.update(partition);
        } catch (OptimisticLockingFailureException e) {
            log.info("Step execution " + partition.getId() + " is owned by another worker now");
        } catch (RuntimeException e) {
            // Still unreachable: the partition stays STARTED in the repository, and the manager
            // takes it as lost once its heartbeat has expired.
            log.warn("Cannot record the failure of step execution " + partition.getId() + ": " + e.getMessage());
        }
    }
}
