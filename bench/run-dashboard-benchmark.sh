#!/usr/bin/env bash
# Dashboard benchmark (issue 7): with 10,000 jobs and 1,000,000 tasks in the job repository,
# does every list and detail call the page polls answer in <= 100 ms?
#
# Creates a fresh PostgreSQL database, starts `serve` in distributed mode on it (which applies
# Spring Batch's schema and sql/schema.sql), fills it (bench/dashboard/fill.sql), warms up, then
# times each call with sequential curl requests and prints median, p95 and max in milliseconds,
# PASS when the median is <= 100 ms. For a call that fails, it prints EXPLAIN ANALYZE of the SQL
# behind it. Everything it started is stopped (by pid) and its database dropped on exit.
#
#   bench/run-dashboard-benchmark.sh [--jar JAR] [--requests N] [--warmup N] [--jobs N] [--tasks N]
#                                    [--port P] [--explain-all] [--keep-db] [--jdbc-params P]
#
# --requests: timed requests per call (20); --warmup: untimed ones before them (5), after one
# round over all calls; --explain-all: EXPLAIN ANALYZE timings of every call's SQL, not only of
# the failed ones; --jdbc-params: appended to the server's JDBC URL after '?', to try a
# connection setting, e.g. 'options=-c%20jit=off' (none by default: the application as configured).
#
# Builds nothing: JAR (or $JAR) defaults to batch-app/target/prediction-batch.jar; build it with
#   ./mvnw -q -B -pl batch-app -am package -DskipTests
# Needs: java 17, curl, psql/createdb/dropdb, python3, PostgreSQL ($PGHOST 127.0.0.1, $PGPORT 5432,
# $PGUSER postgres, trust or $PGPASSWORD) and Redis ($REDIS_HOST 127.0.0.1, $REDIS_PORT 6379;
# distributed mode needs it, the benchmark uses its own queue names and deletes them at the end).
# Exit status: 0 when every call passed, 1 when one failed, 2 on a setup error.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/serve-process.sh
source "$ROOT/bench/serve-process.sh"
JAR="${JAR:-$ROOT/batch-app/target/prediction-batch.jar}"
REQUESTS=20
WARMUP=5
JOBS=10000
TASKS=1000000
PORT="${PORT:-18080}"
LIMIT_MS=100
EXPLAIN_ALL=false
KEEP_DB=false
JDBC_PARAMS=""
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
REDIS_HOST="${REDIS_HOST:-127.0.0.1}"
REDIS_PORT="${REDIS_PORT:-6379}"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
while [ $# -gt 0 ]; do
    case "$1" in
        --jar) JAR="$2"; shift 2 ;;
        --requests) REQUESTS="$2"; shift 2 ;;
        --warmup) WARMUP="$2"; shift 2 ;;
        --jobs) JOBS="$2"; shift 2 ;;
        --tasks) TASKS="$2"; shift 2 ;;
        --port) PORT="$2"; shift 2 ;;
        --explain-all) EXPLAIN_ALL=true; shift ;;
        --keep-db) KEEP_DB=true; shift ;;
        --jdbc-params) JDBC_PARAMS="$2"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
done
JAR="$(cd "$(dirname "$JAR")" 2>/dev/null && pwd)/$(basename "$JAR")" || true
if [ ! -f "$JAR" ]; then
    echo "No jar at $JAR: build it (./mvnw -q -B -pl batch-app -am package -DskipTests) or pass --jar" >&2
    exit 2
fi
for tool in java curl psql createdb dropdb python3; do
    command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done

DB="dashbench_$$_$(date +%s)"
PREFIX="dashbench-$$"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/dashbench.XXXXXX")"
SERVE_PID=""
DB_CREATED=false

cleanup() {
    local status=$?
    set +e
    [ -n "$SERVE_PID" ] && stop_pid "$SERVE_PID" && wait "$SERVE_PID" 2>/dev/null
    if $DB_CREATED; then
        if $KEEP_DB; then
            echo "Kept database $DB (dropdb -h $PGHOST -U $PGUSER $DB)"
        else
            dropdb --if-exists --force "$DB" 2>/dev/null || dropdb --if-exists "$DB"
        fi
    fi
    # Our queues, if the server pushed anything (tasks still queued are sent again after a while).
    redis_cmd DEL "$PREFIX:partition-requests" "$PREFIX:task-requests" >/dev/null 2>&1
    rm -rf "$WORK"
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A Redis command without redis-cli (bash's /dev/tcp), so that nothing more is needed.
redis_cmd() {
    local request="" arg
    request+="*$#"$'\r\n'
    for arg in "$@"; do request+="\$${#arg}"$'\r\n'"$arg"$'\r\n'; done
    request+='*1'$'\r\n''$4'$'\r\n''QUIT'$'\r\n'
    exec 9<>"/dev/tcp/$REDIS_HOST/$REDIS_PORT" || return 1
    printf '%s' "$request" >&9
    timeout 2 cat <&9 || true
    exec 9>&- 9<&-
}

sql() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

echo "Jar: $JAR"
echo "Database: $DB on $PGHOST:$PGPORT${JDBC_PARAMS:+ (JDBC: $JDBC_PARAMS)}; $JOBS jobs, $TASKS tasks; $REQUESTS timed requests per call after $WARMUP warm-up"
createdb "$DB"
DB_CREATED=true

mkdir -p "$WORK/home"
(
    cd "$WORK"
    export SPRING_PROFILES_ACTIVE=distributed
    export PREDICTION_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB${JDBC_PARAMS:+?$JDBC_PARAMS}" PREDICTION_DB_USER="$PGUSER"
    export PREDICTION_REDIS_HOST="$REDIS_HOST" PREDICTION_REDIS_PORT="$REDIS_PORT"
    export PREDICTION_BATCH_HOME="$WORK/home"
    # Finished tasks of the last 7 days must outlive the run: a retention above the fill's span.
    exec java -jar "$JAR" serve --port "$PORT" \
        --prediction.distributed.queue="$PREFIX:partition-requests" \
        --prediction.tasks.queue="$PREFIX:task-requests" \
        --prediction.tasks.channel="$PREFIX:task-finished" \
        --prediction.tasks.retention=30d
) >"$WORK/serve.log" 2>&1 &
SERVE_PID=$!
BASE="http://127.0.0.1:$PORT"
await_serve "$BASE" "$SERVE_PID" "$WORK/serve.log"
echo "serve (pid $SERVE_PID) answers on port $PORT"

start=$(date +%s)
psql -X -q -d "$DB" -v jobs="$JOBS" -v tasks="$TASKS" -f "$ROOT/bench/dashboard/fill.sql" >"$WORK/fill.log" 2>&1 \
    || { cat "$WORK/fill.log" >&2; exit 2; }
echo "Filled in $(( $(date +%s) - start )) s: $(sql -c "SELECT (SELECT COUNT(*) FROM batch_job_instance) || ' jobs, '
    || (SELECT COUNT(*) FROM batch_job_execution) || ' executions, '
    || (SELECT COUNT(*) FROM batch_step_execution) || ' step executions, '
    || (SELECT COUNT(*) FROM prediction_task) || ' tasks'")"
echo "Indexes: $(sql -c "SELECT string_agg(indexname, ', ' ORDER BY indexname) FROM pg_indexes
    WHERE schemaname = 'public' AND indexname NOT LIKE '%pkey' AND indexname <> 'job_inst_un'")"

RECENT_ID=$(sql -c "SELECT MAX(job_instance_id) FROM batch_job_instance")
OLD_ID=$(sql -c "SELECT MIN(job_instance_id) FROM batch_job_execution GROUP BY job_instance_id
    HAVING COUNT(*) > 1 ORDER BY 1 LIMIT 1")
echo "Recent job: $RECENT_ID ($(sql -c "SELECT status FROM prediction_job_overview WHERE job_instance_id = $RECENT_ID")), \
old job: $OLD_ID (restarted, $(sql -c "SELECT status FROM prediction_job_overview WHERE job_instance_id = $OLD_ID"))"

# name | path | SQL behind it (what JobQueries, TaskStore, TaskQueries and Spring Batch run)
TASK_COLUMNS="task_id, model_name, model_version, state, input, result, error_message, error_violations, submitted_at, started_at, finished_at, attempts, worker"
detail_sql() { # the job detail: its overview and partitions, and the execution RejectedRecords loads
    local id=$1 latest="(SELECT MAX(job_execution_id) FROM batch_job_execution WHERE job_instance_id = $1)"
    echo -n "SELECT * FROM prediction_job_overview WHERE job_instance_id = $id;"
    echo -n " SELECT * FROM prediction_partition_progress WHERE job_instance_id = $id ORDER BY partition_index;"
    echo -n " SELECT * FROM batch_job_execution_params WHERE job_execution_id = $latest;"
    echo -n " SELECT * FROM batch_step_execution WHERE job_execution_id = $latest ORDER BY step_execution_id;"
    echo " SELECT * FROM batch_step_execution_context WHERE step_execution_id IN (SELECT step_execution_id FROM batch_step_execution WHERE job_execution_id = $latest)"
}
CALLS=(
    "jobs|/api/jobs?limit=100|SELECT * FROM prediction_job_overview WHERE 1 = 1 ORDER BY job_instance_id DESC LIMIT 100"
    "jobs status=FAILED|/api/jobs?status=FAILED&limit=100|SELECT * FROM prediction_job_overview WHERE 1 = 1 AND status = 'FAILED' ORDER BY job_instance_id DESC LIMIT 100"
    "jobs model=iris_model|/api/jobs?model=iris_model&limit=100|SELECT * FROM prediction_job_overview WHERE 1 = 1 AND model = 'iris_model' ORDER BY job_instance_id DESC LIMIT 100"
    "jobs model=text_stats status=STOPPED|/api/jobs?status=STOPPED&model=text_stats&limit=100|SELECT * FROM prediction_job_overview WHERE 1 = 1 AND status = 'STOPPED' AND model = 'text_stats' ORDER BY job_instance_id DESC LIMIT 100"
    "job detail (recent $RECENT_ID)|/api/jobs/$RECENT_ID|$(detail_sql "$RECENT_ID")"
    "job detail (old $OLD_ID)|/api/jobs/$OLD_ID|$(detail_sql "$OLD_ID")"
    "tasks|/api/tasks?limit=100|SELECT $TASK_COLUMNS FROM prediction_task WHERE 1 = 1 ORDER BY submitted_at DESC LIMIT 100"
    "tasks state=FAILED|/api/tasks?state=FAILED&limit=100|SELECT $TASK_COLUMNS FROM prediction_task WHERE 1 = 1 AND state = 'FAILED' ORDER BY submitted_at DESC LIMIT 100"
    "tasks model=text_stats|/api/tasks?model=text_stats&limit=100|SELECT $TASK_COLUMNS FROM prediction_task WHERE 1 = 1 AND model_name = 'text_stats' ORDER BY submitted_at DESC LIMIT 100"
    "tasks state=CANCELLED model=text_stats|/api/tasks?state=CANCELLED&model=text_stats&limit=100|SELECT $TASK_COLUMNS FROM prediction_task WHERE 1 = 1 AND state = 'CANCELLED' AND model_name = 'text_stats' ORDER BY submitted_at DESC LIMIT 100"
    "tasks summary|/api/tasks/summary|SELECT model_name, state, tasks, avg_latency_millis FROM prediction_task_summary ORDER BY model_name, state"
)

# One call: warm-up, then REQUESTS sequential requests; writes the times (seconds) to a file.
time_call() {
    local path=$1 out=$2 code t
    for _ in $(seq "$WARMUP"); do curl -s -o /dev/null --max-time 300 "$BASE$path"; done
    : >"$out"
    for _ in $(seq "$REQUESTS"); do
        read -r code t < <(curl -s -o /dev/null --max-time 300 -w '%{http_code} %{time_total}\n' "$BASE$path")
        if [ "$code" != 200 ]; then
            echo "GET $path answered $code:" >&2; curl -s "$BASE$path" | head -c 600 >&2; echo >&2
            return 1
        fi
        echo "$t" >>"$out"
    done
}

# Warm the whole server first (JIT, connection pool, PostgreSQL's caches): every call once.
for call in "${CALLS[@]}"; do
    IFS='|' read -r _ path _ <<<"$call"
    curl -s -o /dev/null --max-time 300 "$BASE$path"
done

printf '\n%-42s %10s %10s %10s  %s\n' "call (GET)" "median ms" "p95 ms" "max ms" "result (median <= $LIMIT_MS ms)"
failed=()
index=0
for call in "${CALLS[@]}"; do
    IFS='|' read -r name path _ <<<"$call"
    index=$((index + 1))
    time_call "$path" "$WORK/times.$index" || exit 1
    read -r median p95 max verdict < <(python3 - "$WORK/times.$index" "$LIMIT_MS" <<'EOF'
import math, statistics, sys
times = sorted(float(line) * 1000 for line in open(sys.argv[1]) if line.strip())
p95 = times[max(0, math.ceil(0.95 * len(times)) - 1)]          # nearest rank
median = statistics.median(times)
print(f"{median:.1f} {p95:.1f} {times[-1]:.1f} {'PASS' if median <= float(sys.argv[2]) else 'FAIL'}")
EOF
)
    printf '%-42s %10s %10s %10s  %s   %s\n' "$name" "$median" "$p95" "$max" "$verdict" "$path"
    [ "$verdict" = PASS ] || failed+=("$index")
done

# EXPLAIN ANALYZE of the SQL behind a call: the whole plan (of a failed call), or its timings.
explain() {
    local call=$1 whole=$2 name sqls statement
    IFS='|' read -r name _ sqls <<<"$call"
    echo
    echo "== EXPLAIN ANALYZE: $name"
    IFS=';' read -r -a statements <<<"$sqls"
    for statement in "${statements[@]}"; do
        statement="$(echo "$statement" | sed 's/^ *//')"
        [ -n "$statement" ] || continue
        echo "-- $statement" | cut -c1-200
        sql -c "EXPLAIN (ANALYZE, BUFFERS) $statement" >"$WORK/plan" || true
        if $whole && [ "$(wc -l <"$WORK/plan")" -le 60 ]; then
            sed 's/^/   /' "$WORK/plan"
        else
            if $whole; then # the plan's first lines (the rest are mostly per-row subplans)
                head -n 50 "$WORK/plan" | sed 's/^/   /'
                echo "   ... ($(wc -l <"$WORK/plan") lines in all)"
            fi
            grep -E 'Planning Time|Execution Time' "$WORK/plan" | sed 's/^/   /' || true
        fi
    done
}
index=0
for call in "${CALLS[@]}"; do
    index=$((index + 1))
    if [[ " ${failed[*]-} " == *" $index "* ]]; then
        explain "$call" true
    elif $EXPLAIN_ALL; then
        explain "$call" false
    fi
done

echo
if [ ${#failed[@]} -gt 0 ]; then
    echo "FAIL: ${#failed[@]} of ${#CALLS[@]} calls took more than $LIMIT_MS ms (median)"
    exit 1
fi
echo "PASS: every call answered in <= $LIMIT_MS ms (median)"
