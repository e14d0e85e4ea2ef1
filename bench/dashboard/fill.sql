-- Fills an EMPTY PostgreSQL job repository (after the application created its schema: Spring
-- Batch's BATCH_* tables and sql/schema.sql) with what a long-used installation holds:
--   :jobs  prediction jobs (default 10,000) over the last 90 days, each with 1-2 executions
--          (mostly COMPLETED, some FAILED or STOPPED, a few restarted, a few still STARTED), their
--          parameters, step executions (validateInput, predict, predictPartition:p0000..p0007 as
--          distributed mode makes them, assembleOutput), execution contexts, partition plans
--          (prediction_partition) and where each partition ran (prediction_partition_run);
--   :tasks single-record tasks (default 1,000,000) over the last 7 days, models iris_model and
--          text_stats, every state, realistic inputs, results, errors and timestamps.
-- Identifiers are assigned in creation order, as the sequences would have assigned them (a
-- restart's execution gets the id of the time it was restarted), and the sequences are moved
-- past them so that the application can go on creating jobs. Deterministic (setseed), except
-- the task ids (gen_random_uuid) and the clock (everything is relative to now).
--
--   psql -h 127.0.0.1 -U postgres -d DB -v jobs=10000 -v tasks=1000000 -f bench/dashboard/fill.sql
--
-- Tasks finished 7 days ago: run the server with prediction.tasks.retention above 7d (the
-- benchmark passes 30d), or it deletes them.
\set ON_ERROR_STOP on
\if :{?jobs}
\else
\set jobs 10000
\endif
\if :{?tasks}
\else
\set tasks 1000000
\endif

SET TIME ZONE 'UTC';   -- the BATCH_* times are the JVM's local time; this machine's JVMs run in UTC
SET client_min_messages = warning;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM batch_job_instance) OR EXISTS (SELECT 1 FROM prediction_task) THEN
        RAISE EXCEPTION 'fill.sql expects an empty job repository (a fresh database, schema created by the application)';
    END IF;
END $$;

SELECT setseed(0.42);

BEGIN;

-- ---------------------------------------------------------------------------------------------
-- Jobs: one row per job instance with its fate.
--   kind C  completed in one execution        F  failed in one execution (partition failed)
--        V  failed in validateInput           S  stopped in one execution
--        RC failed or stopped, restarted, completed       RF failed, restarted, failed again
--        RUN still running (the newest jobs)  ORPHAN STARTED long ago, its process was killed
CREATE TEMP TABLE fill_job ON COMMIT DROP AS
SELECT g.job_id,
       CASE WHEN g.r_model < 0.25 THEN 'text_stats' ELSE 'iris_model' END AS model,
       CASE WHEN g.r_model < 0.25
            THEN CAST(floor(exp(ln(1000) + g.r_records * (ln(500000) - ln(1000)))) AS BIGINT)
            ELSE CAST(floor(exp(ln(150) + g.r_records * (ln(2000000) - ln(150)))) AS BIGINT) END AS records,
       LOCALTIMESTAMP - INTERVAL '90 days' + (g.job_id - 1) * (INTERVAL '90 days' / :jobs)
           + g.r_jitter * INTERVAL '60 seconds' AS created,
       g.r_format < 0.2 AS jsonl,
       g.r_key < 0.8 AS has_key,
       CASE WHEN g.r_reject < 0.70 THEN 0.0
            WHEN g.r_reject < 0.95 THEN g.r_reject2 * 0.01
            ELSE 0.01 + g.r_reject2 * 0.09 END AS reject_rate,
       20000 + g.r_speed * 60000 AS speed,                         -- records per second, all partitions
       CASE WHEN g.job_id IN (:jobs, :jobs - 2, :jobs - 5) THEN 'RUN'
            WHEN g.job_id = CAST(:jobs * 7 / 10 AS INT) THEN 'ORPHAN'
            WHEN g.job_id > :jobs - 50 THEN                              -- too recent to be restarted yet
                 CASE WHEN g.r_kind < 0.86 THEN 'C' WHEN g.r_kind < 0.95 THEN 'F' ELSE 'S' END
            WHEN g.r_kind < 0.80 THEN 'C'
            WHEN g.r_kind < 0.86 THEN CASE WHEN g.r_sub < 0.3 THEN 'V' ELSE 'F' END
            WHEN g.r_kind < 0.89 THEN 'S'
            WHEN g.r_kind < 0.98 THEN 'RC'
            ELSE 'RF' END AS kind,
       g.r_sub,
       0.1 + 0.8 * g.r_frac AS frac1,                                -- share done by a first run that ended short
       g.r_delay
FROM (SELECT i AS job_id, random() AS r_model, random() AS r_records, random() AS r_jitter,
             random() AS r_format, random() AS r_key, random() AS r_reject, random() AS r_reject2,
             random() AS r_speed, random() AS r_kind, random() AS r_sub, random() AS r_frac,
             random() AS r_delay
      FROM generate_series(1, :jobs) AS i) g;

-- ---------------------------------------------------------------------------------------------
-- Executions: the first run of every job, and the restart of the RC and RF ones.
CREATE TEMP TABLE fill_exec_raw ON COMMIT DROP AS
SELECT j.job_id, 1 AS exec_no,
       CASE j.kind WHEN 'C' THEN 'COMPLETED' WHEN 'S' THEN 'STOPPED'
                   WHEN 'RUN' THEN 'STARTED' WHEN 'ORPHAN' THEN 'STARTED'
                   WHEN 'RC' THEN CASE WHEN j.r_sub < 0.7 THEN 'FAILED' ELSE 'STOPPED' END
                   ELSE 'FAILED' END AS status,
       j.created AS create_time,
       j.created + INTERVAL '40 milliseconds' AS start_time,
       CASE WHEN j.kind = 'C' THEN j.created + (3 + j.records / j.speed) * INTERVAL '1 second'
            WHEN j.kind = 'V' THEN j.created + INTERVAL '300 milliseconds'
            WHEN j.kind IN ('RUN', 'ORPHAN') THEN NULL
            ELSE j.created + (1 + j.frac1 * j.records / j.speed) * INTERVAL '1 second' END AS end_time
FROM fill_job j
UNION ALL
SELECT j.job_id, 2,
       CASE j.kind WHEN 'RC' THEN 'COMPLETED' ELSE 'FAILED' END,
       r.restarted,
       r.restarted + INTERVAL '40 milliseconds',
       r.restarted + (CASE j.kind WHEN 'RC' THEN 3 + (1 - j.frac1) * j.records / j.speed
                                  ELSE 1 + 0.5 * (1 - j.frac1) * j.records / j.speed END) * INTERVAL '1 second'
FROM fill_job j
CROSS JOIN LATERAL (SELECT j.created + (1 + j.frac1 * j.records / j.speed) * INTERVAL '1 second'
                           + LEAST(INTERVAL '5 minutes' + j.r_delay * INTERVAL '2 days',
                                   (LOCALTIMESTAMP - INTERVAL '30 minutes' - j.created) / 2) AS restarted) r
WHERE j.kind IN ('RC', 'RF');

CREATE TEMP TABLE fill_exec ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY e.create_time, e.job_id, e.exec_no) AS job_execution_id, e.*
FROM fill_exec_raw e;

-- ---------------------------------------------------------------------------------------------
-- Partition runs: every partition in the first run (unless it failed validating its input), and
-- in a restart the partitions the first run left unfinished, resuming from its last commit.
CREATE TEMP TABLE fill_part ON COMMIT DROP AS
SELECT j.job_id, k AS partition_index,
       j.records / 8 + CASE WHEN k < j.records % 8 THEN 1 ELSE 0 END AS records,
       2 + k * (j.records / 8) + LEAST(k, j.records % 8) AS first_line,
       -- a first run that ended short left this partition unfinished, at a chunk boundary
       e1.status <> 'COMPLETED' AND (k = j.job_id % 8 OR random() > j.frac1) AS unfinished,
       random() AS r_done, random() AS r_done2, random() AS r_reject
FROM fill_job j
JOIN fill_exec e1 ON e1.job_id = j.job_id AND e1.exec_no = 1
CROSS JOIN generate_series(0, 7) AS k
WHERE j.kind <> 'V';

CREATE TEMP TABLE fill_part_run ON COMMIT DROP AS
SELECT p.job_id, p.partition_index, e.exec_no, e.job_execution_id, e.start_time AS exec_start, e.end_time AS exec_end,
       x.status, x.read_count,
       LEAST(x.read_count, CAST(round(x.read_count * j.reject_rate * (0.5 + p.r_reject)) AS BIGINT)) AS skips,
       j.speed
FROM fill_part p
JOIN fill_job j ON j.job_id = p.job_id
JOIN fill_exec e ON e.job_id = p.job_id
CROSS JOIN LATERAL (
    SELECT CAST(floor(p.records * p.r_done / 5000) * 5000 AS BIGINT) AS partial1,
           CAST(floor((p.records - floor(p.records * p.r_done / 5000) * 5000) * p.r_done2 / 5000) * 5000 AS BIGINT) AS partial2
) c
CROSS JOIN LATERAL (
    SELECT CASE WHEN e.exec_no = 1 AND NOT p.unfinished THEN 'COMPLETED'
                WHEN e.exec_no = 1 THEN e.status
                WHEN e.status = 'FAILED' AND p.partition_index = p.job_id % 8 THEN 'FAILED'
                ELSE 'COMPLETED' END AS status,
           CASE WHEN e.exec_no = 1 AND NOT p.unfinished THEN p.records
                WHEN e.exec_no = 1 THEN c.partial1
                WHEN e.status = 'FAILED' AND p.partition_index = p.job_id % 8 THEN c.partial2
                ELSE p.records - c.partial1 END AS read_count
) x
WHERE e.exec_no = 1 OR p.unfinished;

-- ---------------------------------------------------------------------------------------------
-- Step executions, in the order a run creates them, numbered as the sequence would number them.
CREATE TEMP TABLE fill_step_raw ON COMMIT DROP AS
SELECT e.job_execution_id, e.create_time AS exec_create, 0 AS step_order, 'validateInput' AS step_name,
       CASE WHEN j.kind = 'V' THEN 'FAILED' ELSE 'COMPLETED' END AS status,
       e.start_time + INTERVAL '20 milliseconds' AS start_time,
       e.start_time + CASE WHEN j.kind = 'V' THEN INTERVAL '200 milliseconds' ELSE INTERVAL '70 milliseconds' END AS end_time,
       CAST(0 AS BIGINT) AS read_count, CAST(0 AS BIGINT) AS write_count, CAST(0 AS BIGINT) AS process_skip_count,
       CAST(1 AS BIGINT) AS commit_count,
       CASE WHEN j.kind = 'V' THEN CASE WHEN j.r_sub < 0.15
                 THEN 'io.predictionbatch.app.input.MalformedInputException: The input file has a quote that never closes (line 1742)'
                 ELSE 'io.predictionbatch.app.input.MalformedInputException: The header of the input file names none of the fields of iris_model (sepal_length, sepal_width, petal_length, petal_width)' END
            ELSE '' END AS exit_message,
       'v' AS context_kind, CAST(NULL AS INT) AS partition_index
FROM fill_exec e JOIN fill_job j ON j.job_id = e.job_id
WHERE e.exec_no = 1
UNION ALL
SELECT e.job_execution_id, e.create_time, 1, 'predict', e.status,
       e.start_time + INTERVAL '110 milliseconds',
       CASE WHEN e.status = 'COMPLETED' THEN e.end_time - INTERVAL '250 milliseconds' ELSE e.end_time END,
       s.read_count, s.read_count - s.skips, s.skips, s.runs,
       CASE WHEN e.status = 'FAILED' THEN 'org.springframework.batch.core.job.JobExecutionException: Partition handler returned an unsuccessful step'
            ELSE '' END,
       'm', NULL
FROM fill_exec e JOIN fill_job j ON j.job_id = e.job_id
JOIN (SELECT job_execution_id, SUM(read_count) AS read_count, SUM(skips) AS skips, COUNT(*) AS runs
      FROM fill_part_run GROUP BY job_execution_id) s ON s.job_execution_id = e.job_execution_id
UNION ALL
SELECT r.job_execution_id, e.create_time, 2 + r.partition_index,
       'predictPartition:p' || lpad(CAST(r.partition_index AS TEXT), 4, '0'), r.status,
       r.exec_start + INTERVAL '150 milliseconds' + r.partition_index * INTERVAL '40 milliseconds',
       CASE WHEN r.status = 'STARTED' THEN NULL
            WHEN r.status = 'COMPLETED' AND e.status IN ('STARTED', 'COMPLETED') AND r.exec_end IS NULL
                 THEN r.exec_start + (1 + r.read_count * 8 / r.speed) * INTERVAL '1 second'
            WHEN r.status = 'COMPLETED'
                 THEN LEAST(r.exec_end - INTERVAL '300 milliseconds',
                            r.exec_start + (1 + r.read_count * 8 / r.speed) * INTERVAL '1 second')
            ELSE r.exec_end - INTERVAL '50 milliseconds' END,
       r.read_count, r.read_count - r.skips, r.skips,
       GREATEST(1, CAST(ceil(r.read_count / 5000.0) AS BIGINT)),
       CASE r.status
            WHEN 'FAILED' THEN 'org.springframework.dao.DataAccessResourceFailureException: PreparedStatementCallback; SQL [UPDATE BATCH_STEP_EXECUTION SET START_TIME = ?, END_TIME = ?, STATUS = ?, COMMIT_COUNT = ?, READ_COUNT = ?, FILTER_COUNT = ?, WRITE_COUNT = ?, EXIT_CODE = ?, EXIT_MESSAGE = ?, VERSION = ?, READ_SKIP_COUNT = ?, PROCESS_SKIP_COUNT = ?, WRITE_SKIP_COUNT = ?, ROLLBACK_COUNT = ?, LAST_UPDATED = ? WHERE STEP_EXECUTION_ID = ? AND VERSION = ?]; An I/O error occurred while sending to the backend.'
            WHEN 'STOPPED' THEN 'org.springframework.batch.core.JobInterruptedException: Job interrupted status detected.'
            ELSE '' END,
       'p', r.partition_index
FROM fill_part_run r JOIN fill_exec e ON e.job_execution_id = r.job_execution_id
UNION ALL
SELECT e.job_execution_id, e.create_time, 10, 'assembleOutput', 'COMPLETED',
       e.end_time - INTERVAL '230 milliseconds', e.end_time - INTERVAL '20 milliseconds',
       0, j.records - w.skips, 0, 1, '', 'a', NULL
FROM fill_exec e JOIN fill_job j ON j.job_id = e.job_id
JOIN (SELECT job_id, SUM(skips) AS skips FROM fill_part_run GROUP BY job_id) w ON w.job_id = e.job_id
WHERE e.status = 'COMPLETED';

CREATE TEMP TABLE fill_step ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY s.exec_create, s.job_execution_id, s.step_order) AS step_execution_id, s.*
FROM fill_step_raw s;

-- ---------------------------------------------------------------------------------------------
INSERT INTO batch_job_instance (job_instance_id, version, job_name, job_key)
SELECT j.job_id, 0, 'predictionJob', md5('dashbench job ' || j.job_id)
FROM fill_job j;

INSERT INTO batch_job_execution (job_execution_id, version, job_instance_id, create_time, start_time, end_time,
                                 status, exit_code, exit_message, last_updated)
SELECT e.job_execution_id, CASE WHEN e.status = 'STARTED' THEN 1 ELSE 3 END, e.job_id, e.create_time,
       e.start_time, e.end_time, e.status,
       CASE WHEN e.status = 'STARTED' THEN 'UNKNOWN' ELSE e.status END,
       CASE e.status
            WHEN 'FAILED' THEN CASE WHEN j.kind = 'V'
                 THEN 'io.predictionbatch.app.input.MalformedInputException: The header of the input file names none of the fields of iris_model (sepal_length, sepal_width, petal_length, petal_width)'
                 ELSE 'org.springframework.batch.core.job.JobExecutionException: Partition handler returned an unsuccessful step' END
            WHEN 'STOPPED' THEN 'org.springframework.batch.core.JobInterruptedException: Job interrupted by step execution'
            ELSE '' END,
       COALESCE(e.end_time + INTERVAL '9 milliseconds', LEAST(e.start_time + INTERVAL '30 seconds', LOCALTIMESTAMP))
FROM fill_exec e JOIN fill_job j ON j.job_id = e.job_id;

-- The parameters PredictionJobParameters.toJobParameters gives (identifying: model, input,
-- output, requestId), the same for a restart.
INSERT INTO batch_job_execution_params (job_execution_id, parameter_name, parameter_type, parameter_value, identifying)
SELECT e.job_execution_id, p.name, p.type, p.value, p.identifying
FROM fill_exec e
JOIN fill_job j ON j.job_id = e.job_id
CROSS JOIN LATERAL (VALUES
    ('partitions', 'java.lang.Long', '8', 'N'),
    ('chunkSize', 'java.lang.Long', '5000', 'N'),
    ('maxErrorRate', 'java.lang.Double', CASE WHEN j.job_id % 10 = 0 THEN '0.05' ELSE '1.0' END, 'N'),
    ('inputFormat', 'java.lang.String', CASE WHEN j.jsonl THEN 'JSONL' ELSE 'CSV' END, 'N'),
    ('output', 'java.lang.String', '/data/out/batch-' || j.job_id || '.predictions.csv', 'Y'),
    ('input', 'java.lang.String', '/data/in/batch-' || j.job_id || CASE WHEN j.jsonl THEN '.jsonl' ELSE '.csv' END, 'Y'),
    ('keyColumn', 'java.lang.String', CASE WHEN j.has_key THEN 'id' END, 'N'),
    ('maxErrors', 'java.lang.Long', CASE WHEN j.job_id % 7 = 0 THEN '1000' ELSE '-1' END, 'N'),
    ('requestId', 'java.lang.String', md5('dashbench request ' || j.job_id)::uuid::text, 'Y'),
    ('model', 'java.lang.String', j.model, 'Y'),
    ('outputFormat', 'java.lang.String', 'CSV', 'N'),
    ('errors', 'java.lang.String', '/data/out/batch-' || j.job_id || '.predictions.errors.csv', 'N')
) AS p(name, type, value, identifying)
WHERE p.value IS NOT NULL;

-- Execution contexts as a run leaves them (Java-serialised maps, from a real run).
INSERT INTO batch_job_execution_context (job_execution_id, short_context, serialized_context)
SELECT e.job_execution_id,
       'rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcAUH2sHDFmDRAwACRgAKbG9hZEZhY3RvckkACXRocmVzaG9sZHhwP0AAAAAAAAx3CAAAABAAAAADdAAJb3duZXIucGlkc3IADmphdmEubGFuZy5Mb25nO4vkkMyPI98CAAFKAAV2YWx1ZXhyABBqYXZhLmxhbmcuTnVtYmVyhqyVHQuU4IsCAAB4cAAAAAAAAFoLdAANYmF0Y2gudmVyc2lvbnQABTYuMC40dAAKb3duZXIuaG9zdHQAAnZteA==',
       NULL
FROM fill_exec e;

INSERT INTO batch_step_execution (step_execution_id, version, step_name, job_execution_id, create_time, start_time,
                                  end_time, status, commit_count, read_count, filter_count, write_count,
                                  read_skip_count, write_skip_count, process_skip_count, rollback_count, exit_code,
                                  exit_message, last_updated)
SELECT s.step_execution_id, CASE WHEN s.status = 'STARTED' THEN 2 ELSE 4 END, s.step_name, s.job_execution_id,
       s.start_time - INTERVAL '15 milliseconds', s.start_time, s.end_time, s.status, s.commit_count, s.read_count, 0,
       s.write_count, 0, 0, s.process_skip_count, LEAST(s.process_skip_count, s.commit_count),
       CASE WHEN s.status = 'STARTED' THEN 'EXECUTING' ELSE s.status END, s.exit_message,
       COALESCE(s.end_time + INTERVAL '10 milliseconds', LEAST(s.start_time + INTERVAL '30 seconds', LOCALTIMESTAMP))
FROM fill_step s;

INSERT INTO batch_step_execution_context (step_execution_id, short_context, serialized_context)
SELECT s.step_execution_id,
       CASE s.context_kind
            WHEN 'v' THEN 'rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcAUH2sHDFmDRAwACRgAKbG9hZEZhY3RvckkACXRocmVzaG9sZHhwP0AAAAAAAAx3CAAAABAAAAADdAARYmF0Y2gudGFza2xldFR5cGV0AC9pby5wcmVkaWN0aW9uYmF0Y2guYXBwLmpvYi5WYWxpZGF0ZUlucHV0VGFza2xldHQADWJhdGNoLnZlcnNpb250AAU2LjAuNHQADmJhdGNoLnN0ZXBUeXBldAA3b3JnLnNwcmluZ2ZyYW1ld29yay5iYXRjaC5jb3JlLnN0ZXAudGFza2xldC5UYXNrbGV0U3RlcHg='
            WHEN 'm' THEN 'rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcAUH2sHDFmDRAwACRgAKbG9hZEZhY3RvckkACXRocmVzaG9sZHhwP0AAAAAAAAx3CAAAABAAAAADdAAlU2ltcGxlU3RlcEV4ZWN1dGlvblNwbGl0dGVyLkdSSURfU0laRXNyAA5qYXZhLmxhbmcuTG9uZzuL5JDMjyPfAgABSgAFdmFsdWV4cgAQamF2YS5sYW5nLk51bWJlcoaslR0LlOCLAgAAeHAAAAAAAAAAAXQADWJhdGNoLnZlcnNpb250AAU2LjAuNHQADmJhdGNoLnN0ZXBUeXBldAA2b3JnLnNwcmluZ2ZyYW1ld29yay5iYXRjaC5jb3JlLnBhcnRpdGlvbi5QYXJ0aXRpb25TdGVweA=='
            WHEN 'p' THEN 'rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcAUH2sHDFmDRAwACRgAKbG9hZEZhY3RvckkACXRocmVzaG9sZHhwP0AAAAAAABh3CAAAACAAAAAOdAAPc2xpY2UuZmlyc3RMaW5lc3IADmphdmEubGFuZy5Mb25nO4vkkMyPI98CAAFKAAV2YWx1ZXhyABBqYXZhLmxhbmcuTnVtYmVyhqyVHQuU4IsCAAB4cAAAAAAAAAACdAAVcmVqZWN0cy5jdXJyZW50LmNvdW50c3EAfgADAAAAAAAAAAB0ABlwcmVkaWN0aW9ucy5jdXJyZW50LmNvdW50c3EAfgADAAAAAAAAAQB0ABZzbGljZS5maWxlTGFzdE1vZGlmaWVkc3EAfgADAAABohY627d0ABNwcmVkaWN0aW9ucy53cml0dGVuc3EAfgADAAAAAAAAABV0AA1zbGljZS5yZWNvcmRzc3EAfgADAAAAAAAAABV0AA9yZWplY3RzLndyaXR0ZW5xAH4AB3QAC3NsaWNlLnN0YXJ0c3EAfgADAAAAAAAAAD10ABFyZWFkZXIucmVhZC5jb3VudHNyABFqYXZhLmxhbmcuSW50ZWdlchLioKT3gYc4AgABSQAFdmFsdWV4cQB+AAQAAAAWdAALc2xpY2UuaW5kZXhzcQB+ABQAAAAAdAANYmF0Y2gudmVyc2lvbnQABTYuMC40dAAOc2xpY2UuZmlsZVNpemVzcQB+AAMAAAAAAAARAXQADmJhdGNoLnN0ZXBUeXBldAA6b3JnLnNwcmluZ2ZyYW1ld29yay5iYXRjaC5jb3JlLnN0ZXAuaXRlbS5DaHVua09yaWVudGVkU3RlcHQACXNsaWNlLmVuZHNxAH4AAwAAAAAAAAJWeA=='
            ELSE 'rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcAUH2sHDFmDRAwACRgAKbG9hZEZhY3RvckkACXRocmVzaG9sZHhwP0AAAAAAAAx3CAAAABAAAAAGdAARYmF0Y2gudGFza2xldFR5cGV0ADBpby5wcmVkaWN0aW9uYmF0Y2guYXBwLmpvYi5Bc3NlbWJsZU91dHB1dFRhc2tsZXR0AA9zdW1tYXJ5LnJlY29yZHNzcgAOamF2YS5sYW5nLkxvbmc7i+SQzI8j3wIAAUoABXZhbHVleHIAEGphdmEubGFuZy5OdW1iZXKGrJUdC5TgiwIAAHhwAAAAAAAAAJZ0AA1iYXRjaC52ZXJzaW9udAAFNi4wLjR0ABBzdW1tYXJ5LnJlamVjdGVkc3EAfgAFAAAAAAAAAAB0AA5iYXRjaC5zdGVwVHlwZXQAN29yZy5zcHJpbmdmcmFtZXdvcmsuYmF0Y2guY29yZS5zdGVwLnRhc2tsZXQuVGFza2xldFN0ZXB0AA9zdW1tYXJ5LndyaXR0ZW5zcQB+AAUAAAAAAAAAlng='
       END,
       NULL
FROM fill_step s;

INSERT INTO prediction_partition (job_instance_id, step_name, partition_index, first_line, records, start_offset, end_offset)
SELECT p.job_id, 'predictPartition:p' || lpad(CAST(p.partition_index AS TEXT), 4, '0'), p.partition_index,
       p.first_line, p.records, 61 + (p.first_line - 2) * 27, 61 + (p.first_line - 2 + p.records) * 27
FROM fill_part p;

INSERT INTO prediction_partition_run (step_execution_id, ran_on)
SELECT s.step_execution_id,
       'worker-' || (1 + s.step_execution_id % 4) || ':' || (2000 + s.job_execution_id % 5000)
           || ' partitionRequests-0-redis:queue-inbound-channel-adapter1'
FROM fill_step s
WHERE s.context_kind = 'p';

-- ---------------------------------------------------------------------------------------------
-- Tasks: :tasks over the last 7 days, oldest first; 30 % text_stats. The newest ones still
-- queued or running; of the others 94.5 % succeeded, 5 % failed (a bad field, or a model's
-- refusal), 0.5 % cancelled before they ran; one in a thousand ran twice (its worker was lost).
INSERT INTO prediction_task (task_id, model_name, model_version, state, input, result, error_message,
                             error_violations, submitted_at, started_at, finished_at, heartbeat_at, attempts, worker)
SELECT CAST(gen_random_uuid() AS TEXT),
       t.model,
       CASE t.model WHEN 'iris_model' THEN '1.0.0' ELSE 'test-1' END,
       t.state,
       CASE WHEN t.model = 'iris_model' THEN
            '{"sepal_length":' || round(CAST(4.3 + 3.6 * t.r1 AS NUMERIC), 1)
            || ',"sepal_width":' || CASE WHEN t.state = 'FAILED' THEN '"abc"' ELSE CAST(round(CAST(2.0 + 2.4 * t.r2 AS NUMERIC), 1) AS TEXT) END
            || ',"petal_length":' || round(CAST(1.0 + 5.9 * t.r3 AS NUMERIC), 1)
            || ',"petal_width":' || round(CAST(0.1 + 2.4 * t.r4 AS NUMERIC), 1) || '}'
       ELSE '{"text":"' || CASE WHEN t.state = 'FAILED' THEN 'refuse'
                                ELSE (ARRAY['the quick brown fox jumps over the lazy dog',
                                            'batch prediction at scale',
                                            'hello world',
                                            'a record for the text stats model, with a few more words than most',
                                            'lorem ipsum dolor sit amet consectetur adipiscing elit'])[1 + CAST(floor(t.r1 * 5) AS INT)] END
            || '","delay_millis":0}' END,
       CASE WHEN t.state <> 'SUCCEEDED' THEN NULL
            WHEN t.model = 'iris_model' THEN
                 '{"species":"' || (ARRAY['setosa', 'versicolor', 'virginica'])[1 + CAST(floor(t.r2 * 3) AS INT)] || '"}'
            ELSE '{"words":' || (2 + CAST(floor(t.r1 * 12) AS INT)) || ',"shout":"HELLO WORLD"}' END,
       CASE t.state
            WHEN 'FAILED' THEN CASE WHEN t.model = 'iris_model'
                 THEN 'The record does not fit the input of iris_model: sepal_width: ''abc'' is not a number'
                 ELSE 'text_stats refuses the text ''refuse''' END
            WHEN 'CANCELLED' THEN 'Cancelled before it ran' END,
       CASE WHEN t.state = 'FAILED' AND t.model = 'iris_model'
            THEN '[{"field":"sepal_width","value":"abc","reason":"is not a number"}]' END,
       t.submitted,
       CASE WHEN t.state IN ('QUEUED', 'CANCELLED') THEN NULL ELSE t.started END,
       CASE WHEN t.state IN ('QUEUED', 'RUNNING') THEN NULL
            WHEN t.state = 'CANCELLED' THEN t.submitted + INTERVAL '1 second' * (0.5 + 20 * t.r5)
            ELSE t.started + INTERVAL '1 millisecond' * (1 + CASE t.model WHEN 'iris_model' THEN 4 ELSE 25 END * t.r5) END,
       CASE WHEN t.state = 'RUNNING' THEN now() - INTERVAL '1 second' END,
       CASE WHEN t.state IN ('QUEUED', 'CANCELLED') THEN 0 WHEN t.r6 < 0.001 THEN 2 ELSE 1 END,
       CASE WHEN t.state IN ('QUEUED', 'CANCELLED') THEN NULL
            ELSE 'worker-' || (1 + t.n % 4) || ':' || (2000 + t.n % 5000 / 1000) END
FROM (SELECT g.*,
             g.submitted + INTERVAL '1 millisecond' * (2 + 40 * g.r5 + CASE WHEN g.r6 < 0.001 THEN 12000 ELSE 0 END) AS started,
             CASE WHEN g.n > :tasks - 2000 AND g.r_state < 0.5 THEN 'QUEUED'
                  WHEN g.n > :tasks - 2000 AND g.r_state < 0.53 THEN 'RUNNING'
                  WHEN g.r_state < 0.005 THEN 'CANCELLED'
                  WHEN g.r_state < 0.055 THEN 'FAILED'
                  ELSE 'SUCCEEDED' END AS state
      FROM (SELECT n,
                   CASE WHEN random() < 0.3 THEN 'text_stats' ELSE 'iris_model' END AS model,
                   now() - INTERVAL '7 days' + n * (INTERVAL '7 days' / :tasks)
                       - random() * (INTERVAL '7 days' / :tasks) AS submitted,
                   random() AS r_state, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
                   random() AS r5, random() AS r6
            FROM generate_series(1, :tasks) AS n) g) t;

-- The counts the application keeps as tasks change (TaskCounts), as folded by the server.
INSERT INTO prediction_task_count (model_name, state, tasks, latency_millis)
SELECT model_name, state, COUNT(*), COALESCE(SUM(EXTRACT(EPOCH FROM (finished_at - submitted_at)) * 1000), 0)
FROM prediction_task
GROUP BY model_name, state;

-- The application goes on numbering where the fill stopped.
SELECT setval('batch_job_instance_seq', (SELECT MAX(job_instance_id) FROM batch_job_instance));
SELECT setval('batch_job_execution_seq', (SELECT MAX(job_execution_id) FROM batch_job_execution));
SELECT setval('batch_step_execution_seq', (SELECT MAX(step_execution_id) FROM batch_step_execution));

COMMIT;

-- Statistics and visibility maps, as autovacuum would have them on a repository this old.
VACUUM ANALYZE batch_job_instance;
VACUUM ANALYZE batch_job_execution;
VACUUM ANALYZE batch_job_execution_params;
VACUUM ANALYZE batch_job_execution_context;
VACUUM ANALYZE batch_step_execution;
VACUUM ANALYZE batch_step_execution_context;
VACUUM ANALYZE prediction_partition;
VACUUM ANALYZE prediction_partition_run;
VACUUM ANALYZE prediction_task;
