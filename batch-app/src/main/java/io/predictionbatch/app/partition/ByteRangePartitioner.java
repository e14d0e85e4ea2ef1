package io.predictionbatch.app.partition;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.predictionbatch.app.input.ByteRange;
import io.predictionbatch.app.input.FilePlan;
import io.predictionbatch.app.input.InputFormat;
import io.predictionbatch.app.input.RecordBoundaryScanner;
import io.predictionbatch.app.input.Slice;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits the input file into byte ranges of whole records, one a partition, and records the plan
 * so progress can be measured against the file's exact record count.
 *
 * <p>Called again on restart, it scans the file again: the scan is deterministic, and the
 * partitions keep the slices of their first run, which they saved in their own contexts.
 */
public class ByteRangePartitioner implements Partitioner {

    private static final Log log = LogFactory.getLog(ByteRangePartitioner.class);

    private final Path input;
    private final InputFormat format;
    private final int partitions;
    private final PartitionPlanStore planStore;
    private final long jobInstanceId;

    public ByteRangePartitioner(Path input, InputFormat format, int partitions, PartitionPlanStore planStore,
            long jobInstanceId) {
        this.input = input;
        this.format = format;
        this.partitions = partitions;
        this.planStore = planStore;
        this.jobInstanceId = jobInstanceId;
    }

    /** The requested number of partitions comes from the job, not from the grid size. */
    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        long started = System.nanoTime();
        FilePlan plan = new RecordBoundaryScanner(format).scan(input, partitions);
        List<ByteRange> ranges = plan.ranges();
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int index = 0; index < ranges.size(); index++) {
            ExecutionContext context = new ExecutionContext();
            new Slice(index, ranges.get(index), plan.size(), plan.lastModified()).writeTo(context);
            contexts.put(PartitionNames.name(index), context);
        }
        planStore.save(jobInstanceId, contexts);
        log.info(String.format("Planned %d partition(s) over %d records of %s in %d ms", ranges.size(),
                plan.records(), input, (System.nanoTime() - started) / 1_000_000));
        return contexts;
    }
}
