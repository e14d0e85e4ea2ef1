package io.predictionbatch.model;

/**
 * A model could not produce a prediction for one input. The message is meant for the user; the
 * batch job skips the record and writes the message beside it in its errors output, so it should
 * say what was wrong with this input rather than with the model.
 */
public class ModelException extends RuntimeException {

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
