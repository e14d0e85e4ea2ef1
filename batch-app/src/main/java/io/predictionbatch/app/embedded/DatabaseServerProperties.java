package io.predictionbatch.app.embedded;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the embedded mode's database server ({@code prediction.database-server.*}).
 *
 * @param idleTimeout how long the server waits without any connected command before it stops;
 *     the next command starts another
 * @param startTimeout how long a command waits for a server it started to listen
 */
@Validated
@ConfigurationProperties("prediction.database-server")
public record DatabaseServerProperties(
        @DefaultValue("30s") Duration idleTimeout,
        @DefaultValue("30s") Duration startTimeout) {

    public DatabaseServerProperties {
        if (idleTimeout.isNegative() || startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("prediction.database-server.idle-timeout (" + idleTimeout
                    + ") must not be negative, and start-timeout (" + startTimeout + ") must be positive");
        }
    }
}
