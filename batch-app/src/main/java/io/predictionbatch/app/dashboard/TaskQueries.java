package io.predictionbatch.app.dashboard;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The dashboard's questions about single-record tasks, answered from the views in {@code sql/schema.sql}. */
@Component
public class TaskQueries {

    private final JdbcTemplate jdbc;

    public TaskQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Task counts per model and state, with the finished ones' mean round trip (kept counts: a few rows to add). */
    public List<TaskSummary> summary() {
        return jdbc.query("SELECT model_name, state, tasks, avg_latency_millis FROM prediction_task_summary"
                + " ORDER BY model_name, state", (row, n) -> new TaskSummary(row.getString("model_name"),
                        row.getString("state"), row.getLong("tasks"), row.getObject("avg_latency_millis") == null
                                ? null : row.getDouble("avg_latency_millis")));
    }
}
