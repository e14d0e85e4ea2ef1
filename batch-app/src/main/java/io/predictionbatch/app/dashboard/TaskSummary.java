package io.predictionbatch.app.dashboard;

/**
 * Tasks of one model in one state (a row of the {@code prediction_task_summary} view).
 *
 * @param averageLatencyMillis mean round trip, submission to end, of the finished ones; else {@code null}
 */
public record TaskSummary(String model, String state, long tasks, Double averageLatencyMillis) {
}
