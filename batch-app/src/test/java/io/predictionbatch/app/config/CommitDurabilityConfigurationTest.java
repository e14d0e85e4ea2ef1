package io.predictionbatch.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import io.predictionbatch.app.durability.CommitDurability;
import io.predictionbatch.app.durability.PostgresRedoableCommits;
import io.predictionbatch.app.embedded.DatabaseServerCheckpoint;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.mock.env.MockEnvironment;

class CommitDurabilityConfigurationTest {

    /** Never connected to: the choice is made from the configuration alone. */
    private final DataSource unreachable = new SimpleDriverDataSource();

    @Test
    void theHomesDatabaseServerWritesInTheBackgroundAndCheckpointsOnDemand() {
        assertThat(CommitDurabilityConfiguration.forRepository(new MockEnvironment(), unreachable))
                .isInstanceOf(DatabaseServerCheckpoint.class);
    }

    @Test
    void postgresqlCommitsRedoableChangesWithoutWaitingForItsDisk() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url",
                "jdbc:postgresql://db:5432/predictions?currentSchema=pb");
        environment.setActiveProfiles(DistributedModeConfiguration.PROFILE);
        assertThat(CommitDurabilityConfiguration.forRepository(environment, unreachable))
                .isInstanceOf(PostgresRedoableCommits.class);
    }

    @Test
    void anotherDatabaseWaitsForEveryCommit() {
        assertThat(CommitDurabilityConfiguration.forRepository(new MockEnvironment().withProperty(
                "spring.datasource.url", "jdbc:h2:file:/var/predictions/db"), unreachable))
                .isSameAs(CommitDurability.EVERY_COMMIT);
    }
}
