package io.predictionbatch.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;

class JobThreadsTest {

    private final JobThreads threads = new JobThreads();

    @Test
    void aJobIsDoneOnlyOnceItsThreadIsDoneWithIt() throws Exception {
        JobExecution execution = new JobExecution(7L, new JobInstance(1L, "job"), new JobParameters());
        CountDownLatch listenersRan = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread thread = new Thread(threads.tracking(() -> {
            threads.beforeJob(execution);
            listenersRan.countDown();
            await(finish); // the job's listeners and its last repository write
        }));

        thread.start();
        assertThat(listenersRan.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(threads.isDone(7L)).isFalse();
        finish.countDown();
        thread.join(10_000);

        assertThat(threads.isDone(7L)).isTrue();
    }

    @Test
    void aJobThatNeverBeganHereIsLeftToTheRepository() {
        threads.tracking(() -> { }).run();

        assertThat(threads.isDone(8L)).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
