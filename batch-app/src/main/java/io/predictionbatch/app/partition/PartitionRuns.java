package io.predictionbatch.app.partition;

import java.util.List;
import java.util.Optional;

import io.predictionbatch.app.config.ProcessName;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where each partition run happens ({@code host:pid thread}), in the table
 * {@code prediction_partition_run}, so the dashboard shows which worker or thread holds a
 * partition and held it before a restart.
 *
 * <p>The row is also the run's claim: its key is the step execution, so of two workers handed the
 * same request (the manager sends a request again when it is no longer queued and no worker
 * seems to have it, which a worker slow to start it can look like), only the first to record
 * itself runs the partition.
 */
@Component
public class PartitionRuns {

    /** Where a withheld partition ran, as the dashboard and {@code status} show it. */
    static final String NOBODY = "(no worker)";

    private final JdbcTemplate jdbc;

    public PartitionRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the partition execution for this thread of this process: true when it is now, or
     * already was, this runner's; false when another runner claimed it first.
     */
    public boolean claim(StepExecution partition) {
        String here = ProcessName.current() + " " + Thread.currentThread().getName();
        // Looked up first: a remote worker's step claims what its worker claimed, and an INSERT
        // refused on the key would put an error in PostgreSQL's log for every partition run.
        Optional<String> runner = runner(partition.getId());
        return runner.isPresent() ? runner.get().equals(here) : record(partition, here);
    }

    /**
     * Keeps every runner from claiming the partition execution, as the manager does before it
     * marks stopped a partition no worker took: false when a runner claimed it first.
     */
    public boolean withhold(StepExecution partition) {
        return record(partition, NOBODY);
    }

    private boolean record(StepExecution partition, String runner) {
        try {
            jdbc.update("INSERT INTO prediction_partition_run (step_execution_id, ran_on) VALUES (?, ?)",
                    partition.getId(), runner);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Who claimed the partition execution, if anyone did. */
    public Optional<String> runner(long stepExecutionId) {
        List<String> runners = jdbc.queryForList(
                "SELECT ran_on FROM prediction_partition_run WHERE step_execution_id = ?", String.class,
                stepExecutionId);
        return runners.stream().findFirst();
    }
}
