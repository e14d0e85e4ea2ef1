package io.predictionbatch.app.config;

import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Applies the project's tables and dashboard views ({@code sql/schema.sql}) after Spring Batch's
 * own schema, which the views read.
 */
@Configuration(proxyBeanMethods = false)
public class SchemaConfiguration {

    @Bean
    InitializingBean predictionSchemaInitializer(DataSource dataSource,
            ObjectProvider<BatchDataSourceScriptDatabaseInitializer> batchSchema) {
        return () -> {
            batchSchema.ifAvailable(initializer -> { /* created, hence applied, first */ });
            new ResourceDatabasePopulator(new ClassPathResource("sql/schema.sql")).execute(dataSource);
        };
    }
}
