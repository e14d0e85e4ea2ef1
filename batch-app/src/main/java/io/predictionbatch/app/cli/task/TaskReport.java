package io.predictionbatch.app.cli.task;

import io.predictionbatch.app.cli.UserErrorHandler;
import java.io.PrintWriter;
import java.time.Duration;

import io.predictionbatch.client.TaskError;
import io.predictionbatch.client.TaskInfo;
import io.predictionbatch.model.FieldViolation;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** How the {@code task} commands print tasks: JSON for programs on stdout, failures for people on stderr. */
final class TaskReport {

    static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private TaskReport() {
    }

    static void printJson(Object value, PrintWriter out) {
        out.println(PRETTY.writeValueAsString(value));
    }

    /**
     * After waiting for a task: its prediction on stdout (exit 0), or why there is none on stderr
     * (exit 1): it failed (with each bad field), was cancelled, or is not done yet.
     */
    static int printOutcome(TaskInfo task, Duration waited, PrintWriter out, PrintWriter err) {
        switch (task.state()) {
            case SUCCEEDED -> {
                printJson(task.result(), out);
                return 0;
            }
            case FAILED -> printFailure(task, err);
            case CANCELLED -> err.println("error: task " + task.id() + " was cancelled");
            default -> err.println("error: task " + task.id() + " is still " + task.state() + " after "
                    + WaitDurationConverter.format(waited) + "; wait longer with: prediction-batch task get " + task.id()
                    + " --wait 1m");
        }
        return UserErrorHandler.FAILURE;
    }

    static void printFailure(TaskInfo task, PrintWriter err) {
        TaskError error = task.error();
        if (error != null && !error.violations().isEmpty()) {
            // The server's message repeats the violations; one per line reads better.
            err.println("error: task " + task.id() + " failed: the record does not fit model '" + task.model() + "':");
            for (FieldViolation violation : error.violations()) {
                err.println("  " + violation);
            }
        } else {
            err.println("error: task " + task.id() + " failed: "
                    + (error == null || error.message() == null ? "no reason recorded" : error.message()));
        }
    }
}
