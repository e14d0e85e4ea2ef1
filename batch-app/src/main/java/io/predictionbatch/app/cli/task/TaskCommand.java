package io.predictionbatch.app.cli.task;

import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;

import io.predictionbatch.client.PredictionClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code task}: single-record prediction tasks on a running prediction server, through
 * {@link PredictionClient}. Unlike the other commands it needs no Spring context, so that
 * {@code main} runs it before Spring starts, in a fraction of the time: see {@link #execute}.
 */
@Command(name = "task", mixinStandardHelpOptions = true,
        description = "Submits single-record prediction tasks to a prediction server and follows them.",
        footer = {"", "The server is `prediction-batch serve`, at --server or $PREDICTION_SERVER_URL, else "
                + ServerOption.DEFAULT_URL + ".",
                "Exit codes: 0 success, 1 the task failed or no server answers, 2 a usage error."},
        subcommands = {TaskSubmitCommand.class, TaskGetCommand.class, TaskListCommand.class, TaskCancelCommand.class,
                CommandLine.HelpCommand.class})
public class TaskCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    private final InputStream stdin;
    private final Map<String, String> env;

    /** For picocli when {@code prediction-batch --help} lists this command: the process's own input and environment. */
    public TaskCommand() {
        this(System.in, System.getenv());
    }

    TaskCommand(InputStream stdin, Map<String, String> env) {
        this.stdin = stdin;
        this.env = Map.copyOf(env);
    }

    /**
     * Runs {@code prediction-batch task ...} and returns its exit code; prints no stack trace.
     *
     * @param args the program's arguments as {@code main} received them, starting with {@code task}
     * @param out where results go (standard output)
     * @param err where errors go (standard error)
     * @param env the environment ({@code System.getenv()}), for {@code PREDICTION_SERVER_URL}
     * @return 0 on success, 1 when a task failed or no server answers, 2 for a usage error
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        return execute(args, System.in, out, err, env);
    }

    static int execute(String[] args, InputStream stdin, PrintWriter out, PrintWriter err, Map<String, String> env) {
        if (args.length == 0 || !args[0].equals("task")) {
            throw new IllegalArgumentException("TaskCommand runs 'task ...', not " + Arrays.toString(args));
        }
        TaskErrorHandler errors = new TaskErrorHandler();
        CommandLine commandLine = new CommandLine(new TaskCommand(stdin, env))
                .setCommandName("prediction-batch task")
                .setOut(out)
                .setErr(err)
                // `@FILE` names a record file here, not picocli's file of more arguments.
                .setExpandAtFiles(false)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
        try {
            return commandLine.execute(Arrays.copyOfRange(args, 1, args.length));
        } finally {
            out.flush();
            err.flush();
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try submit, get, list or cancel");
    }

    PredictionClient client(ServerOption server) {
        URI url = server.url(env);
        return PredictionClient.create(url);
    }

    InputStream stdin() {
        return stdin;
    }
}
