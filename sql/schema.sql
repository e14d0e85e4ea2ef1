-- Prediction Batch's own tables, beside Spring Batch's BATCH_* tables in the job repository.
-- Portable SQL: the application applies this file to H2 (embedded mode) and PostgreSQL.

-- One row per partition of a prediction job: what the partition was given to read, so the
-- dashboard can set each partition's committed counts against its total.
CREATE TABLE IF NOT EXISTS prediction_partition (
    job_instance_id BIGINT       NOT NULL,
    step_name       VARCHAR(100) NOT NULL,
    partition_index INT          NOT NULL,
    first_line      BIGINT       NOT NULL,
    records         BIGINT       NOT NULL,
    start_offset    BIGINT       NOT NULL,
    end_offset      BIGINT       NOT NULL,
    PRIMARY KEY (job_instance_id, step_name)
);

-- Where each run of a partition (a step execution) happened: "host:pid thread", so the
-- dashboard shows which worker or thread holds a partition.
CREATE TABLE IF NOT EXISTS prediction_partition_run (
    step_execution_id BIGINT       NOT NULL PRIMARY KEY,
    ran_on            VARCHAR(300) NOT NULL
);

-- Indexes on Spring Batch's tables, which come without any beyond their keys: the views below, and
-- Spring Batch's own look-ups, find a job's executions, an execution's parameters and its step
-- executions through them; without them every look-up reads the whole table.
CREATE INDEX IF NOT EXISTS batch_job_execution_by_instance ON batch_job_execution (job_instance_id, job_execution_id);
CREATE INDEX IF NOT EXISTS batch_job_execution_params_by_execution ON batch_job_execution_params (job_execution_id);
CREATE INDEX IF NOT EXISTS batch_step_execution_by_execution ON batch_step_execution (job_execution_id);

-- (Views are replaced in place at start-up, while other processes may read them: a new column
-- goes at the end, and a column keeps its type.)

-- Progress of every partition of every prediction job: its committed counts, summed over all its
-- runs (a run after a restart, or after its worker was lost, resumes where the last one
-- committed, and counts from zero), against the records it was given; the status, times and
-- place of its latest run.
CREATE OR REPLACE VIEW prediction_partition_progress AS
SELECT p.job_instance_id,
       p.step_name,
       p.partition_index,
       p.first_line,
       p.records,
       s.step_execution_id,
       s.job_execution_id,
       COALESCE(s.status, 'PENDING') AS status,
       COALESCE(c.read_count, 0) AS read_count,
       COALESCE(c.write_count, 0) AS write_count,
       COALESCE(c.skip_count, 0) AS skip_count,
       CASE WHEN s.status = 'COMPLETED' THEN p.records
            ELSE LEAST(p.records, COALESCE(c.read_count, 0)) END AS done,
       s.start_time,
       s.end_time,
       s.last_updated,
       s.exit_message,
       r.ran_on,
       COALESCE(c.runs, 0) AS runs
FROM prediction_partition p
LEFT JOIN (SELECT e2.job_instance_id,
                  s2.step_name,
                  MAX(s2.step_execution_id) AS latest_step_execution_id,
                  COUNT(*) AS runs,
                  CAST(SUM(s2.read_count + s2.read_skip_count) AS BIGINT) AS read_count,
                  CAST(SUM(s2.write_count) AS BIGINT) AS write_count,
                  CAST(SUM(s2.read_skip_count + s2.process_skip_count + s2.write_skip_count) AS BIGINT) AS skip_count
           FROM batch_step_execution s2
           JOIN batch_job_execution e2 ON e2.job_execution_id = s2.job_execution_id
           GROUP BY e2.job_instance_id, s2.step_name) c
       ON c.job_instance_id = p.job_instance_id AND c.step_name = p.step_name
LEFT JOIN batch_step_execution s ON s.step_execution_id = c.latest_step_execution_id
LEFT JOIN prediction_partition_run r ON r.step_execution_id = s.step_execution_id;

-- One row per prediction job (job instance) with its latest execution, its parameters and its
-- progress: what `jobs`, `status` and the dashboard show. run_records: the records the latest
-- execution (run) itself got through, for its speed. The latest execution is the one no later
-- execution of the job follows, and the model is joined rather than looked up: the dashboard
-- filters on status and model, and so the database estimates such a filter from its statistics
-- and reads the newest jobs first instead of computing every job's row to sort them.
CREATE OR REPLACE VIEW prediction_job_overview AS
SELECT i.job_instance_id,
       e.job_execution_id,
       e.status,
       e.exit_code,
       e.exit_message,
       e.create_time,
       e.start_time,
       e.end_time,
       (SELECT COUNT(*) FROM batch_job_execution x WHERE x.job_instance_id = i.job_instance_id) AS executions,
       pmodel.parameter_value AS model,
       (SELECT pm.parameter_value FROM batch_job_execution_params pm
         WHERE pm.job_execution_id = e.job_execution_id AND pm.parameter_name = 'input') AS input,
       (SELECT pm.parameter_value FROM batch_job_execution_params pm
         WHERE pm.job_execution_id = e.job_execution_id AND pm.parameter_name = 'output') AS output,
       (SELECT COUNT(*) FROM prediction_partition p WHERE p.job_instance_id = i.job_instance_id) AS partitions,
       (SELECT SUM(p.records) FROM prediction_partition p WHERE p.job_instance_id = i.job_instance_id) AS total_records,
       (SELECT SUM(pp.done) FROM prediction_partition_progress pp WHERE pp.job_instance_id = i.job_instance_id) AS done_records,
       (SELECT SUM(pp.write_count) FROM prediction_partition_progress pp WHERE pp.job_instance_id = i.job_instance_id) AS written_records,
       (SELECT SUM(pp.skip_count) FROM prediction_partition_progress pp WHERE pp.job_instance_id = i.job_instance_id) AS rejected_records,
       (SELECT CAST(SUM(s.read_count + s.read_skip_count) AS BIGINT) FROM batch_step_execution s
         WHERE s.job_execution_id = e.job_execution_id AND s.step_name LIKE 'predictPartition:%') AS run_records,
       (SELECT pm.parameter_value FROM batch_job_execution_params pm
         WHERE pm.job_execution_id = e.job_execution_id AND pm.parameter_name = 'modelVersion') AS model_version
FROM batch_job_instance i
JOIN batch_job_execution e
  ON e.job_instance_id = i.job_instance_id
LEFT JOIN batch_job_execution_params pmodel
  ON pmodel.job_execution_id = e.job_execution_id AND pmodel.parameter_name = 'model'
WHERE i.job_name = 'predictionJob'
  AND NOT EXISTS (SELECT 1 FROM batch_job_execution newer
                  WHERE newer.job_instance_id = e.job_instance_id AND newer.job_execution_id > e.job_execution_id);

-- Predictions written to the database instead of a file (`predict --output-table`), one row per
-- input record, keyed so that a chunk written again never adds a row twice.
CREATE TABLE IF NOT EXISTS prediction_result (
    job_instance_id BIGINT        NOT NULL,
    line            BIGINT        NOT NULL,
    record_key      VARCHAR(1000),
    model_name      VARCHAR(100)  NOT NULL,
    model_version   VARCHAR(100)  NOT NULL,
    prediction      TEXT          NOT NULL,  -- the model's output fields as a JSON object
    PRIMARY KEY (job_instance_id, line)
);

-- Records of such a job that were set aside, with the reason.
CREATE TABLE IF NOT EXISTS prediction_rejected (
    job_instance_id BIGINT        NOT NULL,
    line            BIGINT        NOT NULL,
    reason          TEXT          NOT NULL,
    record          TEXT          NOT NULL,
    PRIMARY KEY (job_instance_id, line)
);

-- Single-record prediction tasks (`POST /api/models/{model}/tasks`, `prediction-batch task`): one
-- row per task, from submission to its final state, beside the jobs so that the dashboard sees
-- both. States: QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED. A quick run goes from QUEUED to
-- its end in one write; a run still going at its runner's next heartbeat claims the task
-- (RUNNING). `attempts` counts the runs that ended or claimed the task; a run writes the final
-- state only where the row still shows the state and attempts it left, so a task taken up again
-- after its worker was lost is finished exactly once. `heartbeat_at` is renewed by the worker
-- running the task (database clock); a RUNNING task whose heartbeat is older than the worker
-- timeout is queued again. Finished tasks are deleted after the retention.
CREATE TABLE IF NOT EXISTS prediction_task (
    task_id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    model_name       VARCHAR(100)  NOT NULL,
    model_version    VARCHAR(100)  NOT NULL,
    state            VARCHAR(10)   NOT NULL,
    input            VARCHAR       NOT NULL,  -- the record as a JSON object
    result           VARCHAR,                 -- the prediction as a JSON object
    error_message    VARCHAR,
    error_violations VARCHAR,                 -- JSON array of {field, value, reason}
    submitted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE,
    finished_at      TIMESTAMP WITH TIME ZONE,
    heartbeat_at     TIMESTAMP WITH TIME ZONE,
    attempts         INT           NOT NULL,
    worker           VARCHAR(200)
);
CREATE INDEX IF NOT EXISTS prediction_task_by_state ON prediction_task (state, submitted_at);
CREATE INDEX IF NOT EXISTS prediction_task_by_submission ON prediction_task (submitted_at);
CREATE INDEX IF NOT EXISTS prediction_task_by_finish ON prediction_task (finished_at);
CREATE INDEX IF NOT EXISTS prediction_task_by_model ON prediction_task (model_name, submitted_at);

-- Task counts per model and state, kept as tasks change (counting a million tasks takes
-- PostgreSQL half a second): every change appends its differences here in its own transaction,
-- and the server folds them into one row per model and state every few seconds (TaskCounts).
-- latency_millis sums the round trips (submission to end) of finished tasks.
CREATE TABLE IF NOT EXISTS prediction_task_count (
    change_id      BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    model_name     VARCHAR(100)     NOT NULL,
    state          VARCHAR(10)      NOT NULL,
    tasks          BIGINT           NOT NULL,
    latency_millis DECIMAL(20, 3)   NOT NULL
);

-- A database whose tasks were recorded before the counts existed gets them counted once.
INSERT INTO prediction_task_count (model_name, state, tasks, latency_millis)
SELECT t.model_name, t.state, COUNT(*),
       COALESCE(SUM(EXTRACT(EPOCH FROM (t.finished_at - t.submitted_at)) * 1000), 0)
FROM prediction_task t
WHERE NOT EXISTS (SELECT 1 FROM prediction_task_count)
GROUP BY t.model_name, t.state;

-- Tasks per model and state, with round-trip latency of the finished ones (milliseconds).
-- First and last submission are looked up in the task table's state index.
CREATE OR REPLACE VIEW prediction_task_summary AS
SELECT c.model_name,
       c.state,
       CAST(SUM(c.tasks) AS BIGINT) AS tasks,
       (SELECT MIN(t.submitted_at) FROM prediction_task t
        WHERE t.state = c.state AND t.model_name = c.model_name) AS first_submitted,
       (SELECT MAX(t.submitted_at) FROM prediction_task t
        WHERE t.state = c.state AND t.model_name = c.model_name) AS last_submitted,
       CASE WHEN c.state IN ('SUCCEEDED', 'FAILED', 'CANCELLED')
            THEN SUM(c.latency_millis) / NULLIF(SUM(c.tasks), 0) END AS avg_latency_millis
FROM prediction_task_count c
GROUP BY c.model_name, c.state
HAVING SUM(c.tasks) <> 0;

-- Jobs that set records aside: how many, and what share of the input (the reasons, one per
-- record, are in each job's errors file, or in prediction_rejected for table output).
CREATE OR REPLACE VIEW prediction_rejects_summary AS
SELECT o.job_instance_id,
       o.model,
       o.input,
       o.status,
       o.total_records,
       o.rejected_records,
       CASE WHEN o.total_records > 0 THEN 1.0 * o.rejected_records / o.total_records END AS reject_rate
FROM prediction_job_overview o
WHERE o.rejected_records > 0;

-- Records scored per model per hour: by jobs (partition runs, counted in the hour they ended)
-- and by single-record tasks (succeeded, in the hour they finished).
CREATE OR REPLACE VIEW prediction_throughput_hourly AS
SELECT x.model,
       x.hour_start,
       SUM(x.job_records) AS job_records,
       SUM(x.tasks) AS tasks
FROM (SELECT pm.parameter_value AS model,
             CAST(DATE_TRUNC('hour', s.end_time) AS TIMESTAMP) AS hour_start,
             s.read_count + s.read_skip_count AS job_records,
             0 AS tasks
      FROM batch_step_execution s
      JOIN batch_job_execution_params pm
        ON pm.job_execution_id = s.job_execution_id AND pm.parameter_name = 'model'
      WHERE s.step_name LIKE 'predictPartition:%' AND s.end_time IS NOT NULL
      UNION ALL
      SELECT t.model_name,
             CAST(DATE_TRUNC('hour', t.finished_at) AS TIMESTAMP),
             0,
             1
      FROM prediction_task t
      WHERE t.state = 'SUCCEEDED') x
GROUP BY x.model, x.hour_start;

-- The versions of this schema applied to the database: a digest of this file and of Spring
-- Batch's version. A process that finds its own version here skips both scripts at start-up
-- (they parse and compare a few hundred statements: about 60 ms of every command); delete the
-- rows to have them applied again.
CREATE TABLE IF NOT EXISTS prediction_schema (
    version     VARCHAR(64)   PRIMARY KEY,
    applied_at  TIMESTAMP     NOT NULL
);
