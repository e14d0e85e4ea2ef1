package io.predictionbatch.app;

import java.io.PrintWriter;
import java.util.Map;
import java.util.OptionalInt;

import io.predictionbatch.app.cli.HelpAndVersion;
import io.predictionbatch.app.cli.ModelsDirOption;
import io.predictionbatch.app.cli.ServeCommand;
import io.predictionbatch.app.cli.task.TaskCommand;
import io.predictionbatch.app.config.EmbeddedDataSourceConfiguration;
import io.predictionbatch.app.config.HttpOnlyAutoConfigurationFilter;
import io.predictionbatch.app.embedded.DatabaseServerProcess;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** Entry point of the {@code prediction-batch} command line. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PredictionBatchApplication {

    public static void main(String[] args) {
        DatabaseServerProcess.runIfRequested(args);
        if (args.length > 0 && args[0].equals("task")) {
            // A client of a running server: it needs no application context, and starts in a fraction of the time.
            System.exit(TaskCommand.execute(args, new PrintWriter(System.out), new PrintWriter(System.err),
                    System.getenv()));
        }
        OptionalInt answered = HelpAndVersion.answer(args);
        if (answered.isPresent()) {
            System.exit(answered.getAsInt());
        }
        int exitCode;
        try {
            SpringApplication application = new SpringApplication(PredictionBatchApplication.class);
            // Only `serve` runs a web server; the other commands start faster without one, and
            // without the auto-configuration that only a web server uses (HttpOnlyAutoConfigurationFilter).
            application.setDefaultProperties(Map.of(HttpOnlyAutoConfigurationFilter.WEB_APPLICATION_TYPE,
                    ServeCommand.isServe(args) ? WebApplicationType.SERVLET.name() : WebApplicationType.NONE.name()));
            application.addListeners(new EmbeddedDataSourceConfiguration.EarlyDatabaseServerStart());
            ConfigurableApplicationContext context = application.run(
                    ModelsDirOption.asProperty(ServeCommand.withServerProperties(args)));
            if (ServeCommand.keepsServing(context)) {
                return;
            }
            exitCode = SpringApplication.exit(context);
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
