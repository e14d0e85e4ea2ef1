package io.predictionbatch.app.cli;

import io.predictionbatch.app.cli.task.TaskCommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code prediction-batch} command: its subcommands do the work. */
@Component
@Command(name = "prediction-batch", mixinStandardHelpOptions = true, version = "prediction-batch 0.1.0",
        description = "Scores files of records with machine-learning models on Spring Batch.",
        footer = {"", "Job history and logs live under ./.prediction-batch (set PREDICTION_BATCH_HOME to move them).",
                "Distributed mode: SPRING_PROFILES_ACTIVE=distributed (see `worker --help`).",
                "Spring properties may follow as --name=value, e.g. --prediction.batch.worker-threads=4."},
        subcommands = {PredictCommand.class, JobsCommand.class, StatusCommand.class, StopCommand.class,
                RestartCommand.class, CleanCommand.class, ModelsCommand.class, ServeCommand.class, TaskCommand.class,
                WorkerCommand.class, CommandLine.HelpCommand.class})
public class PredictionBatchCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try predict, jobs, status,"
                + " stop, restart, clean, models, serve, task or worker");
    }
}
