package io.predictionbatch.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictionbatch.app.task.CommitDurability;
import io.predictionbatch.app.task.PostgresRedoableCommits;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class TaskConfigurationTest {

    @Test
    void postgresqlCommitsRedoableChangesWithoutWaitingForItsDisk() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url",
                "jdbc:postgresql://db:5432/predictions?currentSchema=pb");
        assertThat(TaskConfiguration.commitDurability(environment)).isInstanceOf(PostgresRedoableCommits.class);
    }

    @Test
    void anotherDatabaseWaitsForEveryCommit() {
        assertThat(TaskConfiguration.commitDurability(new MockEnvironment().withProperty("spring.datasource.url",
                "jdbc:h2:file:/var/predictions/db"))).isSameAs(CommitDurability.EVERY_COMMIT);
        assertThat(TaskConfiguration.commitDurability(new MockEnvironment())).isSameAs(CommitDurability.EVERY_COMMIT);
    }
}
