#!/usr/bin/env bash
# Benchmark: the embedded batch job against a bare single-thread loop on the same file.
#
#   bench/run-benchmark.sh [--rows N] [--xmx SIZE] [--partitions N] [--skip-bare] [--distributed]
#
# Generates N rows (default 1,000,000) with sample-data/GenerateIrisData.java, runs the bare loop
# (Commons CSV -> the same model -> buffered writer, one thread, no framework) and the embedded
# job (-Xmx as given, default 1g), and prints both throughputs, their ratio and the job's peak
# memory (maximum resident set size). Files go to bench/out/ (git-ignored).
#
# --distributed also runs the job in distributed mode with two worker JVMs on this machine,
# against the PostgreSQL (schema pb_bench, recreated) and Redis on 127.0.0.1, twice: with freshly
# started workers (booted, not yet warm), then again with the same, warmed-up workers; and prints each against embedded.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
rows=1000000 xmx=1g partitions="" skip_bare=no distributed=no
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) rows="$2"; shift 2 ;;
        --xmx) xmx="$2"; shift 2 ;;
        --partitions) partitions="$2"; shift 2 ;;
        --skip-bare) skip_bare=yes; shift ;;
        --distributed) distributed=yes; shift ;;
        *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
    esac
done
out="$here/out"
mkdir -p "$out"
rm -rf "$out/home" "$out"/job-* "$out"/.job-*

echo "== build" >&2
(cd "$root" && ./mvnw -q -B -DskipTests package)
input="$out/input-$rows.csv"
[ -f "$input" ] || java "$root/sample-data/GenerateIrisData.java" --rows "$rows" --seed 42 --output "$input"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1)"
echo "input: $rows rows, $(du -h "$input" | cut -f1)"

bare_rate=""
if [ "$skip_bare" = no ]; then
    echo "== bare loop" >&2
    bare_line=$(java -Xmx"$xmx" -cp "$(cat "$here/target/classpath.txt"):$here/target/classes" \
        io.predictionbatch.bench.BareLoopBenchmark iris_model "$input" "$out/bare-output.csv")
    echo "$bare_line"
    bare_rate=$(sed -E 's/.*: ([0-9]+) records\/s/\1/' <<<"$bare_line")
fi

echo "== embedded job (-Xmx$xmx)" >&2
args=(predict --model iris_model --input "$input" --output "$out/job-output.csv" --quiet)
[ -n "$partitions" ] && args+=(--partitions "$partitions")
PREDICTION_BATCH_HOME="$out/home" /usr/bin/time -f "%M %e" -o "$out/time.txt" \
    java -Xmx"$xmx" -jar "$root/batch-app/target/prediction-batch.jar" "${args[@]}" | tee "$out/job-summary.txt"
read -r peak_kb wall < "$out/time.txt"
job_rate=$(grep -oE '\(([0-9,]+) records/s\)' "$out/job-summary.txt" | tr -d '(),' | cut -d' ' -f1)
echo "job: $job_rate records/s (from the job's start; whole command ${wall}s wall), peak memory $((peak_kb / 1024)) MiB"
if [ -n "$bare_rate" ]; then
    awk -v j="$job_rate" -v b="$bare_rate" 'BEGIN { printf "ratio job/bare loop: %.2f\n", j / b }'
    cmp -s <(cut -d, -f2- "$out/bare-output.csv") <(tail -n +2 "$out/job-output.csv" | cut -d, -f2-) \
        && echo "predictions: identical" || echo "predictions: DIFFER between the bare loop and the job"
fi

[ "$distributed" = yes ] || exit 0

echo "== distributed: two workers (PostgreSQL schema pb_bench, Redis 127.0.0.1)" >&2
psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS pb_bench CASCADE; CREATE SCHEMA pb_bench;"
export SPRING_PROFILES_ACTIVE=distributed
export PREDICTION_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=pb_bench"
export PREDICTION_DISTRIBUTED_QUEUE="prediction-batch:bench"
workers=()
stop_workers() { [ ${#workers[@]} -eq 0 ] || kill "${workers[@]}" 2>/dev/null; wait "${workers[@]}" 2>/dev/null || true; }
trap stop_workers EXIT
for w in 1 2; do
    PREDICTION_BATCH_HOME="$out/home-dist" java -Xmx"$xmx" -jar "$root/batch-app/target/prediction-batch.jar" worker \
        > "$out/worker-$w.log" 2>&1 &
    workers+=($!)
done
# Workers are long-lived services: measure jobs, not their start-up.
for w in 1 2; do
    until grep -q "is taking partitions" "$out/worker-$w.log"; do sleep 0.2; done
done
dist_args=(predict --model iris_model --input "$input" --output "$out/dist-output.csv" --quiet --partitions "${partitions:-2}")
for run in cold warm; do
    PREDICTION_BATCH_HOME="$out/home-dist" java -Xmx"$xmx" -jar "$root/batch-app/target/prediction-batch.jar" \
        "${dist_args[@]}" | tee "$out/dist-summary.txt"
    dist_rate=$(grep -oE '\(([0-9,]+) records/s\)' "$out/dist-summary.txt" | tr -d '(),' | cut -d' ' -f1)
    awk -v d="$dist_rate" -v j="$job_rate" -v r="$run" \
        'BEGIN { printf "distributed (%s workers): %d records/s, ratio distributed/embedded: %.2f\n", r, d, d / j }'
done
cmp -s "$out/dist-output.csv" "$out/job-output.csv" && echo "distributed predictions: identical to embedded" \
    || echo "distributed predictions: DIFFER from embedded"
