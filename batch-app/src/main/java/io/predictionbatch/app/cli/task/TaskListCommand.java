package io.predictionbatch.app.cli.task;

import io.predictionbatch.app.cli.UserException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.predictionbatch.client.TaskInfo;
import io.predictionbatch.client.TaskState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code task list}: the latest tasks, newest first, as a table. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the latest tasks, newest first.")
class TaskListCommand implements Callable<Integer> {

    // As `jobs` shows times; not shared with it, since this command runs without Spring's classes loaded.
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private TaskCommand task;

    @Mixin
    private ServerOption server;

    @Option(names = "--state", paramLabel = "STATE", description = "Only tasks in this state: ${COMPLETION-CANDIDATES}.")
    private TaskState state;

    @Option(names = {"-m", "--model"}, paramLabel = "NAME", description = "Only tasks of this model.")
    private String model;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "50",
            description = "How many tasks at most (default: 50, at most 1000).")
    private int limit;

    @Override
    public Integer call() {
        if (limit < 1 || limit > 1000) {
            throw new UserException("--limit must be between 1 and 1000, not " + limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        List<TaskInfo> tasks = task.client(server).tasks(state, model, limit);
        if (tasks.isEmpty()) {
            out.println(state == null && model == null
                    ? "No tasks yet. Submit one with: prediction-batch task submit --model NAME '{...}'"
                    : "No tasks match.");
            return 0;
        }
        int modelWidth = Math.max(5, tasks.stream().mapToInt(info -> info.model().length()).max().orElse(0));
        String row = "%-36s  %-9s  %-" + modelWidth + "s  %-19s  %s%n";
        out.printf(row, "ID", "STATE", "MODEL", "SUBMITTED", "LATENCY");
        for (TaskInfo info : tasks) {
            out.printf(row, info.id(), info.state(), info.model(),
                    info.submittedAt() == null ? "-"
                            : TIME.format(info.submittedAt().atZone(ZoneId.systemDefault())),
                    info.latency().map(TaskListCommand::latency).orElse("-"));
        }
        return 0;
    }

    static String latency(Duration latency) {
        long millis = latency.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
