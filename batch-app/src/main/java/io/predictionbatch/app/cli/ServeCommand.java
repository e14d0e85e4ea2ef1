package io.predictionbatch.app.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import io.predictionbatch.app.config.DistributedModeConfiguration;
import io.predictionbatch.app.task.TaskMaintenance;
import io.predictionbatch.app.task.TaskRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: the long-running service (REST API for tasks and models, health, OpenAPI), until
 * stopped. In embedded mode it also runs the tasks; in distributed mode the workers do.
 */
@Component
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the prediction server until stopped (Ctrl-C or SIGTERM finish the requests and tasks"
                + " in hand first).",
                "REST API under /api (tasks, models), OpenAPI at /v3/api-docs and /swagger-ui.html, health at"
                        + " /actuator/health.",
                "Embedded mode runs the tasks in this process; distributed mode (SPRING_PROFILES_ACTIVE=distributed)"
                        + " queues them on Redis for `worker` processes."})
public class ServeCommand implements Callable<Integer>, ApplicationListener<ContextClosedEvent> {

    static final String NAME = "serve";

    @Spec
    private CommandSpec spec;

    // Both options are read by main() before the application starts (see serverProperties),
    // since the web server binds its port while the application starts; they are declared here
    // for --help and for checking.
    @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "8080",
            description = "Port to listen on (default: 8080; 0 picks a free one).")
    private int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: 127.0.0.1, this machine only).")
    private String host;

    private final TaskRunner runner;
    private final TaskMaintenance maintenance;
    private final Environment environment;
    private volatile boolean serving;

    ServeCommand(TaskRunner runner, TaskMaintenance maintenance, Environment environment) {
        this.runner = runner;
        this.maintenance = maintenance;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            throw new UserException("`serve` must be the first word of the command line: prediction-batch serve"
                    + " [--port PORT] [--host ADDRESS]");
        }
        boolean distributed = environment.acceptsProfiles(Profiles.of(DistributedModeConfiguration.PROFILE));
        if (!distributed) {
            runner.start();
        }
        maintenance.start();
        var err = spec.commandLine().getErr();
        err.printf("Prediction server on http://%s:%s (%s); API docs at /swagger-ui.html; stop it with Ctrl-C%n",
                environment.getProperty("server.address", host), port,
                distributed ? "distributed mode: `worker` processes run the tasks" : "embedded mode");
        err.flush();
        serving = true;
        return 0;
    }

    /**
     * Whether the application must go on serving after the command has returned: the web
     * server's threads keep the JVM up until a signal closes the application (gracefully).
     */
    public static boolean keepsServing(ApplicationContext context) {
        return context.getBeanProvider(ServeCommand.class).stream().anyMatch(command -> command.serving);
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (serving) {
            System.err.println("Prediction server stopped");
        }
    }

    public static boolean isServe(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /**
     * The command line with {@code --port} and {@code --host} of {@code serve} added as the Spring
     * Boot properties {@code server.port} and {@code server.address}.
     */
    public static String[] withServerProperties(String[] args) {
        if (!isServe(args)) {
            return args;
        }
        List<String> all = new ArrayList<>(Arrays.asList(args));
        for (int i = 1; i < args.length; i++) {
            String property = switch (args[i].contains("=") ? args[i].substring(0, args[i].indexOf('=')) : args[i]) {
                case "-p", "--port" -> "server.port";
                case "--host" -> "server.address";
                default -> null;
            };
            if (property == null) {
                continue;
            }
            String value = args[i].contains("=") ? args[i].substring(args[i].indexOf('=') + 1)
                    : i + 1 < args.length ? args[i + 1] : null;
            if (value != null) {
                all.add("--" + property + "=" + value);
            }
        }
        return all.toArray(String[]::new);
    }
}
