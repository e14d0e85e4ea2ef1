package io.predictionbatch.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseServerLockTest {

    @TempDir
    Path dbDir;

    @Test
    void aSecondHolderWaitsUntilTheFirstReleasesInsteadOfFailing() throws Exception {
        CountDownLatch secondHasIt = new CountDownLatch(1);
        CompletableFuture<Void> second;
        try (DatabaseServerLock first = DatabaseServerLock.acquire(dbDir)) {
            second = CompletableFuture.runAsync(() -> {
                try (DatabaseServerLock lock = DatabaseServerLock.acquire(dbDir)) {
                    secondHasIt.countDown();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(secondHasIt.await(300, TimeUnit.MILLISECONDS)).as("taken while held").isFalse();
        }
        assertThat(secondHasIt.await(5, TimeUnit.SECONDS)).isTrue();
        second.get(5, TimeUnit.SECONDS);
    }

    @Test
    void theLockCanBeTakenAgainOnceReleased() throws Exception {
        DatabaseServerLock.acquire(dbDir).close();
        DatabaseServerLock.acquire(dbDir).close();
    }
}
