package io.predictionbatch.client;

/**
 * The prediction server refused a request, failed, or could not be reached. When it answered,
 * {@link #status()}, {@link #title()} and {@link #detail()} come from its RFC 9457 problem
 * response, and the message is the detail ("Unknown model 'x'. Available models: iris_model").
 * A model's own refusal of a record is no such error: it surfaces as the model's
 * {@link io.predictionbatch.model.ModelException}.
 */
public class PredictionClientException extends RuntimeException {

    /** The status of a request that got no HTTP response at all. */
    public static final int NO_RESPONSE = 0;

    private final int status;
    private final String title;

    PredictionClientException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    PredictionClientException(String message, Throwable cause) {
        super(message, cause);
        this.status = NO_RESPONSE;
        this.title = null;
    }

    /** The HTTP status, or {@link #NO_RESPONSE} when the server could not be reached or did not answer. */
    public int status() {
        return status;
    }

    /** The problem's title ({@code Not Found}), or {@code null} without a response. */
    public String title() {
        return title;
    }

    /** What went wrong, naming the model or task: the problem's detail. */
    public String detail() {
        return getMessage();
    }

    /** Whether the server refused the request itself (4xx): an unknown model or task, a bad record, a conflict. */
    public boolean isClientError() {
        return status >= 400 && status < 500;
    }
}
