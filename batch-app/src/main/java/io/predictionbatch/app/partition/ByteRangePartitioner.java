package io.predictionbatch.app.partition;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.predictionbatch.app.input.ByteRange;
import io.predictionbatch.app.input.FilePlan;
import io.predictionbatch.app.input.FilePlans;
import io.predictionbatch.app.input.InputDialect;
import io.predictionbatch.app.input.Slice;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits the input file into byte ranges of whole records, one a partition, and records the plan
 * so progress can be measured against the file's exact record count.
 *
 * <p>Called again on restart, it plans the file again: the scan is deterministic, and the
 * partitions keep the slices of their first run, which they saved in their own contexts.
 */
public class ByteRangePartitioner implements Partitioner {

    /** The context key of the records of the whole file, which each partition gets beside its slice. */
    public static final String FILE_RECORDS = "plan.fileRecords";

    private static final Log log = LogFactory.getLog(ByteRangePartitioner.class);

    private final Path input;
    private final InputDialect dialect;
    private final int partitions;
    private final FilePlans filePlans;
    private final PartitionPlanStore planStore;
    private final long jobInstanceId;

    public ByteRangePartitioner(Path input, InputDialect dialect, int partitions, FilePlans filePlans,
            PartitionPlanStore planStore, long jobInstanceId) {
        this.input = input;
        this.dialect = dialect;
        this.partitions = partitions;
        this.filePlans = filePlans;
        this.planStore = planStore;
        this.jobInstanceId = jobInstanceId;
    }

    /** The requested number of partitions comes from the job, not from the grid size. */
    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        long started = System.nanoTime();
        FilePlan plan = filePlans.plan(input, dialect, partitions);
        List<ByteRange> ranges = plan.ranges();
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int index = 0; index < ranges.size(); index++) {
            ExecutionContext context = new ExecutionContext();
            new Slice(index, ranges.get(index), plan.size(), plan.lastModified()).writeTo(context);
            context.putLong(FILE_RECORDS, plan.records());
            contexts.put(PartitionNames.name(index), context);
        }
        planStore.save(jobInstanceId, contexts);
        log.info(String.format("Planned %d partition(s) over %d records of %s in %d ms", ranges.size(),
                plan.records(), input, (System.nanoTime() - started) / 1_000_000));
        return contexts;
    }
}
