package io.predictionbatch.app.server;

/** {@code serve} refuses to start as configured: the message says what to change. */
class ServerSetupException extends IllegalStateException {

    ServerSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
