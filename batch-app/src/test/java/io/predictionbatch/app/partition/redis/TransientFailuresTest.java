package io.predictionbatch.app.partition.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import io.predictionbatch.app.input.InvalidInputException;
import io.predictionbatch.model.ModelException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

class TransientFailuresTest {

    @Test
    void takesALostDatabaseConnectionAnywhereInTheChainAsTransient() {
        Exception failure = new IllegalStateException("Unable to process chunk",
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed")));

        assertThat(TransientFailures.isTransient(failure)).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("I/O error", "08006"))).isTrue();
    }

    @Test
    void takesBadInputAndModelErrorsAsFinal() {
        assertThat(TransientFailures.isTransient(new InvalidInputException("Line 3: a quote never closes"))).isFalse();
        assertThat(TransientFailures.isTransient(new RuntimeException(new ModelException("bad")))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
    }
}
