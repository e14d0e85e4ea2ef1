#!/usr/bin/env bash
# Polling overhead (issue 7): does a running job slow down while dashboard pages poll it?
#
# Starts `serve` in embedded mode (H2, the job runs in the serve process), generates a CSV of
# ROWS iris records, and runs the same job through POST /api/jobs again and again, alternating
# runs without and with PAGES simulated open pages: PAGES keep-alive connections each doing what
# the page's job detail view does (GET /api/jobs/{id}, then wait 1 s, as app.js's live refresh),
# plus one doing the jobs list view (GET /api/jobs?limit=100), all in one Python process started
# once and told which job to show, as pages left open in a browser. Warm-up
# runs come first and are not counted: serve's and its database server's JIT compilers keep
# working through the first jobs (the database server's C2 thread alone took 0.4-0.8 s of CPU per
# 1M-row job for the first few), which would be charged to whichever mode ran then. Prints every
# run's job duration (durationSeconds of GET /api/jobs/{id}) and the CPU time serve and its
# database server used meanwhile, the medians of each mode and their ratio; and, because a 1 s job
# on a shared 2-core machine varies by far more than 2 % from run to run, what the pages' requests
# themselves cost: the CPU of serve's request threads (Tomcat's http-nio-*, which only the pages
# use while a job runs) and of the database server's connection threads, against the job's CPU.
# Stops everything it started (serve, the database server serve started, the pollers) by pid.
#
#   bench/run-polling-overhead.sh [--jar JAR] [--rows N] [--runs N] [--warmup N] [--pages N]
#                                 [--port P] [--partitions N] [--keep]
#
# --rows: records in the input (1,000,000); --runs: runs per mode (5); --warmup: jobs run first
# and not counted (5); --pages: job detail pages (5); --keep: keep the work directory (input,
# outputs, serve's log and home).
# Builds nothing: JAR (or $JAR) defaults to batch-app/target/prediction-batch.jar.
# A run without pages sends no request while its job runs: the end is seen from the output file
# appearing (and, every 10 s, from the job's status), then confirmed with GET /api/jobs/{id}.
# Needs java 17, curl, python3.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/serve-process.sh
source "$ROOT/bench/serve-process.sh"
JAR="${JAR:-$ROOT/batch-app/target/prediction-batch.jar}"
ROWS=1000000
RUNS=5
WARMUP=5
PAGES=5
PORT="${PORT:-18081}"
PARTITIONS=""
KEEP=false

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
while [ $# -gt 0 ]; do
    case "$1" in
        --jar) JAR="$2"; shift 2 ;;
        --rows) ROWS="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --warmup) WARMUP="$2"; shift 2 ;;
        --pages) PAGES="$2"; shift 2 ;;
        --port) PORT="$2"; shift 2 ;;
        --partitions) PARTITIONS="$2"; shift 2 ;;
        --keep) KEEP=true; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
done
JAR="$(cd "$(dirname "$JAR")" 2>/dev/null && pwd)/$(basename "$JAR")" || true
if [ ! -f "$JAR" ]; then
    echo "No jar at $JAR: build it (./mvnw -q -B -pl batch-app -am package -DskipTests) or pass --jar" >&2
    exit 2
fi
for tool in java curl python3; do
    command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/polling-overhead.XXXXXX")"
SERVE_PID=""
POLLER_PIDS=()

stop_pollers() {
    local pid
    exec 7>&- 2>/dev/null || true
    for pid in "${POLLER_PIDS[@]-}"; do
        [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${POLLER_PIDS[@]-}"; do
        [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
    done
    POLLER_PIDS=()
}
cleanup() {
    local status=$?
    set +e
    stop_pollers
    # serve started the home's database server (from the same jar); stop it too, by the pid it recorded.
    local db_pid
    db_pid=$(database_server_pid "$WORK/home")
    [ -n "$SERVE_PID" ] && stop_pid "$SERVE_PID" && wait "$SERVE_PID" 2>/dev/null
    if [ -n "$db_pid" ] && tr '\0' ' ' <"/proc/$db_pid/cmdline" 2>/dev/null | grep -qF "$JAR"; then
        stop_pid "$db_pid"
    fi
    if $KEEP; then echo "Kept $WORK"; else rm -rf "$WORK"; fi
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "Jar: $JAR"
echo "Work directory: $WORK; $ROWS rows; $RUNS runs per mode, alternating; $PAGES job detail pages + 1 jobs list page"
python3 - "$WORK/input.csv" "$ROWS" <<'EOF'
import random, sys
random.seed(7)
path, rows = sys.argv[1], int(sys.argv[2])
# Iris-like measurements, one decimal, around the three species' means.
species = [(5.0, 3.4, 1.5, 0.2), (5.9, 2.8, 4.3, 1.3), (6.6, 3.0, 5.6, 2.0)]
with open(path, "w") as out:
    out.write("id,sepal_length,sepal_width,petal_length,petal_width\n")
    lines = []
    for i in range(1, rows + 1):
        m = species[i % 3]
        lines.append("%d,%.1f,%.1f,%.1f,%.1f\n" % (i, m[0] + random.gauss(0, 0.4), m[1] + random.gauss(0, 0.3),
                                                   max(1.0, m[2] + random.gauss(0, 0.4)), max(0.1, m[3] + random.gauss(0, 0.2))))
        if len(lines) == 10000:
            out.writelines(lines)
            lines = []
    out.writelines(lines)
EOF
echo "Input: $(du -h "$WORK/input.csv" | cut -f1) ($ROWS records)"

mkdir -p "$WORK/home"
(
    cd "$WORK"
    unset SPRING_PROFILES_ACTIVE
    export PREDICTION_BATCH_HOME="$WORK/home"
    exec java -jar "$JAR" serve --port "$PORT" # as ./prediction-batch and the Docker image's manager run it
) >"$WORK/serve.log" 2>&1 &
SERVE_PID=$!
BASE="http://127.0.0.1:$PORT"
await_serve "$BASE" "$SERVE_PID" "$WORK/serve.log"
echo "serve (pid $SERVE_PID, embedded mode) answers on port $PORT"

json_field() { python3 -c 'import json,sys
d = json.load(sys.stdin)
for key in sys.argv[1].split("."):
    d = d[key]
print(d)' "$1"; }

# The open pages, in one process started once, as browser tabs left open: each page polls on its
# own keep-alive connection (app.js: the request, then 1 s, again). They poll nothing until told
# "poll JOB_ID" on their control pipe, and stop at "idle"; starting a process (or forking a curl a
# second) for each run would itself load the 2 cores the job runs on, which no open page does.
start_pages() {
    mkfifo "$WORK/pages.control"
    cat >"$WORK/pages.py" <<'PY'
import http.client, sys, threading, time
port, pages = int(sys.argv[1]), int(sys.argv[2])
watched = {"job": None}  # the job the open pages show; None: they wait
changed = threading.Condition()
def page(detail):
    connection = http.client.HTTPConnection("127.0.0.1", port)
    while True:
        with changed:
            changed.wait_for(lambda: watched["job"] is not None)
            job = watched["job"]
        connection.request("GET", f"/api/jobs/{job}" if detail else "/api/jobs?limit=100")
        connection.getresponse().read()
        with changed:  # 1 s, unless told otherwise meanwhile
            changed.wait_for(lambda: watched["job"] != job, timeout=1)
for detail in [True] * pages + [False]:
    threading.Thread(target=page, args=(detail,), daemon=True).start()
for line in sys.stdin:
    words = line.split()
    with changed:
        watched["job"] = words[1] if words[0] == "poll" else None
        changed.notify_all()
PY
    python3 "$WORK/pages.py" "$PORT" "$PAGES" <"$WORK/pages.control" &
    POLLER_PIDS+=($!)
    exec 7>"$WORK/pages.control" # held open: the pages end when it closes
}
pages_poll() { echo "poll $1" >&7; }
pages_idle() { echo idle >&7; }

# CPU time used so far, in seconds: "all requests connections" = serve and the home's database
# server (which answers both the job's and the pages' SQL) in all; serve's request threads
# (Tomcat's http-nio-*: while a job runs only the pages use them); the database server's
# connection threads (H2 TCP Server: the job's commits and the pages' queries).
cpu_seconds() {
    python3 - "$SERVE_PID" "$DB_PID" <<'PY'
import os, sys
ticks = os.sysconf("SC_CLK_TCK")
def fields(path):  # utime and stime, counted after the ") " that ends the command name
    with open(path) as f:
        rest = f.read().rsplit(") ", 1)[1].split()
    return int(rest[11]) + int(rest[12])
def threads(pid, prefix):
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/comm") as f:
                if f.read().startswith(prefix):
                    total += fields(f"/proc/{pid}/task/{task}/stat")
        except OSError:
            pass  # a thread that ended meanwhile
    return total
serve, db = sys.argv[1], sys.argv[2]
every = sum(fields(f"/proc/{pid}/stat") for pid in (serve, db) if pid and os.path.exists(f"/proc/{pid}/stat"))
print(every / ticks, threads(serve, "http-nio") / ticks, (threads(db, "H2 TCP") if db else 0) / ticks)
PY
}

# One run: launches the job, (with pages: starts the pollers), waits for it to end, watching for
# its output file (so that a run without pages sends no request while the job runs), then reads
# its duration; sets RUN_ID, RUN_SECONDS and RUN_CPU (CPU seconds from the launch to the end, as
# cpu_seconds gives them: all, request threads, database connection threads).
run_job() { # label pages?
    local label=$1 pages=$2 body id status detail cpu0 waited=0
    rm -f "$WORK"/out-*.csv "$WORK"/out-*.errors.csv
    body="{\"input\":\"input.csv\",\"output\":\"out-$label.csv\",\"key\":\"id\""
    [ -n "$PARTITIONS" ] && body+=",\"partitions\":$PARTITIONS"
    body+="}"
    cpu0=$(cpu_seconds)
    id=$(curl -sf -X POST "$BASE/api/jobs" -H 'Content-Type: application/json' -d "$body" | json_field id)
    $pages && pages_poll "$id"
    while true; do
        if [ -e "$WORK/out-$label.csv" ] || [ $((waited % 50)) = 49 ]; then # the end, or every 10 s
            detail=$(curl -sf "$BASE/api/jobs/$id")
            status=$(echo "$detail" | json_field job.status)
            case "$status" in
                COMPLETED) break ;;
                FAILED|STOPPED|ABANDONED)
                    pages_idle; echo "Job $id ended $status: $(echo "$detail" | json_field failureReason)" >&2
                    return 1 ;;
            esac
        fi
        sleep 0.2
        waited=$((waited + 1))
        if [ "$waited" -gt 9000 ]; then pages_idle; echo "Job $id did not end within 30 min" >&2; return 1; fi
    done
    RUN_CPU=$(python3 -c 'import sys
print(" ".join(f"{float(b) - float(a):.3f}" for a, b in zip(sys.argv[1].split(), sys.argv[2].split())))' "$cpu0" "$(cpu_seconds)")
    $pages && pages_idle
    RUN_ID=$id
    RUN_SECONDS=$(echo "$detail" | json_field job.durationSeconds)
}

DB_PID=$(database_server_pid "$WORK/home")
for w in $(seq "$WARMUP"); do
    run_job "warmup-$w" false
    echo "warm-up: job $RUN_ID, ${RUN_SECONDS} s (not counted)"
done
# A page kept open all day polls code the JIT has long compiled; so does the measure, not a
# request path run a few dozen times in the interpreter.
python3 - "$PORT" "/api/jobs/$RUN_ID" "/api/jobs?limit=100" <<'PY'
import http.client, sys
connection = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]))
for _ in range(1500):
    for path in sys.argv[2:]:
        connection.request("GET", path)
        connection.getresponse().read()
PY
echo "pages' requests warmed up: 1,500 of each"
start_pages
sleep 3

: >"$WORK/results"
printf '\n%-4s %-16s %6s %12s %9s %11s %11s\n' run mode job "duration s" "CPU s:" "requests" "db conns"
printf '%-4s %-16s %6s %12s %9s %11s %11s\n' "" "" "" "" "all" "(serve)" "(db server)"
for r in $(seq "$RUNS"); do
    # Alternate the order within each pair, so that a drift of the machine hits both modes alike.
    if [ $((r % 2)) = 1 ]; then order="quiet pages"; else order="pages quiet"; fi
    for mode in $order; do
        if [ "$mode" = pages ]; then pages=true; else pages=false; fi
        run_job "$mode-$r" $pages
        label=$([ "$mode" = pages ] && echo "$PAGES pages+list" || echo "no pages")
        # shellcheck disable=SC2086 # RUN_CPU holds three figures
        printf '%-4s %-16s %6s %12s %9s %11s %11s\n' "$r" "$label" "$RUN_ID" "$RUN_SECONDS" $RUN_CPU
        echo "$r $mode $RUN_SECONDS $RUN_CPU" >>"$WORK/results"
        sleep 3
    done
done

python3 - "$WORK/results" <<'EOF'
import statistics, sys
runs = {"quiet": {}, "pages": {}}
for line in open(sys.argv[1]):
    r, mode, *figures = line.split()
    runs[mode][int(r)] = tuple(map(float, figures))  # duration, CPU: all, request threads, db connections
def med(mode, i):
    return statistics.median(v[i] for v in runs[mode].values())
quiet, pages = med("quiet", 0), med("pages", 0)
fmt = lambda mode, i: ", ".join(f"{runs[mode][r][i]:.2f}" for r in sorted(runs[mode]))
print()
print(f"job duration, median without pages: {quiet:.2f} s  (runs: {fmt('quiet', 0)})")
print(f"job duration, median with pages:    {pages:.2f} s  (runs: {fmt('pages', 0)})")
print(f"ratio of the medians with/without:  {pages / quiet:.3f}  ({(pages / quiet - 1) * 100:+.1f} %; target <= +2 %)")
pairs = [runs["pages"][r][0] / runs["quiet"][r][0] for r in sorted(runs["quiet"]) if r in runs["pages"]]
print(f"ratio within each pair of runs:     median {statistics.median(pairs):.3f}, from {min(pairs):.3f} to {max(pairs):.3f}")
spread = (max(v[0] for v in runs["quiet"].values()) - min(v[0] for v in runs["quiet"].values())) / quiet * 100
print(f"spread of the runs without pages:   {spread:.1f} % of their median (the noise of this machine)")
cq, cp = med("quiet", 1), med("pages", 1)
print(f"CPU of serve + database server, median: {cq:.2f} s without pages, {cp:.2f} s with ({(cp / cq - 1) * 100:+.1f} %)")
# What the pages cost, from the threads that do their work: serve's request threads and the
# database server's connection threads, with pages against without (both modes launch the job and
# read its end over HTTP), as a share of the CPU the job itself takes without pages.
requests = med("pages", 2) - med("quiet", 2)
database = med("pages", 3) - med("quiet", 3)
print(f"CPU of the pages' requests, median with - without: serve's request threads {requests * 1000:.0f} ms,"
      f" database connection threads {database * 1000:+.0f} ms")
print(f"the pages' requests against the job's CPU: {(requests + database) / cq * 100:.2f} %  (target <= 2 %)")
EOF
