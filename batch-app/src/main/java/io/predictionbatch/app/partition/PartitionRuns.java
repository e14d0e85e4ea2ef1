package io.predictionbatch.app.partition;

import io.predictionbatch.app.config.ProcessName;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where each partition run happens ({@code host:pid thread}), in the table
 * {@code prediction_partition_run}, so the dashboard shows which worker or thread holds a
 * partition and held it before a restart.
 */
@Component
public class PartitionRuns {

    private final JdbcTemplate jdbc;

    public PartitionRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that this thread of this process runs the partition execution. */
    public void recordHere(StepExecution partition) {
        jdbc.update("INSERT INTO prediction_partition_run (step_execution_id, ran_on) VALUES (?, ?)",
                partition.getId(), ProcessName.current() + " " + Thread.currentThread().getName());
    }
}
