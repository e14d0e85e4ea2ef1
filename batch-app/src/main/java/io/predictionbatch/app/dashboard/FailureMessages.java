package io.predictionbatch.app.dashboard;

import java.util.List;
import java.util.Optional;

import io.predictionbatch.app.input.InvalidInputException;
import io.predictionbatch.app.job.ErrorThresholdExceededException;
import io.predictionbatch.app.output.OutputDiskFullException;
import org.springframework.batch.core.step.skip.SkipLimitExceededException;

/** Finds, in a chain of exceptions, the message that tells the user why a job failed. */
public final class FailureMessages {

    private FailureMessages() {
    }

    /** The exceptions whose message is written for users: shown as they are, wherever they are found. */
    private static final List<Class<? extends RuntimeException>> USER_FACING = List.of(InvalidInputException.class,
            ErrorThresholdExceededException.class, OutputDiskFullException.class);

    public static String describe(Throwable failure) {
        Optional<String> userFacing = userFacing(failure);
        if (userFacing.isPresent()) {
            return userFacing.get();
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SkipLimitExceededException && cause.getCause() != null) {
                return "too many rejected records (--max-errors); the last one: " + cause.getCause().getMessage();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    /** The message of the first user-facing exception in the failure's chain of causes. */
    private static Optional<String> userFacing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Throwable candidate = cause;
            if (USER_FACING.stream().anyMatch(known -> known.isInstance(candidate))) {
                return Optional.of(cause.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The first user-facing message among the failures, else the first failure's. */
    public static String describe(List<Throwable> failures, String exitDescription) {
        for (Throwable failure : failures) {
            Optional<String> userFacing = userFacing(failure);
            if (userFacing.isPresent()) {
                return userFacing.get();
            }
        }
        if (!failures.isEmpty()) {
            return describe(failures.get(0));
        }
        return describeStored(exitDescription);
    }

    /**
     * The reason inside a stored exit description, which holds whole stack traces: the message of
     * a known user-facing exception if one is there, else of the deepest cause.
     */
    public static String describeStored(String exitDescription) {
        if (exitDescription == null || exitDescription.isBlank()) {
            return "no reason recorded";
        }
        List<String> lines = exitDescription.lines().map(String::strip).toList();
        for (Class<?> known : USER_FACING) {
            String marker = known.getName() + ": ";
            for (String line : lines) {
                int at = line.indexOf(marker);
                if (at >= 0) {
                    return line.substring(at + marker.length());
                }
            }
        }
        String reason = lines.get(0);
        for (String line : lines) {
            if (line.startsWith("Caused by: ")) {
                reason = line.substring("Caused by: ".length());
            }
        }
        if (exitDescription.contains(SkipLimitExceededException.class.getSimpleName())) {
            return "too many rejected records (--max-errors); the last one: " + reason;
        }
        return reason;
    }
}
