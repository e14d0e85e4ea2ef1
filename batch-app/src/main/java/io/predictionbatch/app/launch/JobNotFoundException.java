package io.predictionbatch.app.launch;

/** No prediction job has this id. */
public class JobNotFoundException extends RuntimeException {

    public JobNotFoundException(long jobId) {
        super("No job with id " + jobId + "; `prediction-batch jobs` or GET /api/jobs lists them");
    }
}
