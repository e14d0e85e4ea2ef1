package io.predictionbatch.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

class SchemaVersionTest {

    private final JdbcTemplate jdbc = new JdbcTemplate(newDatabase());

    @Test
    void aNewDatabaseHoldsNoVersion() {
        assertThat(SchemaVersion.of(jdbc).isApplied()).isFalse();
    }

    @Test
    void aVersionRecordedOnceTheScriptsRanIsFoundByTheNextProcess() {
        SchemaVersion first = SchemaVersion.of(jdbc);
        assertThat(first.isApplied()).isFalse();
        applyScripts();
        first.recordApplied();

        assertThat(first.isApplied()).as("its answer, given once for both scripts").isFalse();
        assertThat(SchemaVersion.of(jdbc).isApplied()).isTrue();
    }

    @Test
    void anotherVersionOfTheScriptsIsAppliedAgain() {
        applyScripts();
        SchemaVersion.of(jdbc).recordApplied();

        SchemaVersion changed = new SchemaVersion(jdbc, SchemaVersion.digest(
                "CREATE TABLE x (y INT);".getBytes(StandardCharsets.UTF_8), "6.0.4"));
        assertThat(changed.isApplied()).isFalse();
    }

    @Test
    void twoProcessesRecordingTheSameVersionKeepOneRow() {
        applyScripts();
        SchemaVersion.of(jdbc).recordApplied();
        SchemaVersion.of(jdbc).recordApplied();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM prediction_schema", Integer.class)).isEqualTo(1);
    }

    @Test
    void theVersionFollowsTheScriptAndSpringBatchRelease() {
        byte[] script = "CREATE TABLE x (y INT);".getBytes(StandardCharsets.UTF_8);

        assertThat(SchemaVersion.digest(script, "6.0.4")).hasSize(64).isEqualTo(SchemaVersion.digest(script, "6.0.4"))
                .isNotEqualTo(SchemaVersion.digest(script, "6.0.5"))
                .isNotEqualTo(SchemaVersion.digest("CREATE TABLE x (z INT);".getBytes(StandardCharsets.UTF_8),
                        "6.0.4"));
    }

    private void applyScripts() {
        new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-h2.sql"),
                new ClassPathResource(SchemaVersion.SCRIPT)).execute(jdbc.getDataSource());
    }

    private static JdbcDataSource newDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }
}
