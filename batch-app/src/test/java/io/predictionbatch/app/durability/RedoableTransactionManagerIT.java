package io.predictionbatch.app.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.predictionbatch.app.testdb.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A partition's chunk transactions on the real PostgreSQL (PREDICTION_TEST_DB_URL and
 * PREDICTION_TEST_DB_USER move it; skipped where none runs, except in CI): relaxed for themselves
 * alone. One connection throughout, so that a setting left behind on it would show.
 */
class RedoableTransactionManagerIT {

    private SingleConnectionDataSource dataSource;
    private JdbcTemplate jdbc;
    private PlatformTransactionManager plain;

    @BeforeEach
    void connect() {
        Connection connection;
        try {
            connection = DriverManager.getConnection(TestServices.POSTGRES_URL, TestServices.POSTGRES_USER, "");
        } catch (SQLException e) {
            TestServices.unavailable("PostgreSQL at " + TestServices.POSTGRES_URL, "these tests", e);
            return;
        }
        dataSource = new SingleConnectionDataSource(connection, true);
        jdbc = new JdbcTemplate(dataSource);
        plain = new JdbcTransactionManager(dataSource);
    }

    @AfterEach
    void close() {
        if (dataSource != null) {
            dataSource.destroy();
        }
    }

    @Test
    void aChunksCommitDoesNotWaitForTheDiskAndLeavesTheConnectionAsItWas() {
        PlatformTransactionManager chunks = new RedoableTransactionManager(plain, jdbc, new PostgresRedoableCommits());

        assertThat(synchronousCommitIn(chunks)).isEqualTo("off");
        assertThat(synchronousCommitIn(plain)).isEqualTo("on");
        assertThat(synchronousCommit()).isEqualTo("on");
    }

    @Test
    void aTransactionItJoinsKeepsItsDurability() {
        PlatformTransactionManager chunks = new RedoableTransactionManager(plain, jdbc, new PostgresRedoableCommits());

        TransactionCallback<String> joining = outer -> synchronousCommitIn(chunks);
        String joined = new TransactionTemplate(plain).execute(joining);

        assertThat(joined).isEqualTo("on");
    }

    @Test
    void aTransactionThatCannotBeRelaxedIsRolledBackAndItsFailureReported() {
        CommitDurability failing = new CommitDurability() {
            @Override
            public void relax(JdbcTemplate jdbc) {
                jdbc.execute("SET LOCAL no_such_setting_of_postgresql TO off");
            }
        };
        PlatformTransactionManager chunks = new RedoableTransactionManager(plain, jdbc, failing);

        assertThatThrownBy(() -> synchronousCommitIn(chunks))
                .hasMessageContaining("no_such_setting_of_postgresql");
        assertThat(TransactionSynchronizationManager.hasResource(dataSource)).isFalse();
        assertThat(synchronousCommitIn(plain)).isEqualTo("on");
    }

    private String synchronousCommitIn(PlatformTransactionManager transactions) {
        TransactionCallback<String> show = status -> synchronousCommit();
        return new TransactionTemplate(transactions).execute(show);
    }

    private String synchronousCommit() {
        return jdbc.queryForObject("SHOW synchronous_commit", String.class);
    }
}
