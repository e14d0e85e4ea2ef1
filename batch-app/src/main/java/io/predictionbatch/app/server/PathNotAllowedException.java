package io.predictionbatch.app.server;

/** A launch request names a file outside the server's data directories: answered 403. */
class PathNotAllowedException extends RuntimeException {

    PathNotAllowedException(String message) {
        super(message);
    }
}
