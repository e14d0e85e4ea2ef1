package io.predictionbatch.app.cli.task;

import java.time.Duration;
import java.util.concurrent.Callable;

import io.predictionbatch.client.TaskHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code task submit}: queues one record for a model; prints its task id, or with {@code --wait} its prediction. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Submits one record to a model and prints the task's id.",
                "With --wait, waits for the task and prints the prediction as JSON; a failure is told on"
                        + " standard error, with each bad field, and exits 1."})
class TaskSubmitCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private TaskCommand task;

    @Mixin
    private ServerOption server;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "NAME", description = "The model: NAME for its newest version, or NAME@VERSION.")
    private String model;

    @Option(names = "--wait", paramLabel = "DURATION", converter = WaitDurationConverter.class,
            description = "Wait this long for the prediction (500ms, 10s, 2m).")
    private Duration wait;

    @Parameters(paramLabel = "RECORD",
            description = "The record as a JSON object: the text itself, @FILE for a file holding it, or - for"
                    + " standard input.")
    private String record;

    @Override
    public Integer call() throws InterruptedException {
        JsonNode input = RecordArgument.read(record, task.stdin());
        TaskHandle<JsonNode> submitted = task.client(server).submit(model, input, JsonNode.class);
        if (wait == null) {
            spec.commandLine().getOut().println(submitted.id());
            return 0;
        }
        return TaskReport.printOutcome(submitted.await(wait), wait, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
