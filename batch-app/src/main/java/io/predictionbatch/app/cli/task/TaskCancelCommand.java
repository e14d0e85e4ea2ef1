package io.predictionbatch.app.cli.task;

import io.predictionbatch.app.cli.UserException;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.predictionbatch.client.PredictionClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code task cancel ID}: cancels a task that no worker has taken yet. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancels a queued task; a task that runs or ran cannot be cancelled.")
class TaskCancelCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private TaskCommand task;

    @Mixin
    private ServerOption server;

    @Parameters(paramLabel = "ID", converter = TaskIdConverter.class, description = "The task's id.")
    private UUID id;

    @Override
    public Integer call() {
        PredictionClient client = task.client(server);
        if (!client.cancel(id)) {
            throw new UserException("Task " + id + " is " + client.task(id).state()
                    + "; only queued tasks can be cancelled");
        }
        spec.commandLine().getOut().println("Task " + id + " cancelled");
        return 0;
    }
}
