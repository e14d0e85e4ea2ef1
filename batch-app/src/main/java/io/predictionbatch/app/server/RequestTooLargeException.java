package io.predictionbatch.app.server;

import java.io.IOException;

/** A request body over {@code prediction.server.max-request-size}; answered 413. */
final class RequestTooLargeException extends IOException {

    RequestTooLargeException(long limit) {
        super("The body is larger than " + limit + " bytes (prediction.server.max-request-size); send one record"
                + " per request");
    }
}
