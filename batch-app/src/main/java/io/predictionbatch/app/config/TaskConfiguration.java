package io.predictionbatch.app.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.predictionbatch.app.task.CommitDurability;
import io.predictionbatch.app.task.LostTaskRecovery;
import io.predictionbatch.app.task.PostgresRedoableCommits;
import io.predictionbatch.app.task.TaskEvents;
import io.predictionbatch.app.task.TaskExpiry;
import io.predictionbatch.app.task.TaskMaintenance;
import io.predictionbatch.app.task.TaskQueue;
import io.predictionbatch.app.task.TaskRunner;
import io.predictionbatch.app.task.TaskService;
import io.predictionbatch.app.task.TaskStore;
import io.predictionbatch.app.task.TaskWaiters;
import io.predictionbatch.model.registry.ModelRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Single-record tasks, the same in both modes: the table, the runners, recovery and expiry. The
 * mode's configuration adds the {@link TaskQueue} and {@link TaskEvents} that carry them. The
 * store's {@link CommitDurability} comes from the embedded database server's configuration when
 * that is the repository (its commits reach the disk in the background), and otherwise from the
 * database: PostgreSQL's redoable commits do not wait for the disk.
 */
@Configuration(proxyBeanMethods = false)
public class TaskConfiguration {

    @Bean
    TaskStore taskStore(JdbcTemplate jdbc, ObjectProvider<CommitDurability> durability, Environment environment) {
        return new TaskStore(jdbc, durability.getIfAvailable(() -> commitDurability(environment)));
    }

    /** By the repository's URL, so that a command that never touches the database does not connect for it. */
    static CommitDurability commitDurability(Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        return url != null && DatabaseDriver.fromJdbcUrl(url) == DatabaseDriver.POSTGRESQL
                ? new PostgresRedoableCommits() : CommitDurability.EVERY_COMMIT;
    }

    @Bean
    TaskWaiters taskWaiters(ObjectProvider<MeterRegistry> meters) {
        return new TaskWaiters(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    TaskService taskService(ModelRegistry models, TaskStore store, TaskQueue queue, TaskEvents events,
            TaskWaiters waiters) {
        return new TaskService(models, store, queue, events, waiters);
    }

    @Bean
    TaskRunner taskRunner(TaskStore store, TaskQueue queue, TaskEvents events, ModelRegistry models,
            TaskProperties properties) {
        return new TaskRunner(store, queue, events, models, properties, ProcessName.current());
    }

    @Bean
    TaskMaintenance taskMaintenance(TaskStore store, TaskQueue queue, TaskEvents events, TaskProperties properties) {
        return new TaskMaintenance(new LostTaskRecovery(store, queue, events, properties),
                new TaskExpiry(store, properties), store.counts(), properties);
    }
}
