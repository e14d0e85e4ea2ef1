package io.predictionbatch.app.job;

import io.predictionbatch.model.ModelException;
import org.springframework.batch.core.step.skip.SkipLimitExceededException;
import org.springframework.batch.core.step.skip.SkipPolicy;

/**
 * Skips records the model or the parser refused, and nothing else: an I/O or database error is
 * not a bad record and must fail the partition so it can be restarted. Stops a partition as soon
 * as its own rejects pass the job's count limit, which the whole job then passes too; the rate
 * limit needs the whole job's count and is checked once all partitions are done.
 */
public final class RecordSkipPolicy implements SkipPolicy {

    private final ErrorThreshold threshold;

    public RecordSkipPolicy(ErrorThreshold threshold) {
        this.threshold = threshold;
    }

    @Override
    public boolean shouldSkip(Throwable failure, long skipCount) {
        if (!(failure instanceof ModelException || failure instanceof MalformedRecordException)) {
            return false;
        }
        if (threshold.countExceeded(skipCount + 1)) {
            throw new SkipLimitExceededException(threshold.maxErrors(), failure);
        }
        return true;
    }
}
