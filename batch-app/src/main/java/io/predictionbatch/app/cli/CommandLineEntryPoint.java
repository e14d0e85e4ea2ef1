package io.predictionbatch.app.cli;

import java.util.Arrays;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Runs the command the user typed once the application has started, and keeps its exit code. */
@Component
public class CommandLineEntryPoint implements CommandLineRunner, ExitCodeGenerator {

    private final PredictionBatchCommand command;
    private final IFactory factory;
    private int exitCode;

    public CommandLineEntryPoint(PredictionBatchCommand command, IFactory factory) {
        this.command = command;
        this.factory = factory;
    }

    @Override
    public void run(String... args) {
        exitCode = new CommandLine(command, factory)
                .setExecutionExceptionHandler(new UserErrorHandler())
                .execute(commandArguments(args));
    }

    /** The arguments that are the command's own: the command line without what Spring Boot reads. */
    static String[] commandArguments(String[] args) {
        return withoutSpringProperties(ModelsDirOption.removed(args));
    }

    /**
     * Spring Boot reads {@code --name=value} arguments whose name has a dot as properties
     * ({@code --spring.profiles.active=distributed}); they are no command options.
     */
    private static String[] withoutSpringProperties(String[] args) {
        return Arrays.stream(args)
                .filter(arg -> !(arg.startsWith("--") && arg.indexOf('=') > 0
                        && arg.substring(2, arg.indexOf('=')).contains(".")))
                .toArray(String[]::new);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
