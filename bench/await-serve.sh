# Sourced by the benchmark scripts: await_serve BASE_URL PID LOG waits up to 90 s for a `serve`
# process to answer, and exits 2 with the end of its log when it ends or does not answer.
await_serve() {
    local base="$1" pid="$2" log="$3" i
    for i in $(seq 180); do
        if curl -sf -o /dev/null "$base/api/jobs?limit=1"; then return 0; fi
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "serve ended during start-up:" >&2; tail -30 "$log" >&2; exit 2
        fi
        sleep 0.5
    done
    echo "serve did not answer within 90 s" >&2; tail -30 "$log" >&2; exit 2
}
