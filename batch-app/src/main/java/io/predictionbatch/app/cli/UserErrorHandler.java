package io.predictionbatch.app.cli;

import io.predictionbatch.app.dashboard.FailureMessages;
import io.predictionbatch.app.input.InvalidInputException;
import io.predictionbatch.app.launch.JobNotFoundException;
import io.predictionbatch.app.launch.JobStateException;
import io.predictionbatch.model.ModelException;
import io.predictionbatch.model.registry.ModelRegistryException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Turns an exception out of a command into one line for the user: a mistake of theirs (a bad
 * file, an unknown model, a bad option value) exits 2 with what to fix; anything else exits 1 and
 * leaves its stack trace in the log file, not on the terminal.
 */
public final class UserErrorHandler implements IExecutionExceptionHandler {

    public static final int USER_ERROR = 2;
    public static final int FAILURE = 1;

    private static final Log log = LogFactory.getLog(UserErrorHandler.class);

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        if (isUserError(exception)) {
            commandLine.getErr().println("error: " + exception.getMessage());
            return USER_ERROR;
        }
        log.error("Command failed", exception);
        commandLine.getErr().println("error: " + FailureMessages.describe(exception)
                + " (details in the log file, see --help)");
        return FAILURE;
    }

    static boolean isUserError(Throwable exception) {
        return exception instanceof InvalidInputException || exception instanceof ModelRegistryException
                || exception instanceof ModelException || exception instanceof IllegalArgumentException
                || exception instanceof UserException || exception instanceof JobNotFoundException
                || exception instanceof JobStateException;
    }
}
