package io.predictionbatch.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.predictionbatch.app.durability.CommitDurability;
import io.predictionbatch.app.embedded.DatabaseServerCheckpoint;
import io.predictionbatch.app.embedded.DatabaseServerDataSource;
import io.predictionbatch.app.testdb.HomeDatabaseServer;
import io.predictionbatch.app.testdb.RepositorySchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded database server writes commits to its file in the background; a submission is
 * checkpointed before its submitter hears of it, so that a server killed outright (not stopped)
 * the moment a submission returned still has it when the next server opens the file.
 */
class SubmissionDurabilityIT {

    @TempDir
    Path home;

    @AfterEach
    void stopDatabaseServer() throws Exception {
        HomeDatabaseServer.kill(home);
    }

    @Test
    void aSubmissionSurvivesItsDatabaseServerKilledTheMomentItReturns() throws Exception {
        List<UUID> submitted = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            DatabaseServerDataSource dataSource = dataSource();
            if (round == 0) {
                RepositorySchema.create(dataSource);
            }
            TaskStore store = new TaskStore(new JdbcTemplate(dataSource), new DatabaseServerCheckpoint(dataSource));
            // A server that has just opened the file, or run DDL, writes the next commit at once.
            store.insert(List.of(task(round)));
            Thread.sleep(500);
            Task task = task(round);

            store.insert(List.of(task));
            HomeDatabaseServer.kill(home);
            submitted.add(task.id());
        }

        TaskStore store = new TaskStore(new JdbcTemplate(dataSource()), CommitDurability.EVERY_COMMIT);
        for (UUID id : submitted) {
            assertThat(store.find(id)).as("task %s after its server was killed", id).get()
                    .extracting(Task::state).isEqualTo(TaskState.QUEUED);
        }
    }

    private static Task task(int round) {
        return Task.queued(UUID.randomUUID(), "iris_model", "1.0.0", "{\"round\":" + round + "}", TaskStore.now());
    }

    private DatabaseServerDataSource dataSource() {
        return new DatabaseServerDataSource(home, Duration.ofSeconds(30), Duration.ofSeconds(60));
    }
}
