#!/usr/bin/env bash
# Benchmark: whole commands, as a user runs and feels them, timed from the shell with /usr/bin/time
# (wall, CPU = user + system, peak resident memory), median of --repeat runs (default 5). Each round
# runs every contender once, so that a drift of the shared machine hits all of them alike, and each
# ratio is taken within its round (then the median of the rounds).
#
#   bench/run-benchmark.sh [--rows N] [--xmx SIZE] [--repeat N] [--partitions N] [--skip-small]
#                          [--skip-bare] [--distributed] [--hosting] [--baseline DIR]
#
# 1. 150 rows (sample-data/iris.csv): ./prediction-batch predict, with its fast start (extracted jar
#    and class archive, prepared once before timing), and the plain `java -jar`, both on a home whose
#    database server already runs (any command after the first); then ./prediction-batch on a fresh
#    home, which starts the database server too.
# 2. --rows N generated rows (default 1,000,000, sample-data/GenerateIrisData.java): the job
#    (./prediction-batch predict, JAVA_OPTS=-Xmx as given, default 1g), the bare single-thread loop
#    as a whole command (Commons CSV -> the same model -> buffered writer, no framework) and, when
#    /usr/bin/python3 imports pandas and sklearn, bench/pandas_predict.py (pandas + scikit-learn).
#    Ratios are speed-ups: the other's wall time over the job's (> 1: the job is faster). The job
#    runs twice a round: with its home's database server running (any later command of a
#    session), then with it stopped (the first command of a session, which starts it).
#    --baseline DIR adds, in the same rounds, the job as another checkout at DIR runs it (its own
#    ./prediction-batch and jar, built by the caller): an A/B of two versions of the code.
# Predictions of the job and the loop are compared. Files go to bench/out/ (git-ignored).
#
# --hosting prices model packages (issue 10): in the same rounds, the job with --model iris_onnx
# (the Iris SVC as an ONNX package of models/, on ONNX Runtime) beside iris_model (LIBSVM, on the
# class path), whole commands, with their predictions compared; then the one-thread harness
# bench/.../ModelHostingBenchmark.java per record on the same rows: iris_model on the class path
# against the same jars as a package, iris_onnx record by record and in blocks, and the two
# models' list predict.
#
# --distributed also runs the job in distributed mode with two worker JVMs on this machine,
# against the PostgreSQL (schema pb_bench, recreated) and Redis on 127.0.0.1, twice: with freshly
# started workers (booted, not yet warm), then twice more with the same workers (their JIT still
# warms up over the second job on the JVM's own thresholds); and prints each against embedded.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
baseline="" rows=1000000 xmx=1g repeat=5 partitions="" small=yes skip_bare=no distributed=no hosting=no
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) rows="$2"; shift 2 ;;
        --xmx) xmx="$2"; shift 2 ;;
        --repeat) repeat="$2"; shift 2 ;;
        --partitions) partitions="$2"; shift 2 ;;
        --skip-small) small=no; shift ;;
        --skip-bare) skip_bare=yes; shift ;;
        --distributed) distributed=yes; shift ;;
        --hosting) hosting=yes; shift ;;
        --baseline) baseline="$(cd "$2" && pwd)"; shift 2 ;;
        *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
    esac
done
out="$here/out"
mkdir -p "$out"
rm -rf "$out"/home* "$out"/job-* "$out"/.job-* "$out"/timings
mkdir -p "$out/timings"
# shellcheck source=bench/serve-process.sh
source "$here/serve-process.sh"
# The database servers that the commands started for the homes used here, stopped by pid on exit.
stop_server() {
    local pid
    pid=$(database_server_pid "$1")
    [ -z "$pid" ] || stop_pid "$pid"
}
stop_servers() {
    local home
    for home in "$out"/home*; do
        stop_server "$home"
    done
}
trap stop_servers EXIT

echo "== build" >&2
(cd "$root" && ./mvnw -q -B -DskipTests package)
input="$out/input-$rows.csv"
[ -f "$input" ] || java "$root/sample-data/GenerateIrisData.java" --rows "$rows" --seed 42 --output "$input"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -n 1)"

# timed LABEL COMMAND...: runs the command once under /usr/bin/time, appends "wall cpu peak_kib" to
# timings/LABEL; the command's output goes to timings/LABEL.log.
timed() {
    local label="$1"
    shift
    /usr/bin/time -f "%e %U %S %M" -o "$out/timings/$label.time" "$@" > "$out/timings/$label.log" 2>&1 \
        || { cat "$out/timings/$label.log" >&2; echo "$label failed" >&2; exit 1; }
    awk '{ printf "%.2f %.2f %d\n", $1, $2 + $3, $4 }' "$out/timings/$label.time" >> "$out/timings/$label"
}
# rate_of FILE: the records/s of the last job summary in a command's output ("... (1,234 records/s)")
rate_of() { grep -ohE '\(([0-9,]+) records/s\)' "$1" | tail -1 | tr -d '(),' | cut -d' ' -f1; }
# median of column K of a file of numbers
median() { sort -g -k"$2,$2" "$1" | awk -v k="$2" '{ v[NR] = $k } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
report() {
    local label="$1" title="$2"
    printf "%-58s wall %6.2f s  cpu %6.2f s  peak %5d MiB  (median of %d)\n" "$title" "$(median "$out/timings/$label" 1)" \
        "$(median "$out/timings/$label" 2)" "$(( $(median "$out/timings/$label" 3) / 1024 ))" "$(wc -l < "$out/timings/$label")"
}
# ratio LABEL_A LABEL_B TITLE: the median over rounds of wall(B) / wall(A)
ratio() {
    paste -d' ' "$out/timings/$1" "$out/timings/$2" | awk '{ print $4 / $1 }' > "$out/timings/ratio"
    printf "%-58s %.2f (median of the rounds' ratios)\n" "$3" "$(median "$out/timings/ratio" 1)"
}

if [ "$small" = yes ]; then
    echo "== 150 rows, whole commands ($repeat rounds)" >&2
    small_args=(predict --model iris_model --input "$root/sample-data/iris.csv" --key id --quiet)
    "$root/prediction-batch" --version > /dev/null   # prepares the fast start once, untimed
    PREDICTION_BATCH_HOME="$out/home" "$root/prediction-batch" "${small_args[@]}" --output "$out/job-small.csv" \
        > /dev/null   # starts the database server of the home, untimed
    if [ -n "$baseline" ]; then # the same for the baseline, on a home of its own
        "$baseline/prediction-batch" --version > /dev/null
        PREDICTION_BATCH_HOME="$out/home-baseline" "$baseline/prediction-batch" "${small_args[@]}" \
            --output "$out/job-small-baseline.csv" > /dev/null
    fi
    for round in $(seq 1 "$repeat"); do
        if [ -n "$baseline" ]; then
            PREDICTION_BATCH_HOME="$out/home-baseline" timed small-fast-baseline "$baseline/prediction-batch" \
                "${small_args[@]}" --output "$out/job-small-fast-baseline-$round.csv"
            PREDICTION_BATCH_HOME="$out/home-baseline-fresh-$round" timed small-fresh-baseline \
                "$baseline/prediction-batch" "${small_args[@]}" --output "$out/job-small-fresh-baseline-$round.csv"
            stop_server "$out/home-baseline-fresh-$round"
        fi
        PREDICTION_BATCH_HOME="$out/home" timed small-fast "$root/prediction-batch" "${small_args[@]}" \
            --output "$out/job-small-fast-$round.csv"
        PREDICTION_BATCH_HOME="$out/home" timed small-plain java -jar "$root/batch-app/target/prediction-batch.jar" \
            "${small_args[@]}" --output "$out/job-small-plain-$round.csv"
        PREDICTION_BATCH_HOME="$out/home-fresh-$round" timed small-fresh "$root/prediction-batch" "${small_args[@]}" \
            --output "$out/job-small-fresh-$round.csv"
        stop_server "$out/home-fresh-$round"   # idle, it would run on through the rounds below
    done
    report small-fast "150 rows, ./prediction-batch (fast start)"
    report small-plain "150 rows, java -jar (plain jar)"
    report small-fresh "150 rows, ./prediction-batch, fresh home (+ database server)"
    if [ -n "$baseline" ]; then
        report small-fast-baseline "150 rows, the baseline's ./prediction-batch"
        report small-fresh-baseline "150 rows, the baseline's, fresh home"
        ratio small-fast small-fast-baseline "150 rows: speed-up over the baseline"
        ratio small-fresh small-fresh-baseline "150 rows, fresh home: speed-up over the baseline"
    fi
fi

echo "== $rows rows ($(du -h "$input" | cut -f1)), whole commands ($repeat rounds)" >&2
pandas=no
/usr/bin/python3 -c 'import pandas, sklearn' 2> /dev/null && pandas=yes
job_args=(predict --input "$input" --quiet)
[ -n "$partitions" ] && job_args+=(--partitions "$partitions")
bare_cp="$(cat "$here/target/classpath.txt"):$here/target/classes"
# Whatever a version's default, a home's database server outlives the rounds (the "job" runs find it).
export PREDICTION_DATABASESERVER_IDLETIMEOUT=10m
# Each launcher prepares its fast start (extracted jar, class archive) on its first run: untimed.
"$root/prediction-batch" --version > /dev/null
[ -z "$baseline" ] || "$baseline/prediction-batch" --version > /dev/null
# One job on the home, untimed, so that the first round's server has served a job like the others'.
PREDICTION_BATCH_HOME="$out/home" "$root/prediction-batch" predict --input "$root/sample-data/iris.csv" \
    --model iris_model --output "$out/job-warm-up.csv" --quiet > /dev/null
[ -z "$baseline" ] || PREDICTION_BATCH_HOME="$out/home-baseline" "$baseline/prediction-batch" predict \
    --input "$root/sample-data/iris.csv" --model iris_model --output "$out/job-warm-up-baseline.csv" --quiet > /dev/null
for round in $(seq 1 "$repeat"); do
    rm -f "$out"/job-output*.csv
    # A later command of a session: the home's database server runs (for its idle timeout), and
    # has served a job before (the last round's first command, or the untimed run below).
    PREDICTION_BATCH_HOME="$out/home" JAVA_OPTS="-Xmx$xmx" timed job "$root/prediction-batch" "${job_args[@]}" --model iris_model \
        --output "$out/job-output.csv"
    # the job's own rate (from its start), which the distributed jobs are compared with
    rate_of "$out/timings/job.log" >> "$out/timings/job-rates"
    # The first command of a session, whose home's database server is not running: it starts it.
    stop_server "$out/home"
    PREDICTION_BATCH_HOME="$out/home" JAVA_OPTS="-Xmx$xmx" timed job-first "$root/prediction-batch" "${job_args[@]}" \
        --model iris_model --output "$out/job-output.csv"
    if [ -n "$baseline" ]; then
        PREDICTION_BATCH_HOME="$out/home-baseline" JAVA_OPTS="-Xmx$xmx" timed job-baseline "$baseline/prediction-batch" \
            "${job_args[@]}" --model iris_model --output "$out/job-output-baseline.csv"
    fi
    if [ "$hosting" = yes ]; then
        PREDICTION_BATCH_HOME="$out/home" JAVA_OPTS="-Xmx$xmx" timed job-onnx "$root/prediction-batch" \
            "${job_args[@]}" --model iris_onnx --models-dir "$root/models" --output "$out/job-output-onnx.csv"
    fi
    [ "$skip_bare" = yes ] || timed bare java -Xmx"$xmx" -cp "$bare_cp" io.predictionbatch.bench.BareLoopBenchmark \
        iris_model "$input" "$out/bare-output.csv"
    [ "$pandas" = no ] || timed pandas /usr/bin/python3 "$here/pandas_predict.py" "$input" "$out/pandas-output.csv"
done
report job "job, ./prediction-batch predict -Xmx$xmx"
report job-first "the same, database server not running (first command)"
[ -z "$baseline" ] || report job-baseline "job of the baseline ($baseline)"
[ "$hosting" = no ] || report job-onnx "job, --model iris_onnx (ONNX package)"
[ "$skip_bare" = yes ] || report bare "single-thread loop (Commons CSV, LIBSVM, writer)"
[ "$pandas" = no ] || report pandas "pandas + scikit-learn"
[ -z "$baseline" ] || ratio job job-baseline "speed-up of the job over the baseline's"
[ "$skip_bare" = yes ] || ratio job bare "speed-up of the job over the loop"
[ "$skip_bare" = yes ] || ratio job-first bare "the same, database server not running"
[ "$hosting" = no ] || ratio job-onnx job "speed-up of iris_onnx (package) over iris_model (class path)"
if [ "$pandas" = yes ]; then
    ratio job pandas "speed-up of the job over pandas"
    ratio job-first pandas "the same, database server not running"
else
    echo "pandas: skipped (/usr/bin/python3 cannot import pandas and sklearn; apt-get install python3-pandas python3-sklearn)"
fi
grep -h "records/s" "$out/timings/job.log" | tail -1
if [ "$skip_bare" = no ]; then
    # the loop writes line and species; the job adds the model_version column
    cmp -s <(cut -d, -f2 "$out/bare-output.csv") <(tail -n +2 "$out/job-output.csv" | cut -d, -f2) \
        && echo "predictions: identical (job and loop)" || echo "predictions: DIFFER between the bare loop and the job"
fi
[ -z "$baseline" ] || { cmp -s "$out/job-output.csv" "$out/job-output-baseline.csv" \
    && echo "predictions: identical (job and baseline)" || echo "predictions: DIFFER between the job and the baseline"; }
job_rate=$(median "$out/timings/job-rates" 1)
printf "the job's own rate (from its start, server running): %.0f records/s (median of the rounds)\n" "$job_rate"

if [ "$hosting" = yes ]; then
    cmp -s "$out/job-output.csv" "$out/job-output-onnx.csv" \
        && echo "predictions: identical (iris_onnx and iris_model)" || echo "predictions: DIFFER between iris_onnx and iris_model"
    echo "== model hosting, per record, one thread ($repeat rounds)" >&2
    java -Xmx4g -cp "$bare_cp" io.predictionbatch.bench.ModelHostingBenchmark "$input" "$root/models/iris-onnx" \
        "$repeat" 1000 $(tr ':' '\n' < "$here/target/classpath.txt" | grep -E '/(iris-model|libsvm)-[^/]*\.jar$')
fi

[ "$distributed" = yes ] || exit 0

echo "== distributed: two workers (PostgreSQL schema pb_bench, Redis 127.0.0.1)" >&2
psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS pb_bench CASCADE; CREATE SCHEMA pb_bench;"
export SPRING_PROFILES_ACTIVE=distributed
export PREDICTION_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=pb_bench"
export PREDICTION_DISTRIBUTED_QUEUE="prediction-batch:bench"
workers=()
stop_workers() { [ ${#workers[@]} -eq 0 ] || kill "${workers[@]}" 2>/dev/null; wait "${workers[@]}" 2>/dev/null || true; }
trap 'stop_workers; stop_servers' EXIT
for w in 1 2; do
    # As users start them: ./prediction-batch picks their JVM options (its exec keeps the PID).
    PREDICTION_BATCH_HOME="$out/home-dist" JAVA_OPTS="-Xmx$xmx" "$root/prediction-batch" worker \
        > "$out/worker-$w.log" 2>&1 &
    workers+=($!)
done
# Workers are long-lived services: measure jobs, not their start-up.
for w in 1 2; do
    until grep -q "is taking partitions" "$out/worker-$w.log"; do sleep 0.2; done
done
dist_args=(predict --model iris_model --input "$input" --output "$out/dist-output.csv" --quiet --partitions "${partitions:-2}")
for run in "cold workers" "warm workers, 2nd job" "warm workers, 3rd job"; do
    PREDICTION_BATCH_HOME="$out/home-dist" JAVA_OPTS="-Xmx$xmx" "$root/prediction-batch" "${dist_args[@]}" \
        | tee "$out/dist-summary.txt"
    dist_rate=$(rate_of "$out/dist-summary.txt")
    awk -v d="$dist_rate" -v j="$job_rate" -v r="$run" \
        'BEGIN { printf "distributed (%s): %d records/s, ratio distributed/embedded: %.2f\n", r, d, d / j }'
done
cmp -s "$out/dist-output.csv" "$out/job-output.csv" && echo "distributed predictions: identical to embedded" \
    || echo "distributed predictions: DIFFER from embedded"
