package io.predictionbatch.app.config;

import io.predictionbatch.app.job.PredictPartitionStep;
import io.predictionbatch.app.task.LocalTaskQueue;
import io.predictionbatch.app.task.TaskEvents;
import io.predictionbatch.app.task.TaskQueue;
import io.predictionbatch.app.task.TaskWaiters;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Embedded mode (the default): partitions run on a thread pool of this JVM, and tasks go from the
 * server's request threads to its runner threads in memory.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!" + DistributedModeConfiguration.PROFILE)
public class EmbeddedModeConfiguration {

    @Bean
    ThreadPoolTaskExecutor partitionExecutor(PredictionBatchProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.effectiveWorkerThreads());
        executor.setMaxPoolSize(properties.effectiveWorkerThreads());
        executor.setThreadNamePrefix("partition-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    @Bean
    PartitionHandler partitionHandler(PredictPartitionStep predictPartition, ThreadPoolTaskExecutor partitionExecutor,
            PredictionBatchProperties properties) {
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setStep(predictPartition);
        handler.setTaskExecutor(partitionExecutor);
        handler.setGridSize(properties.effectivePartitions());
        return handler;
    }

    @Bean
    TaskQueue taskQueue() {
        return new LocalTaskQueue();
    }

    /** The runners and the waiters share this JVM: an end is told to the waiters directly. */
    @Bean
    TaskEvents taskEvents(TaskWaiters waiters) {
        return waiters::complete;
    }
}
