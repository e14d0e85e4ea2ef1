package io.predictionbatch.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the REST API that {@code serve} runs ({@code prediction.server.*}); the address and
 * port are Spring Boot's {@code server.address} and {@code server.port}, set by {@code serve --host
 * --port}.
 *
 * @param maxRequestSize the largest request body accepted (one record); larger ones get 413
 */
@Validated
@ConfigurationProperties("prediction.server")
public record ApiProperties(@DefaultValue("256KB") DataSize maxRequestSize) {
}
