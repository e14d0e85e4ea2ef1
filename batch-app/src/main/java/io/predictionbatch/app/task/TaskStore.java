package io.predictionbatch.app.task;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import io.predictionbatch.app.durability.CommitDurability;
import io.predictionbatch.model.FieldViolation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code prediction_task} table (see {@code sql/schema.sql}), in SQL that H2 and PostgreSQL
 * both run. Every change of state is a conditional update on the state the change starts from
 * (and on the attempts, where a run holds the task), so that concurrent processes (submitters,
 * workers, the recovery of lost tasks) can never both win: a task is claimed by one run at a time
 * and finished once. Each change updates the {@link TaskCounts} in the same transaction.
 *
 * <p>A worker takes queued tasks with a read and records their ends with one write: a task whose
 * run ends before its runner's next heartbeat goes from {@code QUEUED} to its end in one
 * transaction, with its attempt, start and worker. Only the runs still going when the heartbeat
 * beats are claimed ({@code RUNNING}, with a heartbeat). That is a write and a commit less per
 * batch of tasks, where the database took about a third of a distributed task's CPU.
 *
 * <p>Its {@link CommitDurability} writes a submission or a cancel to disk before the client hears
 * of it; the other changes are redone if a crash loses them (a task is taken up again).
 */
public class TaskStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<FieldViolation>> VIOLATIONS = new TypeReference<>() {
    };
    private static final String COLUMNS = "task_id, model_name, model_version, state, input, result, error_message,"
            + " error_violations, submitted_at, started_at, finished_at, attempts, worker";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TaskCounts counts;
    private final CommitDurability durability;

    /** @param durability makes a submission or a cancel durable, and lets the other changes be made again */
    public TaskStore(JdbcTemplate jdbc, CommitDurability durability) {
        this.jdbc = jdbc;
        this.durability = durability;
        this.transactions = new TransactionTemplate(new JdbcTransactionManager(jdbc.getDataSource()));
        this.counts = new TaskCounts(jdbc, transactions);
    }

    /** The counts per model and state this store keeps. */
    public TaskCounts counts() {
        return counts;
    }

    /** The time as the table keeps it (microseconds), so that a task told from memory reads as it will from the table. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Records these new tasks in one statement, and their count: one commit for a group of
     * submissions, made durable ({@link CommitDurability#force}) before any submitter hears of it.
     */
    void insert(List<Task> tasks) {
        List<Object> arguments = new ArrayList<>();
        for (Task task : tasks) {
            arguments.addAll(List.of(task.id().toString(), task.model(), task.modelVersion(), task.state().name(),
                    task.input(), time(task.submittedAt())));
        }
        TaskCounts.Changes changes = new TaskCounts.Changes();
        tasks.forEach(task -> changes.entered(task.model(), task.state()));
        transactions.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO prediction_task (task_id, model_name, model_version, state, input, submitted_at,"
                    + " attempts) VALUES " + String.join(", ", Collections.nCopies(tasks.size(), "(?, ?, ?, ?, ?, ?, 0)")),
                    arguments.toArray());
            counts.record(changes);
        });
        durability.force();
    }

    public Optional<Task> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM prediction_task WHERE task_id = ?", TaskStore::task,
                id.toString()).stream().findFirst();
    }

    /** The latest tasks first, optionally of one state and one model. */
    public List<Task> latest(TaskState state, String model, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM prediction_task WHERE 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (state != null) {
            sql.append(" AND state = ?");
            arguments.add(state.name());
        }
        if (model != null) {
            sql.append(" AND model_name = ?");
            arguments.add(model);
        }
        sql.append(" ORDER BY submitted_at DESC LIMIT ?");
        arguments.add(limit);
        return jdbc.query(sql.toString(), TaskStore::task, arguments.toArray());
    }

    /**
     * Takes the queued ones among these tasks for a run by this worker: a read, which leaves them
     * queued. Tasks no longer queued (cancelled, taken and ended by another worker, sent twice)
     * are left alone and not returned.
     */
    List<TaskRun> take(List<UUID> ids, String worker) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = now();
        return jdbc.query("SELECT task_id, model_name, model_version, input, attempts, submitted_at FROM prediction_task"
                + " WHERE state = 'QUEUED' AND task_id IN (" + placeholders(ids.size()) + ")",
                (row, n) -> new TaskRun(UUID.fromString(row.getString(1)), row.getString(2), row.getString(3),
                        row.getString(4), row.getInt(5) + 1, instant(row, "submitted_at"), now, worker, TaskState.QUEUED),
                ids.stream().map(UUID::toString).toArray());
    }

    /**
     * Claims the runs among these that are only taken: their tasks become RUNNING with the run's
     * attempt and a heartbeat, where still queued as the runs took them. Returns the runs claimed.
     */
    List<TaskRun> claim(Collection<TaskRun> runs) {
        List<TaskRun> taken = runs.stream().filter(run -> !run.isClaimed()).toList();
        if (taken.isEmpty()) {
            return List.of();
        }
        return redoable(status -> {
            int[] updated = jdbc.batchUpdate("UPDATE prediction_task SET state = 'RUNNING', attempts = ?, started_at = ?,"
                    + " heartbeat_at = CURRENT_TIMESTAMP, worker = ? WHERE task_id = ? AND state = 'QUEUED'"
                    + " AND attempts = ?", taken.stream().map(run -> new Object[] {run.attempt(), time(run.startedAt()),
                            run.worker(), run.id().toString(), run.recordedAttempts()}).toList());
            List<TaskRun> claimed = changed(updated, taken).stream().map(TaskRun::claimed).toList();
            TaskCounts.Changes changes = new TaskCounts.Changes();
            claimed.forEach(run -> changes.moved(run.model(), TaskState.QUEUED, TaskState.RUNNING));
            counts.record(changes);
            return claimed;
        });
    }

    /**
     * Records the outcomes of the runs that still hold their tasks (as the table shows them), and
     * returns the tasks they ended: an outcome of a run that lost its task (cancelled, taken as
     * lost and run again, ended by another run) is dropped.
     */
    List<Task> finish(List<TaskOutcome> outcomes) {
        return redoable(status -> {
            int[] updated = jdbc.batchUpdate("UPDATE prediction_task SET state = ?, result = ?, error_message = ?,"
                    + " error_violations = ?, finished_at = ?, heartbeat_at = NULL, attempts = ?, started_at = ?,"
                    + " worker = ? WHERE task_id = ? AND state = ? AND attempts = ?", outcomes.stream().map(outcome -> {
                        TaskRun run = outcome.run();
                        return new Object[] {outcome.state().name(), outcome.result(), outcome.errorMessage(),
                                outcome.violations().isEmpty() ? null : JSON.writeValueAsString(outcome.violations()),
                                time(outcome.finishedAt()), run.attempt(), time(run.startedAt()), run.worker(),
                                run.id().toString(), run.recorded().name(), run.recordedAttempts()};
                    }).toList());
            List<Task> ended = new ArrayList<>();
            TaskCounts.Changes changes = new TaskCounts.Changes();
            for (TaskOutcome outcome : changed(updated, outcomes)) {
                Task task = outcome.ended();
                ended.add(task);
                changes.ended(task.model(), outcome.run().recorded(), task.state(), latencyMillis(task));
            }
            counts.record(changes);
            return ended;
        });
    }

    /** Renews the heartbeat of these tasks, where this worker still runs them. */
    void beat(String worker, Collection<UUID> ids) {
        List<Object> arguments = new ArrayList<>(List.of(worker));
        ids.forEach(id -> arguments.add(id.toString()));
        jdbc.update("UPDATE prediction_task SET heartbeat_at = CURRENT_TIMESTAMP WHERE state = 'RUNNING'"
                + " AND worker = ? AND task_id IN (" + placeholders(ids.size()) + ")", arguments.toArray());
    }

    /** Cancels a task if it is still queued; {@code false} when it is not (or does not exist). */
    boolean cancel(UUID id) {
        record Cancelled(String model, Instant submittedAt) {
        }
        Instant now = now();
        String sql = "UPDATE prediction_task SET state = 'CANCELLED', error_message = 'Cancelled before it ran',"
                + " finished_at = ? WHERE task_id = ? AND state = 'QUEUED'";
        boolean done = Boolean.TRUE.equals(transactions.execute(status -> {
            Cancelled cancelled = jdbc.execute(
                    connection -> connection.prepareStatement(sql, new String[] {"model_name", "submitted_at"}),
                    (PreparedStatement statement) -> {
                        statement.setObject(1, time(now));
                        statement.setString(2, id.toString());
                        statement.executeUpdate();
                        try (ResultSet row = statement.getGeneratedKeys()) {
                            return row.next() ? new Cancelled(row.getString(1),
                                    row.getObject(2, OffsetDateTime.class).toInstant()) : null;
                        }
                    });
            if (cancelled != null) {
                counts.record(new TaskCounts.Changes().ended(cancelled.model(), TaskState.QUEUED, TaskState.CANCELLED,
                        millisBetween(cancelled.submittedAt(), now)));
            }
            return cancelled != null;
        }));
        if (done) {
            durability.force();
        }
        return done;
    }

    /** Running tasks whose worker has not renewed their heartbeat for this long (by the database's clock). */
    List<TaskRun> silentSince(Duration silence) {
        OffsetDateTime databaseNow = jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class);
        return jdbc.query("SELECT task_id, model_name, model_version, input, attempts, submitted_at, started_at, worker"
                + " FROM prediction_task WHERE state = 'RUNNING' AND heartbeat_at < ?", TaskStore::runningTask,
                databaseNow.minus(silence));
    }

    /** Puts a running task back in the queue, if this attempt still holds it. */
    boolean requeue(TaskRun task) {
        return Boolean.TRUE.equals(redoable(status -> {
            boolean requeued = jdbc.update("UPDATE prediction_task SET state = 'QUEUED', worker = NULL,"
                    + " heartbeat_at = NULL WHERE task_id = ? AND state = 'RUNNING' AND attempts = ?",
                    task.id().toString(), task.attempt()) == 1;
            if (requeued) {
                counts.record(new TaskCounts.Changes().moved(task.model(), TaskState.RUNNING, TaskState.QUEUED));
            }
            return requeued;
        }));
    }

    /** Queued tasks submitted before this time, oldest first. */
    List<UUID> queuedBefore(Instant cutoff, int limit) {
        return jdbc.query("SELECT task_id FROM prediction_task WHERE state = 'QUEUED' AND submitted_at < ?"
                + " ORDER BY submitted_at LIMIT ?", (row, n) -> UUID.fromString(row.getString(1)), time(cutoff), limit);
    }

    /** Deletes the tasks that finished before this time; returns how many. */
    int deleteFinishedBefore(Instant cutoff) {
        Integer deleted = redoable(status -> {
            TaskCounts.Changes changes = new TaskCounts.Changes();
            long[] finished = {0};
            jdbc.query("SELECT model_name, state, COUNT(*),"
                    + " SUM(EXTRACT(EPOCH FROM (finished_at - submitted_at)) * 1000) FROM prediction_task"
                    + " WHERE finished_at < ? GROUP BY model_name, state", row -> {
                        finished[0] += row.getLong(3);
                        changes.deleted(row.getString(1), TaskState.valueOf(row.getString(2)), row.getLong(3),
                                row.getDouble(4));
                    }, time(cutoff));
            int rows = jdbc.update("DELETE FROM prediction_task WHERE finished_at < ?", time(cutoff));
            if (rows != finished[0]) {
                // Another server expired some of them meanwhile: its counts went with them; next time.
                status.setRollbackOnly();
                return 0;
            }
            counts.record(changes);
            return rows;
        });
        return deleted == null ? 0 : deleted;
    }

    /** Runs a transaction of changes that are made again if a crash loses them (see {@link CommitDurability}). */
    private <T> T redoable(TransactionCallback<T> changes) {
        return transactions.execute(status -> {
            durability.relax(jdbc);
            return changes.doInTransaction(status);
        });
    }

    private static Task task(ResultSet row, int rowNumber) throws SQLException {
        String violations = row.getString("error_violations");
        return new Task(UUID.fromString(row.getString("task_id")), row.getString("model_name"),
                row.getString("model_version"), TaskState.valueOf(row.getString("state")), row.getString("input"),
                row.getString("result"), row.getString("error_message"),
                violations == null ? List.of() : JSON.readValue(violations, VIOLATIONS),
                instant(row, "submitted_at"), instant(row, "started_at"), instant(row, "finished_at"),
                row.getInt("attempts"), row.getString("worker"));
    }

    /** The run that holds a running task, as the table shows it. */
    private static TaskRun runningTask(ResultSet row, int rowNumber) throws SQLException {
        return new TaskRun(UUID.fromString(row.getString(1)), row.getString(2), row.getString(3), row.getString(4),
                row.getInt(5), instant(row, "submitted_at"), instant(row, "started_at"), row.getString(8),
                TaskState.RUNNING);
    }

    private static double latencyMillis(Task task) {
        return millisBetween(task.submittedAt(), task.finishedAt());
    }

    private static double millisBetween(Instant start, Instant end) {
        return Duration.between(start, end).toNanos() / 1e6;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The items whose conditional update, in a batch of one statement each, changed their row. */
    private static <T> List<T> changed(int[] updated, List<T> items) {
        return IntStream.range(0, updated.length).filter(i -> updated[i] == 1).mapToObj(items::get).toList();
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
