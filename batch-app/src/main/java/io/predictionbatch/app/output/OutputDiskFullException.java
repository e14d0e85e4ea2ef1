package io.predictionbatch.app.output;

/** The disk the output is written to is full: names it, its free space and the space the job needs. */
public class OutputDiskFullException extends RuntimeException {

    public OutputDiskFullException(String message) {
        super(message);
    }
}
