package io.predictionbatch.app.task;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.predictionbatch.app.config.TaskProperties;
import io.predictionbatch.model.ModelException;
import io.predictionbatch.model.SchemaValidationException;
import io.predictionbatch.model.registry.HostedModel;
import io.predictionbatch.model.registry.ModelReference;
import io.predictionbatch.model.registry.ModelRegistry;
import io.predictionbatch.model.registry.UnknownModelException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs tasks: each runner thread takes task ids off the {@link TaskQueue}, reads the ones still
 * queued, predicts them with the process's cached models and records their outcomes, a batch of
 * tasks per transaction when many wait. A heartbeat thread claims the tasks that are still in hand
 * when it beats (they show {@code RUNNING}, and are taken up again should this process die) and
 * renews those claims while they run; a quick task is recorded once, when it ends.
 *
 * <p>A model's refusal (a schema violation, a {@link ModelException}) or crash fails the task for
 * good: it would fail again. A failure to reach the database is retried for a while; when it
 * lasts, the batch is dropped, and {@link LostTaskRecovery} takes its tasks up again: the claimed
 * ones once their heartbeat is silent, the others once they have been queued for long. An outcome
 * is recorded only where the table still shows the task as its run left it, so a task is finished
 * exactly once even when two runs overlap.
 *
 * <p>Not started with the application: {@code serve} starts it in embedded mode, {@code worker}
 * in distributed mode. Stopping lets each runner finish its batch.
 */
public final class TaskRunner implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(TaskRunner.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration RECEIVE_WAIT = Duration.ofSeconds(1);
    private static final Duration RETRY_FOR = Duration.ofSeconds(10);

    private final TaskStore store;
    private final TaskQueue queue;
    private final TaskEvents events;
    private final ModelRegistry models;
    private final TaskProperties properties;
    private final String worker;
    private final Set<RunsInHand> inHand = ConcurrentHashMap.newKeySet();
    private volatile boolean active;
    private List<Thread> threads = List.of();
    private ScheduledExecutorService heartbeat;

    public TaskRunner(TaskStore store, TaskQueue queue, TaskEvents events, ModelRegistry models,
            TaskProperties properties, String worker) {
        this.store = store;
        this.queue = queue;
        this.events = events;
        this.models = models;
        this.properties = properties;
        this.worker = worker;
    }

    @Override
    public boolean isAutoStartup() {
        return false;
    }

    @Override
    public synchronized void start() {
        if (active) {
            return;
        }
        active = true;
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "task-heartbeat"));
        long interval = properties.heartbeatInterval().toMillis();
        heartbeat.scheduleAtFixedRate(this::beat, interval, interval, TimeUnit.MILLISECONDS);
        threads = java.util.stream.IntStream.range(0, properties.effectiveConcurrency())
                .mapToObj(i -> daemon(this::runLoop, "task-runner-" + i)).toList();
        threads.forEach(Thread::start);
        log.info("Task runner " + worker + " started with " + threads.size() + " threads");
    }

    /** Stops taking tasks and waits for the batches in hand to be recorded. */
    @Override
    public synchronized void stop() {
        if (!active) {
            return;
        }
        active = false;
        for (Thread thread : threads) {
            try {
                thread.join(RETRY_FOR.plus(RECEIVE_WAIT).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        heartbeat.shutdownNow();
        log.info("Task runner " + worker + " stopped");
    }

    @Override
    public boolean isRunning() {
        return active;
    }

    private void runLoop() {
        try (TaskQueue.Receiver receiver = queue.receiver()) {
            while (active) {
                try {
                    List<UUID> ids = receiver.receive(properties.batchSize(), RECEIVE_WAIT);
                    if (!ids.isEmpty()) {
                        run(ids);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    // The queue or the database is away: the tasks stay queued in the table, and
                    // recovery sends them again.
                    log.warn("Task runner " + worker + " cannot take tasks: " + e);
                    pause();
                }
            }
        }
    }

    /** Takes, predicts and records one batch of tasks. */
    void run(List<UUID> ids) {
        List<TaskRun> taken = retrying("take tasks", () -> store.take(ids, worker));
        if (taken.isEmpty()) {
            return;
        }
        RunsInHand runs = new RunsInHand(taken);
        inHand.add(runs);
        try {
            List<TaskOutcome> outcomes = taken.stream().map(this::predict).toList();
            List<Task> ended = retrying("record task outcomes", () -> runs.finish(outcomes));
            events.finished(ended);
        } finally {
            inHand.remove(runs);
        }
    }

    TaskOutcome predict(TaskRun task) {
        HostedModel<?, ?> model;
        try {
            model = models.get(new ModelReference(task.model(), task.modelVersion()).toString());
        } catch (UnknownModelException e) {
            return TaskOutcome.failed(task, "Model '" + task.model() + "' is not hosted on worker " + worker + ": "
                    + e.getMessage(), List.of());
        }
        try {
            Object output = RecordPredictor.predict(model, JSON.readTree(task.input()));
            return TaskOutcome.succeeded(task, JSON.writeValueAsString(output));
        } catch (SchemaValidationException e) {
            return TaskOutcome.failed(task, e.getMessage(), e.violations());
        } catch (ModelException e) {
            return TaskOutcome.failed(task, e.getMessage(), List.of());
        }
    }

    private void beat() {
        for (RunsInHand runs : inHand) {
            try {
                runs.beat();
            } catch (RuntimeException e) {
                log.warn("Cannot claim running tasks or renew their heartbeat: " + e);
            }
        }
    }

    /**
     * Retries a database call for a while: a blip must not fail a task. When it lasts, the
     * exception escapes and the claims are left to recovery.
     */
    private <T> T retrying(String what, Supplier<T> call) {
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        while (true) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline || !active) {
                    throw e;
                }
                log.info("Cannot " + what + " yet (" + e + "); retrying");
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The runs of one batch as the table shows them. The heartbeat claims and renews them, the
     * runner records their ends: one at a time, so that an end is recorded against the task's state
     * as it is (queued, or claimed just before).
     */
    private final class RunsInHand {

        private final Map<UUID, TaskRun> runs = new LinkedHashMap<>();
        private boolean ended;

        RunsInHand(List<TaskRun> taken) {
            taken.forEach(run -> runs.put(run.id(), run));
        }

        synchronized void beat() {
            if (ended) {
                return;
            }
            List<UUID> claimed = runs.values().stream().filter(TaskRun::isClaimed).map(TaskRun::id).toList();
            if (!claimed.isEmpty()) {
                store.beat(worker, claimed);
            }
            store.claim(runs.values()).forEach(run -> runs.put(run.id(), run));
        }

        synchronized List<Task> finish(List<TaskOutcome> outcomes) {
            List<Task> recorded = store.finish(outcomes.stream().map(outcome -> outcome.of(runs.get(outcome.run().id())))
                    .toList());
            ended = true;
            return recorded;
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
