package io.predictionbatch.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import io.predictionbatch.app.testdb.HomeDatabaseServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The home's database server behind a connection pool, as every embedded command has it. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseServerDataSourceIT {

    @TempDir
    Path home;

    @AfterEach
    void stopDatabaseServer() throws Exception {
        HomeDatabaseServer.stop(home);
    }

    @Test
    void aPoolTakesTheServersStartAsItsLoginTimeoutAndShutsDownAfterTheConnectionsItIsOpening(CapturedOutput output)
            throws Exception {
        DatabaseServerDataSource server = new DatabaseServerDataSource(home, Duration.ofSeconds(30), Duration.ofSeconds(45));
        HikariDataSource pool = new HikariDataSource();
        pool.setDataSource(server);
        pool.setMinimumIdle(10); // connections opening in the background when it shuts down

        try (Connection connection = pool.getConnection()) {
            assertThat(connection.isValid(5)).isTrue();
        }
        pool.close();

        assertThat(server.getLoginTimeout()).isEqualTo(45);
        assertThat(output).doesNotContain("Failed to set login timeout", "Timed-out waiting for add connection executor");
    }
}
