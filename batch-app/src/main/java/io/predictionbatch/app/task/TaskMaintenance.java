package io.predictionbatch.app.task;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.predictionbatch.app.config.TaskProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link LostTaskRecovery}, {@link TaskExpiry} and the folding of the {@link TaskCounts} on a
 * schedule in the server: once at
 * start (every queued task is checked, whatever its age: a restarted embedded server has an
 * empty queue), then every heartbeat interval.
 */
public final class TaskMaintenance implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(TaskMaintenance.class);

    private final LostTaskRecovery recovery;
    private final TaskExpiry expiry;
    private final TaskCounts counts;
    private final TaskProperties properties;
    private ScheduledExecutorService scheduler;

    public TaskMaintenance(LostTaskRecovery recovery, TaskExpiry expiry, TaskCounts counts,
            TaskProperties properties) {
        this.recovery = recovery;
        this.expiry = expiry;
        this.counts = counts;
        this.properties = properties;
    }

    @Override
    public boolean isAutoStartup() {
        return false;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "task-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.execute(() -> runOnce(Instant.now()));
        long interval = properties.heartbeatInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> runOnce(Instant.now().minus(properties.resendAfter())), interval,
                interval, TimeUnit.MILLISECONDS);
    }

    private void runOnce(Instant resendQueuedBefore) {
        try {
            recovery.recover(resendQueuedBefore);
            expiry.expire(Instant.now());
            counts.fold();
        } catch (RuntimeException e) {
            log.warn("Task maintenance failed this time (" + e + "); it runs again in "
                    + properties.heartbeatInterval());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
