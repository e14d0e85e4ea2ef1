package io.predictionbatch.app.job;

/** A record whose shape is wrong before any field is read, such as a CSV row with too few values. */
public class MalformedRecordException extends RuntimeException {

    public MalformedRecordException(String message) {
        super(message);
    }
}
