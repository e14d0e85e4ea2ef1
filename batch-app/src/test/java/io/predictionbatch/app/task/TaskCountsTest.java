package io.predictionbatch.app.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The kept counts always say what counting the task table says, through every change of state. */
class TaskCountsTest {

    private final TaskTables tables = new TaskTables();
    private final TaskStore store = tables.store;

    @Test
    void theCountsFollowEveryChangeOfState() {
        Task first = tables.submit("iris_model", "{}");
        Task second = tables.submit("iris_model", "{}");
        Task third = tables.submit("iris_model", "{}");
        Task text = tables.submit("text_stats", "{}");
        assertCountsMatchTheTable();

        List<TaskRun> claimed = tables.claim("worker-a", first.id(), second.id(), text.id());
        assertCountsMatchTheTable();

        TaskRun lost = run(claimed, second);
        assertThat(store.requeue(lost)).isTrue();
        assertThat(store.requeue(lost)).isFalse();
        assertCountsMatchTheTable();

        store.finish(List.of(TaskOutcome.succeeded(run(claimed, first), "{}"),
                TaskOutcome.failed(run(claimed, text), "bad", List.of()),
                TaskOutcome.succeeded(lost, "{}")));
        assertCountsMatchTheTable();

        assertThat(store.cancel(third.id())).isTrue();
        assertThat(store.cancel(third.id())).isFalse();
        assertCountsMatchTheTable();
        assertThat(summary()).containsExactly(
                "iris_model CANCELLED 1", "iris_model QUEUED 1", "iris_model SUCCEEDED 1", "text_stats FAILED 1");

        assertThat(store.deleteFinishedBefore(Instant.now().plusSeconds(1))).isEqualTo(3);
        assertCountsMatchTheTable();
        assertThat(summary()).containsExactly("iris_model QUEUED 1");
    }

    @Test
    void aTaskEndedWithoutAClaimCountsFromQueuedToItsEnd() {
        Task quick = tables.submit("iris_model", "{}");
        Task cancelled = tables.submit("iris_model", "{}");
        List<TaskRun> taken = store.take(List.of(quick.id(), cancelled.id()), "w");
        store.cancel(cancelled.id());

        store.finish(taken.stream().map(run -> TaskOutcome.succeeded(run, "{}")).toList());

        assertCountsMatchTheTable();
        assertThat(summary()).containsExactly("iris_model CANCELLED 1", "iris_model SUCCEEDED 1");
    }

    @Test
    void foldingLeavesOneRowPerModelAndStateAndTheSameCounts() {
        for (int i = 0; i < 5; i++) {
            tables.submit("iris_model", "{}");
        }
        Task task = tables.submit("text_stats", "{}");
        store.finish(List.of(TaskOutcome.succeeded(tables.claim("w", task.id()).get(0), "{}")));
        List<String> before = summary();

        assertThat(store.counts().fold()).isEqualTo(10);

        assertThat(summary()).isEqualTo(before);
        assertThat(tables.jdbc.queryForObject("SELECT COUNT(*) FROM prediction_task_count", Integer.class))
                .isEqualTo(2);
        assertThat(store.counts().fold()).isZero();
        assertCountsMatchTheTable();
    }

    @Test
    void tasksRecordedBeforeTheCountsExistedAreCountedAtStartUp() {
        store.finish(List.of(TaskOutcome.succeeded(
                tables.claim("w", tables.submit("iris_model", "{}").id()).get(0), "{}")));
        tables.submit("iris_model", "{}");
        tables.jdbc.update("DELETE FROM prediction_task_count");

        new ResourceDatabasePopulator(new ClassPathResource("sql/schema.sql")).execute(tables.jdbc.getDataSource());

        assertCountsMatchTheTable();
        new ResourceDatabasePopulator(new ClassPathResource("sql/schema.sql")).execute(tables.jdbc.getDataSource());
        assertCountsMatchTheTable();
    }

    private static TaskRun run(List<TaskRun> claimed, Task task) {
        return claimed.stream().filter(run -> run.id().equals(task.id())).findFirst().orElseThrow();
    }

    private List<String> summary() {
        return tables.jdbc.query("SELECT model_name, state, tasks FROM prediction_task_summary ORDER BY model_name,"
                + " state", (row, n) -> row.getString(1) + " " + row.getString(2) + " " + row.getLong(3));
    }

    private void assertCountsMatchTheTable() {
        Map<String, Long> counted = new TreeMap<>();
        Map<String, Double> latency = new TreeMap<>();
        tables.jdbc.query("SELECT model_name, state, COUNT(*), AVG(EXTRACT(EPOCH FROM (finished_at - submitted_at))"
                + " * 1000) FROM prediction_task GROUP BY model_name, state", row -> {
                    counted.put(row.getString(1) + " " + row.getString(2), row.getLong(3));
                    latency.put(row.getString(1) + " " + row.getString(2), (Double) row.getObject(4, Double.class));
                });
        Map<String, Long> kept = new TreeMap<>();
        Map<String, Double> keptLatency = new TreeMap<>();
        tables.jdbc.query("SELECT model_name, state, tasks, avg_latency_millis FROM prediction_task_summary", row -> {
            kept.put(row.getString(1) + " " + row.getString(2), row.getLong(3));
            keptLatency.put(row.getString(1) + " " + row.getString(2), (Double) row.getObject(4, Double.class));
        });
        assertThat(kept).isEqualTo(counted);
        latency.forEach((group, millis) -> {
            if (millis == null) {
                assertThat(keptLatency.get(group)).as(group).isNull();
            } else {
                assertThat(keptLatency.get(group)).as(group).isCloseTo(millis, within(0.001));
            }
        });
    }
}
