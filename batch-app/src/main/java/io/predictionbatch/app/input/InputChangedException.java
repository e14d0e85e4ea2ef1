package io.predictionbatch.app.input;

/** The input file is not the one the job planned its partitions on: the job cannot go on with it. */
public class InputChangedException extends InvalidInputException {

    public InputChangedException(String message) {
        super(message);
    }
}
