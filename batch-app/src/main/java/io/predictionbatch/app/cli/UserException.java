package io.predictionbatch.app.cli;

/** A request the command line refuses, such as restarting a job that completed. */
class UserException extends RuntimeException {

    UserException(String message) {
        super(message);
    }
}
