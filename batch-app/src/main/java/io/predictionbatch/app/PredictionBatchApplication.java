package io.predictionbatch.app;

import io.predictionbatch.app.embedded.DatabaseServerProcess;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the {@code prediction-batch} command line. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PredictionBatchApplication {

    public static void main(String[] args) {
        DatabaseServerProcess.runIfRequested(args);
        int exitCode;
        try {
            exitCode = SpringApplication.exit(SpringApplication.run(PredictionBatchApplication.class, args));
        } catch (RuntimeException e) {
            // The console log is off for the command line's sake; a failed start must still be told.
            System.err.println("error: prediction-batch could not start: " + reason(e)
                    + " (details in the log file under PREDICTION_BATCH_HOME, default ./.prediction-batch/logs)");
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    /**
     * The message of the first exception of ours in the chain (written for users: "Model class
     * 'x' was not found"), else of the deepest cause.
     */
    static String reason(Throwable failure) {
        Throwable root = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().startsWith("io.predictionbatch.")) {
                return cause.getMessage();
            }
            root = cause;
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
