package io.predictionbatch.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a task's time went on the server, from the timestamps the server records on each task:
 * queued (submitted to claimed by a runner) and running (claimed to outcome recorded). The rest of
 * a client's round trip is HTTP, the submit's insert, and the wake-up of the long poll.
 */
final class TaskTimeline {

    private static final Pattern TIMES = Pattern.compile("\"submittedAt\":\"([^\"]+)\",\"startedAt\":\"([^\"]+)\","
            + "\"finishedAt\":\"([^\"]+)\"");

    private TaskTimeline() {
    }

    /** One line of percentiles over the tasks of a {@code GET /api/tasks} answer. */
    static String summary(String tasksJson) {
        Latencies queued = new Latencies();
        Latencies running = new Latencies();
        Matcher times = TIMES.matcher(tasksJson);
        while (times.find()) {
            Instant submitted = Instant.parse(times.group(1));
            Instant started = Instant.parse(times.group(2));
            Instant finished = Instant.parse(times.group(3));
            queued.add(Duration.between(submitted, started).toNanos());
            running.add(Duration.between(started, finished).toNanos());
        }
        long[] q = Latencies.sorted(java.util.List.of(queued));
        long[] r = Latencies.sorted(java.util.List.of(running));
        return String.format(Locale.ROOT, "server timeline of the last %d tasks: queued p50 %.3f ms, p99 %.3f ms;"
                + " running (claim to recorded) p50 %.3f ms, p99 %.3f ms", q.length, Latencies.percentileMillis(q, 50),
                Latencies.percentileMillis(q, 99), Latencies.percentileMillis(r, 50), Latencies.percentileMillis(r, 99));
    }
}
