package io.predictionbatch.app.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.predictionbatch.app.durability.CommitDurability;
import io.predictionbatch.app.task.LostTaskRecovery;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Single-record tasks, the same in both modes: the table, the runners, recovery and expiry. The
 * mode's configuration adds the {@link TaskQueue} and {@link TaskEvents} that carry them. The
 * store's {@link CommitDurability} is the repository's ({@link CommitDurabilityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class TaskConfiguration {

    @Bean
    TaskStore taskStore(JdbcTemplate jdbc, CommitDurability durability) {
        return new TaskStore(jdbc, durability);
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
