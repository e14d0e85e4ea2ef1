package io.predictionbatch.model;

/** A model could not produce a prediction for an input. The message is meant for the user. */
public class ModelException extends RuntimeException {

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
