package io.predictionbatch.app.output;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import io.predictionbatch.app.input.InvalidInputException;
import io.predictionbatch.model.registry.HostedModel;
import org.springframework.batch.infrastructure.item.database.ItemPreparedStatementSetter;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Predictions and rejected records written to the {@code prediction_result} and
 * {@code prediction_rejected} tables (see {@code sql/schema.sql}) of the job repository's
 * PostgreSQL, in JDBC batches, in the chunk's own transaction: a chunk rolled back leaves no row,
 * and a chunk written again adds none twice ({@code ON CONFLICT DO NOTHING} on the line).
 */
@Component
public class ResultTables {

    public static final String RESULTS = "prediction_result";
    public static final String REJECTS = "prediction_rejected";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    public ResultTables(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Table output needs PostgreSQL's {@code ON CONFLICT}: the distributed mode's repository. */
    public void requirePostgresql() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!"PostgreSQL".equals(product)) {
                throw new InvalidInputException("--output-table writes to the job repository's PostgreSQL; this"
                        + " repository is " + product + ": run in distributed mode, or write a file with --output");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the job repository: " + e.getMessage(), e);
        }
    }

    public JdbcBatchItemWriter<PredictionRow> predictionWriter(long jobInstanceId, HostedModel<?, ?> model) {
        RowFormatter json = OutputFormat.JSONL.rows(model.outputFields().fieldNames());
        return writer("INSERT INTO " + RESULTS + " (job_instance_id, line, record_key, model_name, model_version,"
                + " prediction) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (job_instance_id, line) DO NOTHING",
                (PredictionRow row, PreparedStatement insert) -> {
                    insert.setLong(1, jobInstanceId);
                    insert.setLong(2, row.line());
                    insert.setString(3, row.key() == null ? null : row.key().toString());
                    insert.setString(4, model.qualifiedName());
                    insert.setString(5, model.version());
                    insert.setString(6, json.format(row.outputs()));
                });
    }

    public JdbcBatchItemWriter<RejectedRecord> rejectWriter(long jobInstanceId) {
        return writer("INSERT INTO " + REJECTS + " (job_instance_id, line, reason, record) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (job_instance_id, line) DO NOTHING",
                (RejectedRecord rejected, PreparedStatement insert) -> {
                    insert.setLong(1, jobInstanceId);
                    insert.setLong(2, rejected.line());
                    insert.setString(3, rejected.reason());
                    insert.setString(4, rejected.record());
                });
    }

    /** Rows a job has in each table: predictions, then rejected records. */
    public List<Long> rowCounts(long jobInstanceId) {
        return List.of(count(RESULTS, jobInstanceId), count(REJECTS, jobInstanceId));
    }

    private long count(String table, long jobInstanceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE job_instance_id = ?", Long.class,
                jobInstanceId);
    }

    private <T> JdbcBatchItemWriter<T> writer(String sql,
            ItemPreparedStatementSetter<T> setter) {
        JdbcBatchItemWriter<T> writer = new JdbcBatchItemWriter<>();
        writer.setDataSource(dataSource);
        writer.setSql(sql);
        writer.setItemPreparedStatementSetter(setter);
        // ON CONFLICT DO NOTHING legitimately updates no row for a line written before.
        writer.setAssertUpdates(false);
        writer.afterPropertiesSet();
        return writer;
    }
}
