package io.predictionbatch.app.config;

import org.springframework.boot.batch.autoconfigure.BatchTaskExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;

/**
 * Jobs start on their own thread: the caller gets the execution id at once and follows progress
 * through the job repository, as a remote client would.
 */
@Configuration(proxyBeanMethods = false)
public class JobLaunchConfiguration {

    @Bean
    @BatchTaskExecutor
    TaskExecutor jobLaunchExecutor() {
        return new SimpleAsyncTaskExecutor("job-");
    }
}
