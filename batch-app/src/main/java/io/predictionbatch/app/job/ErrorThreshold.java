package io.predictionbatch.app.job;

import java.util.Optional;

/**
 * How many rejected records a job tolerates before it fails.
 *
 * @param maxErrors the most rejected records allowed, or {@code -1} for no limit
 * @param maxErrorRate the largest share of rejected records allowed, from 0 to 1 (1: no limit)
 */
public record ErrorThreshold(long maxErrors, double maxErrorRate) {

    public static final ErrorThreshold NONE = new ErrorThreshold(-1, 1.0);

    public ErrorThreshold {
        if (maxErrors < -1) {
            throw new IllegalArgumentException("--max-errors must be -1 (no limit) or more, not " + maxErrors);
        }
        if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
            throw new IllegalArgumentException("--max-error-rate must be between 0 and 1, not " + maxErrorRate);
        }
    }

    /** Whether this many rejects, wherever they were counted, already break the count limit. */
    public boolean countExceeded(long rejected) {
        return maxErrors >= 0 && rejected > maxErrors;
    }

    /** Why the job's final tally breaks the threshold, if it does. */
    public Optional<String> violation(long records, long rejected) {
        if (countExceeded(rejected)) {
            return Optional.of(rejected + " records were rejected, more than the " + maxErrors + " allowed (--max-errors)");
        }
        if (records > 0 && (double) rejected / records > maxErrorRate) {
            return Optional.of(String.format(java.util.Locale.ROOT,
                    "%d of %d records (%.2f%%) were rejected, more than the %.2f%% allowed (--max-error-rate)",
                    rejected, records, 100.0 * rejected / records, 100.0 * maxErrorRate));
        }
        return Optional.empty();
    }
}
