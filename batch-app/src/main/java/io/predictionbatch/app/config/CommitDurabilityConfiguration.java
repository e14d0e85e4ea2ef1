package io.predictionbatch.app.config;

import javax.sql.DataSource;

import io.predictionbatch.app.durability.CommitDurability;
import io.predictionbatch.app.durability.PostgresRedoableCommits;
import io.predictionbatch.app.embedded.DatabaseServerCheckpoint;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * How the job repository's commits are made durable ({@link CommitDurability}), which the task
 * store and the partitions' chunks share: the home's database server writes commits in the
 * background and checkpoints on demand; PostgreSQL's redoable commits do not wait for its disk;
 * any other database waits for every commit.
 */
@Configuration(proxyBeanMethods = false)
public class CommitDurabilityConfiguration {

    @Bean
    CommitDurability commitDurability(Environment environment, DataSource dataSource) {
        return forRepository(environment, dataSource);
    }

    /** By the configuration alone, so that a command that never touches the database does not connect for it. */
    static CommitDurability forRepository(Environment environment, DataSource dataSource) {
        if (EmbeddedDataSourceConfiguration.usesDatabaseServer(environment)) {
            return new DatabaseServerCheckpoint(dataSource);
        }
        String url = environment.getProperty("spring.datasource.url");
        return url != null && DatabaseDriver.fromJdbcUrl(url) == DatabaseDriver.POSTGRESQL
                ? new PostgresRedoableCommits() : CommitDurability.EVERY_COMMIT;
    }
}
