package io.predictionbatch.app.config;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import io.predictionbatch.app.embedded.DatabaseServerDataSource;
import io.predictionbatch.app.embedded.DatabaseServerProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Embedded mode's job repository: the H2 database under {@code prediction.home}, reached through
 * the home's database server process, which every command on that home shares and which outlives
 * any one of them. A {@code spring.datasource.url} of the user's replaces it.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!" + DistributedModeConfiguration.PROFILE)
@Conditional(EmbeddedDataSourceConfiguration.NoDataSourceUrl.class)
public class EmbeddedDataSourceConfiguration {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(@Value("${prediction.home}") Path home, DatabaseServerProperties properties) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("job-repository");
        pool.setDataSource(new DatabaseServerDataSource(home, properties.idleTimeout(), properties.startTimeout()));
        return pool;
    }

    static final class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty("spring.datasource.url");
        }
    }
}
