package io.predictionbatch.client;

import java.time.Duration;

/** The {@code wait} query parameter of a long poll: a duration the server reads ({@code 2s}, {@code 500ms}). */
final class WaitParameter {

    /** The longest wait the server grants; a longer one is asked for in several polls. */
    static final Duration SERVER_MAX = Duration.ofSeconds(60);

    private WaitParameter() {
    }

    static String format(Duration wait) {
        // Rounded up: a caller with 9999.6 ms left asks for 10s, not for 9999ms.
        long millis = (wait.toNanos() + 999_999) / 1_000_000;
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
