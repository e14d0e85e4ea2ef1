package io.predictionbatch.app.embedded;

import javax.sql.DataSource;

import io.predictionbatch.app.durability.CommitDurability;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database server writes commits to its file in the background, within
 * {@link DatabaseServerProcess#WRITE_DELAY_MILLIS}; H2's {@code CHECKPOINT} writes them now, with
 * whatever else was committed meanwhile. The other commits need nothing more: a lost one is made
 * again.
 */
public final class DatabaseServerCheckpoint implements CommitDurability {

    private final JdbcTemplate jdbc;

    public DatabaseServerCheckpoint(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void force() {
        jdbc.execute("CHECKPOINT");
    }
}
