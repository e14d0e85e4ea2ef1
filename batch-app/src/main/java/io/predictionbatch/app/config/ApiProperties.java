package io.predictionbatch.app.config;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the REST API and page that {@code serve} runs ({@code prediction.server.*}); the
 * address and port are Spring Boot's {@code server.address} and {@code server.port}, set by
 * {@code serve --host --port}.
 *
 * @param maxRequestSize the largest request body accepted (one record); larger ones get 413
 * @param dataDirs the only directories jobs launched over the API may read and write under;
 *        relative paths in a launch request are taken from the first. Empty: the directory
 *        {@code serve} was started in
 * @param token when set (best from the environment, {@code PREDICTION_SERVER_TOKEN}), every API
 *        request must carry it as {@code Authorization: Bearer TOKEN}; required to listen on an
 *        address other than loopback
 */
@Validated
@ConfigurationProperties("prediction.server")
public record ApiProperties(@DefaultValue("256KB") DataSize maxRequestSize, @DefaultValue List<Path> dataDirs,
        String token) {

    public boolean hasToken() {
        return token != null && !token.isBlank();
    }
}
