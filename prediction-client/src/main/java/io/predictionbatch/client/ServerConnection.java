package io.predictionbatch.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends JSON requests to one prediction server and turns what can go wrong on the way (no server,
 * no answer in time, a problem response) into {@link PredictionClientException}s that say so.
 * Thread-safe: it holds only immutable state and a thread-safe {@link HttpClient}.
 */
final class ServerConnection {

    private final String baseUrl;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final ObjectMapper mapper;

    ServerConnection(URI baseUrl, HttpClient http, Duration requestTimeout, ObjectMapper mapper) {
        String base = baseUrl.toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.mapper = mapper;
    }

    String baseUrl() {
        return baseUrl;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Sends a request and returns the response when its status is 2xx or one of {@code accepted};
     * any other status becomes the server's problem as an exception.
     *
     * @param body the JSON body, or {@code null} for none
     * @param serverWait how long the server may hold the request (a long poll) on top of the
     *        usual request timeout
     */
    HttpResponse<byte[]> send(String method, String path, byte[] body, Duration serverWait, int... accepted)
            throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout.plus(serverWait))
                .header("Accept", "application/json, application/problem+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new PredictionClientException("No prediction server answers at " + baseUrl
                    + " (start one with 'prediction-batch serve', or point to it with --server URL)", e);
        } catch (HttpTimeoutException e) {
            throw new PredictionClientException("The prediction server at " + baseUrl + " did not answer "
                    + method + " " + path + " within " + requestTimeout.plus(serverWait).toMillis() + " ms", e);
        } catch (IOException e) {
            throw new PredictionClientException("Lost the connection to the prediction server at " + baseUrl
                    + " during " + method + " " + path + ": " + e, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2 || contains(accepted, status)) {
            return response;
        }
        throw problemOf(response, method, path).toException();
    }

    /** As {@link #send}, for callers that do not wait on purpose: an interrupt ends the request. */
    HttpResponse<byte[]> call(String method, String path, byte[] body, int... accepted) {
        try {
            return send(method, path, body, Duration.ZERO, accepted);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PredictionClientException("Interrupted during " + method + " " + path + " to the prediction"
                    + " server at " + baseUrl, e);
        }
    }

    <T> T read(HttpResponse<byte[]> response, Class<T> type) {
        try {
            return mapper.readValue(response.body(), type);
        } catch (JacksonException e) {
            throw unreadable(response, e);
        }
    }

    <T> T read(HttpResponse<byte[]> response, tools.jackson.core.type.TypeReference<T> type) {
        try {
            return mapper.readValue(response.body(), type);
        } catch (JacksonException e) {
            throw unreadable(response, e);
        }
    }

    /**
     * The problem in an error response. A response that is no problem JSON (a proxy's HTML page)
     * still yields one, with the start of its body as the detail.
     */
    Problem problemOf(HttpResponse<byte[]> response, String method, String path) {
        int status = response.statusCode();
        try {
            Problem problem = mapper.readValue(response.body(), Problem.class);
            if (problem != null && problem.detail() != null) {
                // The status line is the truth; a problem body may omit its copy of it.
                return new Problem(problem.type(), problem.title(), status, problem.detail(), problem.instance(),
                        problem.violations());
            }
        } catch (JacksonException e) {
            // Not problem JSON: described below from the status and body.
        }
        String text = new String(response.body(), StandardCharsets.UTF_8).strip();
        String excerpt = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return new Problem("about:blank", "HTTP " + status, status, "The prediction server at " + baseUrl
                + " answered " + status + " to " + method + " " + path
                + (excerpt.isEmpty() ? "" : ": " + excerpt), path, null);
    }

    private PredictionClientException unreadable(HttpResponse<byte[]> response, JacksonException e) {
        return new PredictionClientException("The prediction server at " + baseUrl + " sent a response to "
                + response.request().method() + " " + response.uri().getRawPath()
                + " that this client cannot read (is it a prediction server of a matching version?): "
                + e.getOriginalMessage(), e);
    }

    private static boolean contains(int[] statuses, int status) {
        for (int accepted : statuses) {
            if (accepted == status) {
                return true;
            }
        }
        return false;
    }
}
