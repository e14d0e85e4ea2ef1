package io.predictionbatch.app.cli;

/** A request the command line refuses, such as restarting a job that completed. */
public class UserException extends RuntimeException {

    public UserException(String message) {
        super(message);
    }
}
