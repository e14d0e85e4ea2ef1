package io.predictionbatch.app.config;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import io.predictionbatch.app.embedded.DatabaseServerDataSource;
import io.predictionbatch.app.embedded.DatabaseServerProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Embedded mode's job repository: the H2 database under {@code prediction.home}, reached through
 * the home's database server process, which every command on that home shares and which outlives
 * any one of them. Distributed mode, or a {@code spring.datasource.url} of the user's, replaces it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDataSourceConfiguration.EmbeddedDatabase.class)
public class EmbeddedDataSourceConfiguration {

    private static final String HOME = "prediction.home";
    private static final String SERVER_SETTINGS = "prediction.database-server";

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(@Value("${" + HOME + "}") Path home, DatabaseServerProperties properties) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("job-repository");
        pool.setDataSource(new DatabaseServerDataSource(home, properties.idleTimeout(), properties.startTimeout()));
        return pool;
    }

    /** Whether a process with this environment keeps its job repository in its home's database server. */
    static boolean usesDatabaseServer(Environment environment) {
        return !environment.matchesProfiles(DistributedModeConfiguration.PROFILE)
                && !environment.containsProperty("spring.datasource.url");
    }

    static final class EmbeddedDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return usesDatabaseServer(context.getEnvironment());
        }
    }

    /**
     * Starts the home's database server, when none runs, as soon as the environment is known,
     * on a thread of its own: its JVM then starts while this one builds its application context,
     * about a second of a command on a home whose server had stopped (10 minutes after the last
     * command, by default), instead of after it. The data source finds it running or starting
     * (under the same lock) and waits for it as before; a failure here is left for it to report.
     */
    public static final class EarlyDatabaseServerStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            Environment environment = event.getEnvironment();
            if (!usesDatabaseServer(environment)) {
                return;
            }
            try {
                DatabaseServerProperties settings = Binder.get(environment)
                        .bindOrCreate(SERVER_SETTINGS, DatabaseServerProperties.class);
                new DatabaseServerDataSource(Path.of(environment.getRequiredProperty(HOME)), settings.idleTimeout(),
                        settings.startTimeout()).startInBackground();
            } catch (RuntimeException e) {
                // bad settings: the data source bean refuses them with its own message
            }
        }
    }
}
