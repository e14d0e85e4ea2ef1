package io.predictionbatch.app.embedded;

import javax.sql.DataSource;

import io.predictionbatch.app.task.Checkpoint;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database server writes commits to its file in the background, within
 * {@link DatabaseServerProcess#WRITE_DELAY_MILLIS}; H2's {@code CHECKPOINT} writes them now, with
 * whatever else was committed meanwhile.
 */
public final class DatabaseServerCheckpoint implements Checkpoint {

    private final JdbcTemplate jdbc;

    public DatabaseServerCheckpoint(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void force() {
        jdbc.execute("CHECKPOINT");
    }
}
