package io.predictionbatch.app.config;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Applies Spring Batch's schema, then the project's tables and dashboard views
 * ({@code sql/schema.sql}), which read Spring Batch's tables; both are skipped when the database
 * already holds this version of them ({@link SchemaVersion}).
 */
@Configuration(proxyBeanMethods = false)
public class SchemaConfiguration {

    private static final Log log = LogFactory.getLog(SchemaConfiguration.class);
    private static final int ATTEMPTS = 5;

    @Bean
    SchemaVersion schemaVersion(DataSource dataSource) {
        return SchemaVersion.of(new JdbcTemplate(dataSource));
    }

    /**
     * Spring Boot's initializer of Spring Batch's schema (it backs off for this one), as
     * {@code spring.batch.jdbc.initialize-schema} says, unless this version is applied already.
     */
    @Bean
    BatchDataSourceScriptDatabaseInitializer batchDataSourceInitializer(DataSource dataSource,
            BatchJdbcProperties properties, SchemaVersion schemaVersion) {
        return new BatchDataSourceScriptDatabaseInitializer(dataSource, properties) {
            @Override
            public boolean initializeDatabase() {
                return !schemaVersion.isApplied() && super.initializeDatabase();
            }
        };
    }

    @Bean
    InitializingBean predictionSchemaInitializer(DataSource dataSource,
            BatchDataSourceScriptDatabaseInitializer batchSchema, SchemaVersion schemaVersion) {
        return () -> { // after Spring Batch's schema: its initializer is created, hence applied, first
            if (!schemaVersion.isApplied()) {
                apply(dataSource);
                schemaVersion.recordApplied();
            }
        };
    }

    /**
     * The statements are idempotent, but a manager and workers starting together against one
     * PostgreSQL can collide on the same catalog rows; a collision is retried.
     */
    private static void apply(DataSource dataSource) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                new ResourceDatabasePopulator(new ClassPathResource(SchemaVersion.SCRIPT)).execute(dataSource);
                return;
            } catch (DataAccessException e) { // a ScriptException too
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("Applying " + SchemaVersion.SCRIPT + " collided with another process (" + e.getMessage()
                        + "); retrying");
                Thread.sleep(200L * attempt);
            }
        }
    }
}
