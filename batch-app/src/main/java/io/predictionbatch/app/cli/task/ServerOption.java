package io.predictionbatch.app.cli.task;

import java.net.URI;
import java.util.Map;

import picocli.CommandLine.Option;

/** The {@code --server URL} option of the {@code task} commands, defaulting to the environment. */
final class ServerOption {

    static final String DEFAULT_URL = "http://127.0.0.1:8080";
    static final String ENVIRONMENT_VARIABLE = "PREDICTION_SERVER_URL";

    @Option(names = "--server", paramLabel = "URL",
            description = "The prediction server (default: $" + ENVIRONMENT_VARIABLE + ", else " + DEFAULT_URL + ").")
    private URI server;

    URI url(Map<String, String> env) {
        if (server != null) {
            return server;
        }
        String fromEnvironment = env.get(ENVIRONMENT_VARIABLE);
        return URI.create(fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_URL : fromEnvironment.strip());
    }
}
