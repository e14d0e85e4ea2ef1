package io.predictionbatch.app.embedded;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the embedded mode's database server ({@code prediction.database-server.*}).
 *
 * @param idleTimeout how long the server waits without any connected command before it stops;
 *     the next command starts another. Ten minutes by default, like a build tool's daemon: the
 *     commands of a working session find it running, where a command that starts it pays about
 *     0.7 s more on two cores (the second JVM's start competes with its own). An idle server
 *     holds about 130 MB of memory.
 * @param startTimeout how long a command waits for a server it started to listen
 */
@Validated
@ConfigurationProperties("prediction.database-server")
public record DatabaseServerProperties(
        @DefaultValue("10m") Duration idleTimeout,
        @DefaultValue("30s") Duration startTimeout) {

    public DatabaseServerProperties {
        if (idleTimeout.isNegative() || startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("prediction.database-server.idle-timeout (" + idleTimeout
                    + ") must not be negative, and start-timeout (" + startTimeout + ") must be positive");
        }
    }
}
