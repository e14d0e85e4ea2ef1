package io.predictionbatch.app.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.predictionbatch.app.input.Slice;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps each job's partition plan in the {@code prediction_partition} table (see {@code sql/}), so
 * dashboard queries can set committed counts against the records each partition holds.
 */
public class PartitionPlanStore {

    private final JdbcTemplate jdbc;

    public PartitionPlanStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Saves the plan; planning the same job again (a restart) replaces it with the same rows. */
    public void save(long jobInstanceId, Map<String, ExecutionContext> partitions) {
        List<Object[]> rows = new ArrayList<>();
        for (ExecutionContext context : partitions.values()) {
            Slice slice = Slice.readFrom(context);
            rows.add(new Object[] {jobInstanceId, PartitionNames.stepName(slice.index()), slice.index(),
                    slice.range().firstLine(), slice.range().records(), slice.range().start(), slice.range().end()});
        }
        jdbc.update("DELETE FROM prediction_partition WHERE job_instance_id = ?", jobInstanceId);
        jdbc.batchUpdate("INSERT INTO prediction_partition (job_instance_id, step_name, partition_index,"
                + " first_line, records, start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
    }
}
