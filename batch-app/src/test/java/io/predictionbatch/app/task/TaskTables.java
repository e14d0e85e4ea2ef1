package io.predictionbatch.app.task;

import java.util.List;
import java.util.UUID;

import io.predictionbatch.app.durability.CommitDurability;
import io.predictionbatch.app.testdb.RepositorySchema;
import org.springframework.jdbc.core.JdbcTemplate;

/** A private in-memory H2 database with the job repository's schema and ours, and a store over it. */
final class TaskTables {

    final JdbcTemplate jdbc;
    final TaskStore store;

    TaskTables() {
        jdbc = new JdbcTemplate(RepositorySchema.inMemory());
        store = new TaskStore(jdbc, CommitDurability.EVERY_COMMIT);
    }

    /** Submits a task for this model (at the version the test registry hosts) and record, as the service does, without a queue. */
    Task submit(String model, String input) {
        String version = model.equals("text_stats") ? "test-1" : "1.0.0";
        Task task = Task.queued(UUID.randomUUID(), model, version, input, TaskStore.now());
        store.insert(List.of(task));
        return task;
    }

    /** Takes these tasks for a run by this worker and claims them, as a runner's heartbeat does for a long run. */
    List<TaskRun> claim(String worker, UUID... ids) {
        return store.claim(store.take(List.of(ids), worker));
    }

    /** Makes a running task look as if its worker went silent that many seconds ago. */
    void silence(UUID id, int seconds) {
        jdbc.update("UPDATE prediction_task SET heartbeat_at = DATEADD('SECOND', ?, CURRENT_TIMESTAMP)"
                + " WHERE task_id = ?", -seconds, id.toString());
    }

    Task task(UUID id) {
        return store.find(id).orElseThrow();
    }
}
