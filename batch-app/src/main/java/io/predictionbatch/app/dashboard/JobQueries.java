package io.predictionbatch.app.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.predictionbatch.app.job.JobOwnerListener.Owner;
import io.predictionbatch.app.job.JobOwnerListener;
import io.predictionbatch.app.job.UnresumableFailureListener;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboard's questions, answered from the job repository through the views in
 * {@code sql/schema.sql}: the command line, and anything else that watches jobs, reads the same
 * rows a user can query by hand.
 */
@Component
public class JobQueries {

    /** Executions never change owner: read once each, not at every poll of an open page. */
    private static final int MAX_CACHED_OWNERS = 10_000;

    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final Map<Long, Owner> owners = new ConcurrentHashMap<>();

    public JobQueries(JdbcTemplate jdbc, JobRepository jobRepository) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
    }

    public List<JobOverview> recentJobs(int limit) {
        return recentJobs(null, null, limit);
    }

    /** The latest jobs, newest first, of one status and one model when given. */
    public List<JobOverview> recentJobs(String status, String model, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM prediction_job_overview WHERE 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            arguments.add(status);
        }
        if (model != null) {
            sql.append(" AND model = ?");
            arguments.add(model);
        }
        sql.append(" ORDER BY job_instance_id DESC LIMIT ?");
        arguments.add(limit);
        return jdbc.query(sql.toString(), JobQueries::overview, arguments.toArray()).stream()
                .map(this::interruptedIfOwnerGone).toList();
    }

    /** Jobs and their records per model and status, for the metrics. */
    public List<JobTotals> totals() {
        return jdbc.query("SELECT model, status, COUNT(*) AS jobs, SUM(done_records) AS done,"
                + " SUM(written_records) AS written, SUM(rejected_records) AS rejected FROM prediction_job_overview"
                + " GROUP BY model, status", (row, n) -> new JobTotals(row.getString("model"), row.getString("status"),
                        row.getLong("jobs"), row.getLong("done"), row.getLong("written"), row.getLong("rejected")));
    }

    public Optional<JobOverview> job(long jobId) {
        return jdbc.query("SELECT * FROM prediction_job_overview WHERE job_instance_id = ?", JobQueries::overview,
                jobId).stream().findFirst().map(this::interruptedIfOwnerGone);
    }

    public List<PartitionProgress> partitions(long jobId) {
        return jdbc.query("SELECT * FROM prediction_partition_progress WHERE job_instance_id = ?"
                + " ORDER BY partition_index", JobQueries::partition, jobId);
    }

    /**
     * Why a job that ended short of completion did, in the user's words: stopped on request; else
     * the reason of a failed partition if one failed (a partition on a remote worker fails in its
     * own process and the job only learns that one did); else the job's own.
     */
    public static Optional<String> failureReason(JobOverview job, List<PartitionProgress> partitions) {
        if (job.isRunning() || "COMPLETED".equals(job.status())) {
            return Optional.empty();
        }
        if ("STOPPED".equals(job.status())) {
            return Optional.of("stopped on request; a restart resumes it");
        }
        if (JobOverview.INTERRUPTED.equals(job.status())) {
            return Optional.of("its process is gone (killed, or its machine crashed); a restart resumes it from its"
                    + " last committed chunk");
        }
        if (UnresumableFailureListener.EXIT_CODE.equals(job.exitCode())) {
            return Optional.of(job.exitMessage());
        }
        for (PartitionProgress partition : partitions) {
            if ("FAILED".equals(partition.status())) {
                return Optional.of(partition.stepName() + ": " + FailureMessages.describeStored(partition.exitMessage()));
            }
        }
        return Optional.of(FailureMessages.describeStored(job.exitMessage()));
    }

    /**
     * A job the repository says runs, whose process on this machine is gone (killed, crashed), is
     * shown {@code INTERRUPTED}: nothing runs it until {@code restart}. The owner is read from the
     * execution's context once per execution; a process on another machine cannot be checked.
     */
    private JobOverview interruptedIfOwnerGone(JobOverview job) {
        if (!job.isRunning()) {
            return job;
        }
        Owner owner = owners.get(job.executionId());
        if (owner == null) {
            JobExecution execution = jobRepository.getJobExecution(job.executionId());
            owner = execution == null ? null : JobOwnerListener.ownerOf(execution).orElse(null);
            if (owner == null) {
                return job; // not recorded yet: the job is starting
            }
            if (owners.size() >= MAX_CACHED_OWNERS) {
                owners.clear();
            }
            owners.put(job.executionId(), owner);
        }
        return owner.isGone() ? job.interrupted() : job;
    }

    private static JobOverview overview(ResultSet row, int rowNumber) throws SQLException {
        return new JobOverview(row.getLong("job_instance_id"), row.getLong("job_execution_id"),
                row.getString("status"), row.getString("exit_code"), row.getString("exit_message"),
                time(row, "create_time"), time(row, "start_time"), time(row, "end_time"), row.getInt("executions"),
                row.getString("model"), row.getString("model_version"), row.getString("input"),
                row.getString("output"), row.getInt("partitions"), row.getLong("total_records"), row.getLong("done_records"), row.getLong("written_records"),
                row.getLong("rejected_records"), row.getLong("run_records"));
    }

    private static PartitionProgress partition(ResultSet row, int rowNumber) throws SQLException {
        return new PartitionProgress(row.getString("step_name"), row.getInt("partition_index"),
                row.getLong("first_line"), row.getLong("records"), row.getString("status"), row.getLong("read_count"),
                row.getLong("write_count"), row.getLong("skip_count"), row.getLong("done"),
                time(row, "start_time"), time(row, "end_time"), row.getString("exit_message"), row.getString("ran_on"),
                row.getInt("runs"));
    }

    private static LocalDateTime time(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toLocalDateTime();
    }
}
