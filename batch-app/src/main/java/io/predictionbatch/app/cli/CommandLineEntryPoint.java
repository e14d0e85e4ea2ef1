package io.predictionbatch.app.cli;

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
                .execute(args);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
