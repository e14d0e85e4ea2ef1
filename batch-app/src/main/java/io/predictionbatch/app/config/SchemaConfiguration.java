package io.predictionbatch.app.config;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Applies the project's tables and dashboard views ({@code sql/schema.sql}) after Spring Batch's
 * own schema, which the views read.
 */
@Configuration(proxyBeanMethods = false)
public class SchemaConfiguration {

    private static final Log log = LogFactory.getLog(SchemaConfiguration.class);
    private static final int ATTEMPTS = 5;

    @Bean
    InitializingBean predictionSchemaInitializer(DataSource dataSource,
            ObjectProvider<BatchDataSourceScriptDatabaseInitializer> batchSchema) {
        return () -> {
            batchSchema.ifAvailable(initializer -> { /* created, hence applied, first */ });
            apply(dataSource);
        };
    }

    /**
     * The statements are idempotent, but a manager and workers starting together against one
     * PostgreSQL can collide on the same catalog rows; a collision is retried.
     */
    private static void apply(DataSource dataSource) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                new ResourceDatabasePopulator(new ClassPathResource("sql/schema.sql")).execute(dataSource);
                return;
            } catch (DataAccessException e) { // a ScriptException too
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("Applying sql/schema.sql collided with another process (" + e.getMessage() + "); retrying");
                Thread.sleep(200L * attempt);
            }
        }
    }
}
