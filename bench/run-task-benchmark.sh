#!/usr/bin/env bash
# Benchmark: the REST API of `serve` (sync predict and single-record tasks), embedded and then
# distributed with two worker JVMs, against the Celery + Redis system it replaces, in one run.
#
#   bench/run-task-benchmark.sh [--seconds S] [--warmup S] [--latency-warmup S] [--clients N]
#                               [--batch N] [--prewarm S] [--celery-records N]
#                               [--skip-embedded] [--skip-distributed] [--skip-celery] [--jfr]
#
# Measures with io.predictionbatch.bench.TaskApiBenchmark (each client thread has its own HTTP/1.1
# keep-alive connection and a sequential loop; warm-up, then a window of --seconds, default 10):
#   sync predict, 1 client (p50/p99) and --clients clients (default 16; requests/s);
#   task submit + long poll (GET /api/tasks/ID?wait=5s) until it ends, 1 client (p50/p99);
#   the same with --clients submitters (tasks/s), and submitters that each submit --batch tasks
#   (default 100) and then wait for them all, as a Celery client does with .delay() then .get().
# The one-client latencies get a longer warm-up (--latency-warmup, default 60 s): the harness is a
# fresh JVM each time, and in its first seconds its own JIT compiles took 2.5 ms of CPU per round
# trip (0.6-0.75 ms once warm), on the two cores the servers run on: the p50 measured the client's
# warm-up as much as the server. A caller of the server is a long-running service, warm too.
# Before the figures, each server is pre-warmed for --prewarm seconds (default 60) of sync and of
# task load, not reported: on 2 busy cores C2 still compiles the request path minutes after start,
# and a JVM that is still compiling costs several times more CPU per request.
# Distributed mode: one `serve` and two `worker` JVMs on a fresh PostgreSQL schema (dropped after)
# and unique Redis names, PostgreSQL and Redis on 127.0.0.1. The Celery peer
# (../shared/peers/celery/run.sh, needs Debian's python3-celery, python3-redis, python3-sklearn)
# runs when /usr/bin/python3 can import celery, redis and sklearn; otherwise the summary compares
# with the figures measured earlier on this kind of machine. Prints a summary table with ratios.
# When Debian's wrk is installed, the server's capacity is also measured with it (bench/wrk/*.lua):
# sync predict on 1 and on --clients connections, and tasks submitted and long-polled on --clients
# connections. wrk, in C, costs a few microseconds a request; the JVM harness costs about 0.2 ms
# of CPU a request, which on 2 cores caps what it can drive near 3,000 requests/s, so the targets
# on requests/s and tasks/s are read from wrk, the latencies a Java caller sees from the harness.
# Each figure comes with the CPU time the server JVMs, the load generator and the whole machine spent
# in its window: per operation, a request's cost, which stays meaningful when others load the machine.
# --jfr records a flight recording of every server and worker JVM (bench/out/tasks/*.jfr).
# Every process started here is stopped by its PID on exit, failure included. Loopback only.
# Not part of CI (.ci/run): timings on a shared machine are not pass/fail material.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
seconds=10 warmup=5 latency_warmup=60 prewarm=60 clients=16 batch=100 celery_records=20000 embedded=yes distributed=yes celery=yes jfr=no
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --warmup) warmup="$2"; shift 2 ;;
        --latency-warmup) latency_warmup="$2"; shift 2 ;;
        --prewarm) prewarm="$2"; shift 2 ;;
        --celery-records) celery_records="$2"; shift 2 ;;
        --clients) clients="$2"; shift 2 ;;
        --batch) batch="$2"; shift 2 ;;
        --skip-embedded) embedded=no; shift ;;
        --skip-distributed) distributed=no; shift ;;
        --skip-celery) celery=no; shift ;;
        --jfr) jfr=yes; shift ;;
        *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
    esac
done
out="$here/out/tasks"
rm -rf "$out"
mkdir -p "$out"
jar="$root/batch-app/target/prediction-batch.jar"
peer="$(cd "$root/.." && pwd)/shared/peers/celery"
results="$out/results.txt"
: > "$results"

pids=()          # every process started here; process groups for the Celery peer
schema=""
queue=""
cleanup() {
    local pid
    for pid in "${pids[@]}"; do
        kill -- "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        # Bounded: a process that ignores SIGTERM for 30 s is killed.
        for _ in $(seq 1 60); do kill -0 -- "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -KILL -- "$pid" 2>/dev/null || true
    done
    pids=()
    if [ -n "$schema" ]; then
        psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
        schema=""
    fi
    if [ -n "$queue" ]; then
        redis-cli -h 127.0.0.1 DEL "$queue" >/dev/null 2>&1 || true
        queue=""
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Starts a prediction-batch JVM in the background: start_jvm NAME HOME COMMAND [ARGS...]
start_jvm() {
    local name="$1" home="$2"
    shift 2
    local opts=()
    [ "$jfr" = yes ] && opts+=("-XX:StartFlightRecording=filename=$out/$name.jfr,settings=profile")
    # As users start them: ./prediction-batch picks their JVM options (its exec keeps the PID).
    PREDICTION_BATCH_HOME="$home" JAVA_OPTS="${opts[*]} ${SERVER_JAVA_OPTS:-}" "$root/prediction-batch" "$@" \
        > "$out/$name.out" 2>&1 &
    pids+=($!)
    echo "$name: pid $!, log $home/logs/prediction-batch.log" >&2
}

wait_healthy() {
    local port="$1"
    for _ in $(seq 1 240); do
        curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && return 0
        sleep 0.5
    done
    echo "the server on port $port did not report UP within 120 s" >&2
    return 1
}

wait_log() {
    local file="$1" text="$2"
    for _ in $(seq 1 240); do
        grep -q "$text" "$file" 2>/dev/null && return 0
        sleep 0.5
    done
    echo "no '$text' in $file within 120 s" >&2
    return 1
}

harness() {
    java -cp "$(cat "$here/target/classpath.txt"):$here/target/classes" io.predictionbatch.bench.TaskApiBenchmark \
        --input "$root/sample-data/iris.csv" --warmup "$warmup" --seconds "$seconds" \
        --cpu-pids "$(IFS=,; echo "${pids[*]}")" "$@" | tee -a "$results" \
        || echo "(the harness reported errors: see the line above)" >&2
}

# The CPU time (ms) the started JVMs have spent so far.
server_cpu_ms() {
    local pid total=0 tick
    tick=$(getconf CLK_TCK)
    for pid in "${pids[@]}"; do
        [ "$pid" -gt 0 ] 2>/dev/null || continue
        total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
    echo $((total * 1000 / tick))
}

# wrk_load LABEL TITLE CONNECTIONS SCRIPT: a warm-up, then a window, printed as the harness prints.
wrk_load() {
    local label="$1" title="$2" conns="$3" script="$here/wrk/$4" threads=2 before after ops line
    [ "$conns" -lt 2 ] && threads=1
    wrk -t"$threads" -c"$conns" -d"${warmup}s" -s "$script" "$url" > /dev/null
    before=$(server_cpu_ms)
    wrk -t"$threads" -c"$conns" -d"${seconds}s" --latency -s "$script" "$url" > "$out/wrk.txt"
    after=$(server_cpu_ms)
    line=$(awk -v label="$label" -v title="$title" -v cpu=$((after - before)) '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
        / requests in / { requests = $1; secs = $4 + 0 }
        /^Requests\/sec:/ { rps = $2 }
        /^tasks: / { tasks = $2; tps = $8; tail = $0; sub(/^[^;]*; /, "", tail) }
        END {
            if (tasks != "") { ops = tasks; rate = tps; extra = tail } else { ops = requests; rate = rps; extra = "requests" }
            printf "[%s] %s: %d ops in %.2f s = %.1f ops/s; p50 %.3f ms, p99 %.3f ms (per request); server cpu %d us/op; %s\n",
                label, title, ops, secs, rate, p50, p99, (ops > 0 ? cpu * 1000 / ops : 0), extra
        }' "$out/wrk.txt")
    echo "$line" | tee -a "$results"
}

prewarm_server() {
    [ "$prewarm" = 0 ] && return 0
    echo "pre-warming ${prewarm}s of sync and ${prewarm}s of task load (not reported)" >&2
    local cp="$(cat "$here/target/classpath.txt"):$here/target/classes"
    java -cp "$cp" io.predictionbatch.bench.TaskApiBenchmark --input "$root/sample-data/iris.csv" --url "$1" \
        --mode sync --clients 8 --warmup "$prewarm" --seconds 1 > /dev/null || true
    java -cp "$cp" io.predictionbatch.bench.TaskApiBenchmark --input "$root/sample-data/iris.csv" --url "$1" \
        --mode task --clients 8 --warmup "$prewarm" --seconds 1 > /dev/null || true
}

# The field after WORD in the result line whose label and title match: figure LABEL TITLE WORD
figure() {
    grep -F "[$1] $2:" "$results" | head -n 1 | sed -E "s/.*[ ;]$3 ([0-9.NaN]+).*/\\1/" || true
}
rate() { grep -F "[$1] $2:" "$results" | head -n 1 | sed -E 's/.* = ([0-9.]+) ops\/s.*/\1/' || true; }

if [ ! -f "$jar" ] || [ ! -f "$here/target/classpath.txt" ] || [ ! -d "$here/target/classes/io" ]; then
    echo "== build" >&2
    (cd "$root" && ./mvnw -q -B -pl batch-app,bench -am package -DskipTests)
fi
wrk=no
if command -v wrk > /dev/null; then
    wrk=yes
else
    echo "wrk is not installed (apt-get install wrk): requests/s and tasks/s come from the JVM harness only," \
        "which caps near 3,000 requests/s on 2 cores" >&2
fi
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -n 1)"

if [ "$embedded" = yes ]; then
    echo "== embedded: serve (H2)" >&2
    port=$(free_port)
    start_jvm embedded-serve "$out/home-embedded" serve --port "$port"
    wait_healthy "$port"
    # The home's database server, which serve started: its CPU counts, and it is stopped with serve.
    db_pid=$(pgrep -f "database-server --home $out/home-embedded" | head -n 1 || true)
    [ -n "$db_pid" ] && pids+=("$db_pid")
    url="http://127.0.0.1:$port"
    prewarm_server "$url"
    harness --label embedded --url "$url" --mode sync --clients 1 --warmup "$latency_warmup"
    harness --label embedded --url "$url" --mode sync --clients "$clients"
    harness --label embedded --url "$url" --mode task --clients 1 --warmup "$latency_warmup" --timeline
    harness --label embedded --url "$url" --mode task --clients "$clients" --timeline
    harness --label embedded --url "$url" --mode task-batch --clients "$clients" --batch "$batch" --timeline
    if [ "$wrk" = yes ]; then
        wrk_load embedded "wrk sync predict, 1 connection" 1 predict.lua
        wrk_load embedded "wrk sync predict, $clients connections" "$clients" predict.lua
        wrk_load embedded "wrk task submit+wait, $clients connections" "$clients" tasks.lua
    fi
    cleanup
fi

if [ "$distributed" = yes ]; then
    echo "== distributed: serve + 2 workers (PostgreSQL, Redis)" >&2
    suffix="$$_$(date +%s)"
    schema="pb_taskbench_$suffix"
    queue="prediction-batch:taskbench-$suffix"
    psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $schema"
    export SPRING_PROFILES_ACTIVE=distributed PREDICTION_DB_USER=postgres PREDICTION_REDIS_HOST=127.0.0.1
    export PREDICTION_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema"
    export PREDICTION_TASKS_QUEUE="$queue" PREDICTION_TASKS_CHANNEL="prediction-batch:taskbench-finished-$suffix"
    port=$(free_port)
    start_jvm distributed-serve "$out/home-serve" serve --port "$port"
    wait_healthy "$port"   # the server applies the schema before the workers use it
    for w in 1 2; do
        start_jvm "distributed-worker-$w" "$out/home-worker-$w" worker
    done
    for w in 1 2; do
        wait_log "$out/home-worker-$w/logs/prediction-batch.log" "Task runner .* started"
    done
    url="http://127.0.0.1:$port"
    prewarm_server "$url"
    harness --label distributed --url "$url" --mode sync --clients 1 --warmup "$latency_warmup"
    harness --label distributed --url "$url" --mode task --clients 1 --warmup "$latency_warmup" --timeline
    harness --label distributed --url "$url" --mode task --clients "$clients" --timeline
    harness --label distributed --url "$url" --mode task-batch --clients "$clients" --batch "$batch" --timeline
    if [ "$wrk" = yes ]; then
        wrk_load distributed "wrk sync predict, $clients connections" "$clients" predict.lua
        wrk_load distributed "wrk task submit+wait, $clients connections" "$clients" tasks.lua
    fi
    cleanup
    unset SPRING_PROFILES_ACTIVE PREDICTION_DB_URL PREDICTION_TASKS_QUEUE PREDICTION_TASKS_CHANNEL
fi

celery_source="measured earlier on this kind of machine (not this run)"
c_p50=2.0 c_p99=5.9 c_rate=786 c_chunk=""
if [ "$celery" = yes ] && /usr/bin/python3 -c 'import celery, redis, sklearn' 2>/dev/null; then
    echo "== Celery peer (2 worker processes, Redis db 5)" >&2
    # Its own process group, so that stopping it also stops the Celery worker it forks.
    setsid bash "$peer/run.sh" "$root/sample-data/iris.csv" 1000 "$celery_records" 1000 > "$out/celery.txt" 2>&1 &
    pids+=(-$!)
    peer_pid=$!
    wait "$peer_pid" || { cat "$out/celery.txt"; echo "the Celery peer failed" >&2; exit 1; }
    sed 's/^/[celery] /' "$out/celery.txt" | tee -a "$results"
    c_p50=$(sed -nE 's/.*single round trip: p50 ([0-9.]+) ms.*/\1/p' "$out/celery.txt")
    c_p99=$(sed -nE 's/.*single round trip: .* p99 ([0-9.]+) ms.*/\1/p' "$out/celery.txt")
    c_rate=$(sed -nE 's/.*per-record tasks: .* = ([0-9,]+) records\/s.*/\1/p' "$out/celery.txt" | tr -d ,)
    c_chunk=$(sed -nE 's/.*tasks of [0-9]+ records: .* = ([0-9,]+) records\/s.*/\1/p' "$out/celery.txt" | tr -d ,)
    celery_source="measured in this run"
elif [ "$celery" = yes ]; then
    echo "Celery peer skipped: /usr/bin/python3 cannot import celery, redis and sklearn" \
        "(apt-get install python3-celery python3-redis python3-sklearn)" >&2
fi

echo
echo "== summary (Celery: $celery_source; load average now $(cut -d' ' -f1-3 /proc/loadavg))"
row() { printf '%-58s %12s %12s %10s  %s\n' "$@"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }
row "figure" "ours" "Celery" "ours/Cel." "target"
tc="$clients clients"
if [ "$embedded" = yes ]; then
    row "embedded sync predict p50, 1 client (ms)" "$(figure embedded 'sync predict, 1 client' p50)" "-" "-" "<= 0.5 ms"
    row "embedded sync predict p99, 1 client (ms)" "$(figure embedded 'sync predict, 1 client' p99)" "-" "-" ""
    row "embedded sync predict, $tc (req/s)" "$(rate embedded "sync predict, $tc")" "-" "-" ""
    if [ "$wrk" = yes ]; then
        row "embedded sync predict p50, 1 connection, wrk (ms)" "$(figure embedded 'wrk sync predict, 1 connection' p50)" "-" "-" "<= 0.5 ms"
        row "embedded sync predict, $clients connections, wrk (req/s)" "$(rate embedded "wrk sync predict, $clients connections")" "-" "-" ">= 10000/s"
    fi
    v=$(figure embedded 'task submit+wait, 1 client' p50)
    row "embedded task round trip p50, 1 client (ms)" "$v" "$c_p50" "$(ratio "$v" "$c_p50")" "ratio <= 1"
    v=$(figure embedded 'task submit+wait, 1 client' p99)
    row "embedded task round trip p99, 1 client (ms)" "$v" "$c_p99" "$(ratio "$v" "$c_p99")" ""
    v=$(rate embedded "task submit+wait, $tc")
    row "embedded tasks/s, $tc submit+wait" "$v" "$c_rate" "$(ratio "$v" "$c_rate")" ""
    v=$(rate embedded "task batches of $batch, $tc")
    row "embedded tasks/s, $tc x batches of $batch" "$v" "$c_rate" "$(ratio "$v" "$c_rate")" ""
    if [ "$wrk" = yes ]; then
        v=$(rate embedded "wrk task submit+wait, $clients connections")
        row "embedded tasks/s, $clients connections submit+wait, wrk" "$v" "$c_rate" "$(ratio "$v" "$c_rate")" ""
    fi
fi
if [ "$distributed" = yes ]; then
    row "distributed sync predict p50, 1 client (ms)" "$(figure distributed 'sync predict, 1 client' p50)" "-" "-" ""
    v=$(figure distributed 'task submit+wait, 1 client' p50)
    row "distributed task round trip p50, 1 client (ms)" "$v" "$c_p50" "$(ratio "$v" "$c_p50")" "ratio <= 2"
    v=$(figure distributed 'task submit+wait, 1 client' p99)
    row "distributed task round trip p99, 1 client (ms)" "$v" "$c_p99" "$(ratio "$v" "$c_p99")" ""
    v=$(rate distributed "task submit+wait, $tc")
    row "distributed tasks/s, $tc submit+wait (2 workers)" "$v" "$c_rate" "$(ratio "$v" "$c_rate")" "ratio >= 5"
    v=$(rate distributed "task batches of $batch, $tc")
    row "distributed tasks/s, $tc x batches of $batch (2 workers)" "$v" "$c_rate" "$(ratio "$v" "$c_rate")" "ratio >= 5"
    if [ "$wrk" = yes ]; then
        row "distributed sync predict, $clients connections, wrk (req/s)" "$(rate distributed "wrk sync predict, $clients connections")" "-" "-" ""
        v=$(rate distributed "wrk task submit+wait, $clients connections")
        row "distributed tasks/s, $clients conn. submit+wait, wrk (2 workers)" "$v" "$c_rate" "$(ratio "$v" "$c_rate")" "ratio >= 5"
    fi
fi
[ -n "$c_chunk" ] && row "Celery, tasks of 1000 records (records/s)" "-" "$c_chunk" "-" ""
echo "all result lines: $results"
