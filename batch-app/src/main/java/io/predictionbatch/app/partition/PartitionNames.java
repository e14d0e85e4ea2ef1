package io.predictionbatch.app.partition;

/**
 * Names of partitions and their worker steps. Zero-padded, so names sort in file order in every
 * listing and query.
 */
public final class PartitionNames {

    /** The worker step every partition runs. */
    public static final String WORKER_STEP = "predictPartition";

    private PartitionNames() {
    }

    public static String name(int index) {
        return String.format("p%04d", index);
    }

    /** The step execution name Spring Batch gives a partition: worker step, colon, partition. */
    public static String stepName(int index) {
        return WORKER_STEP + ":" + name(index);
    }

    /** Whether a step execution is one of a job's partitions. */
    public static boolean isPartition(String stepName) {
        return stepName.startsWith(WORKER_STEP + ":");
    }
}
