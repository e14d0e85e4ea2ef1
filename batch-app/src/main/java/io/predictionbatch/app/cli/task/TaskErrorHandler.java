package io.predictionbatch.app.cli.task;

import io.predictionbatch.app.cli.UserException;
import io.predictionbatch.app.cli.UserErrorHandler;
import io.predictionbatch.client.PredictionClientException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns what goes wrong in a {@code task} command into one line on standard error and an exit
 * code: 2 for the user's mistakes (a bad option or record, an unknown model or task, a request the
 * server refuses), 1 for failures (no server, a server error). There is no log file before Spring
 * starts, so nothing prints a stack trace.
 */
final class TaskErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        commandLine.getErr().println("error: " + exception.getMessage() + " (see '"
                + commandLine.getCommandSpec().qualifiedName() + " --help')");
        return UserErrorHandler.USER_ERROR;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        commandLine.getErr().println("error: " + describe(exception));
        return isUserError(exception) ? UserErrorHandler.USER_ERROR : UserErrorHandler.FAILURE;
    }

    static boolean isUserError(Exception exception) {
        if (exception instanceof PredictionClientException problem) {
            return problem.isClientError();
        }
        return exception instanceof UserException || exception instanceof IllegalArgumentException;
    }

    private static String describe(Exception exception) {
        if (exception instanceof InterruptedException) {
            return "interrupted";
        }
        if (exception.getMessage() == null) {
            return exception.getClass().getName();
        }
        return isUserError(exception) || exception instanceof PredictionClientException ? exception.getMessage()
                : exception.getMessage() + " (" + exception.getClass().getName() + ")";
    }
}
