package io.predictionbatch.app.task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Task counts per model and state, kept as tasks change rather than counted over the task table,
 * which takes the database half a second at a million tasks (the {@code prediction_task_summary}
 * view reads them; see {@code sql/schema.sql}).
 *
 * <p>Every change of the task table appends, in its own transaction, rows of differences to
 * {@code prediction_task_count}: appends never wait for each other, as updates of one counter row
 * per model and state would under many submitters and workers at once. {@link #fold} sums them
 * into one row per model and state from time to time, so the view adds up a few rows.
 */
public final class TaskCounts {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public TaskCounts(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Differences to the counts, summed per model and state before they are written. */
    static final class Changes {

        private record Key(String model, TaskState state) {
        }

        private static final class Sum {
            long tasks;
            double latencyMillis;
        }

        private final Map<Key, Sum> sums = new LinkedHashMap<>();

        /** A task of this model now counts in this state. */
        Changes entered(String model, TaskState state) {
            return add(model, state, 1, 0);
        }

        /** A task of this model moved between these states. */
        Changes moved(String model, TaskState from, TaskState to) {
            return add(model, from, -1, 0).add(model, to, 1, 0);
        }

        /** A running or queued task ended in this state, this long after it was submitted. */
        Changes ended(String model, TaskState from, TaskState to, double latencyMillis) {
            return add(model, from, -1, 0).add(model, to, 1, latencyMillis);
        }

        /** Finished tasks of this model and state, with their summed round trips, were deleted. */
        Changes deleted(String model, TaskState state, long tasks, double latencyMillis) {
            return add(model, state, -tasks, -latencyMillis);
        }

        private Changes add(String model, TaskState state, long tasks, double latencyMillis) {
            Sum sum = sums.computeIfAbsent(new Key(model, state), key -> new Sum());
            sum.tasks += tasks;
            sum.latencyMillis += latencyMillis;
            return this;
        }
    }

    /** Appends these changes, in the caller's transaction: one statement, nothing for no change. */
    void record(Changes changes) {
        List<Object> arguments = new ArrayList<>();
        changes.sums.forEach((key, sum) -> {
            if (sum.tasks != 0 || sum.latencyMillis != 0) {
                arguments.addAll(List.of(key.model(), key.state().name(), sum.tasks, sum.latencyMillis));
            }
        });
        if (!arguments.isEmpty()) {
            jdbc.update("INSERT INTO prediction_task_count (model_name, state, tasks, latency_millis) VALUES "
                    + String.join(", ", Collections.nCopies(arguments.size() / 4, "(?, ?, ?, ?)")),
                    arguments.toArray());
        }
    }

    /**
     * Sums the rows appended so far into one per model and state; returns how many rows it folded.
     * The rows it sums are the rows it deletes: should a change committed meanwhile (with an
     * earlier id than the last summed, as a transaction that took its id first and committed later
     * has) be deleted with them, the counts differ and it leaves everything for the next time.
     */
    public int fold() {
        Integer folded = transactions.execute(status -> {
            Long last = jdbc.queryForObject("SELECT MAX(change_id) FROM prediction_task_count", Long.class);
            if (last == null) {
                return 0;
            }
            Changes sums = new Changes();
            long[] rows = {0};
            jdbc.query("SELECT model_name, state, COUNT(*), SUM(tasks), SUM(latency_millis) FROM prediction_task_count"
                    + " WHERE change_id <= ? GROUP BY model_name, state", row -> {
                        rows[0] += row.getLong(3);
                        sums.add(row.getString(1), TaskState.valueOf(row.getString(2)), row.getLong(4), row.getDouble(5));
                    }, last);
            if (rows[0] == sums.sums.size()) {
                return 0;
            }
            if (jdbc.update("DELETE FROM prediction_task_count WHERE change_id <= ?", last) != rows[0]) {
                status.setRollbackOnly();
                return 0;
            }
            sums.sums.values().removeIf(sum -> sum.tasks == 0);
            record(sums);
            return (int) rows[0];
        });
        return folded == null ? 0 : folded;
    }
}
