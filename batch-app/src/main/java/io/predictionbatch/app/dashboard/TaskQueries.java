package io.predictionbatch.app.dashboard;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The dashboard's questions about single-record tasks, answered from the views in {@code sql/schema.sql}. */
@Component
public class TaskQueries {

    /**
     * How long a summary is served from memory: counting a million tasks takes the database half a
     * second, and every open page and the metrics ask for it.
     */
    private static final long SUMMARY_TTL_MILLIS = 5_000;

    private final JdbcTemplate jdbc;
    private volatile Summary cached;

    private record Summary(long readAt, List<TaskSummary> rows) {
    }

    public TaskQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Task counts per model and state, with the finished ones' mean round trip; at most 5 s old. */
    public List<TaskSummary> summary() {
        Summary summary = cached;
        long now = System.currentTimeMillis();
        if (summary == null || now - summary.readAt() > SUMMARY_TTL_MILLIS) {
            summary = new Summary(now, read());
            cached = summary;
        }
        return summary.rows();
    }

    private List<TaskSummary> read() {
        return jdbc.query("SELECT model_name, state, tasks, avg_latency_millis FROM prediction_task_summary"
                + " ORDER BY model_name, state", (row, n) -> new TaskSummary(row.getString("model_name"),
                        row.getString("state"), row.getLong("tasks"), row.getObject("avg_latency_millis") == null
                                ? null : row.getDouble("avg_latency_millis")));
    }
}
