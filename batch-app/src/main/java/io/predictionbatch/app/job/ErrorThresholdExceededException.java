package io.predictionbatch.app.job;

/** More records were rejected than the job allows; the job fails with this message. */
public class ErrorThresholdExceededException extends RuntimeException {

    public ErrorThresholdExceededException(String message) {
        super(message);
    }
}
