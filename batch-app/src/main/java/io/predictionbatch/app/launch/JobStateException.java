package io.predictionbatch.app.launch;

/** The job is not in a state that allows what was asked: restart a completed job, stop an ended one. */
public class JobStateException extends RuntimeException {

    private final String status;

    public JobStateException(String message, String status) {
        super(message);
        this.status = status;
    }

    /** The job's state, as the repository has it. */
    public String status() {
        return status;
    }
}
