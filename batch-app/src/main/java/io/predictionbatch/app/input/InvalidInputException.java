package io.predictionbatch.app.input;

/** An input file the job cannot read as a whole; the message tells the user what to fix. */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
