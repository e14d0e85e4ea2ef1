package io.predictionbatch.app.config;

import io.predictionbatch.app.launch.JobThreads;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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

    private static final Log log = LogFactory.getLog(JobLaunchConfiguration.class);

    @Bean
    JobThreads jobThreads() {
        return new JobThreads();
    }

    @Bean
    @BatchTaskExecutor
    TaskExecutor jobLaunchExecutor(JobThreads jobThreads) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("job-");
        // A job whose last repository update fails (the repository lost) ends its thread with that
        // exception; the log takes it, not the user's terminal. The command that follows the job
        // tells the user (JobFollower).
        executor.setTaskDecorator(job -> jobThreads.tracking(() -> {
            try {
                job.run();
            } catch (RuntimeException | Error e) {
                log.error("A job ended without recording its end in the job repository", e);
            }
        }));
        return executor;
    }
}
