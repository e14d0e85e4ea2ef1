package io.predictionbatch.app.cli.task;

import io.predictionbatch.app.cli.UserErrorHandler;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.predictionbatch.client.PredictionClient;
import io.predictionbatch.client.TaskInfo;
import io.predictionbatch.client.TaskState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code task get ID}: one task as JSON, its state, result or error; optionally after waiting for it to end. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = {"Prints a task as JSON: state, input, result or error, times.",
                "Exits 1 when the task failed or was cancelled."})
class TaskGetCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private TaskCommand task;

    @Mixin
    private ServerOption server;

    @Parameters(paramLabel = "ID", converter = TaskIdConverter.class, description = "The task's id.")
    private UUID id;

    @Option(names = "--wait", paramLabel = "DURATION", converter = WaitDurationConverter.class,
            description = "Wait up to this long for the task to end first (500ms, 10s, 2m).")
    private Duration wait;

    @Override
    public Integer call() throws InterruptedException {
        PredictionClient client = task.client(server);
        TaskInfo info = wait == null ? client.task(id) : client.handle(id, JsonNode.class).await(wait);
        TaskReport.printJson(info, spec.commandLine().getOut());
        return info.state() == TaskState.FAILED || info.state() == TaskState.CANCELLED ? UserErrorHandler.FAILURE : 0;
    }
}
