# Sourced by the benchmark scripts that start `serve` or jobs: waiting for a server, stopping the
# processes they started by their pids.

# await_serve BASE_URL PID LOG: waits up to 90 s for a `serve` process to answer, and exits 2 with
# the end of its log when it ends or does not answer.
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

# stop_pid PID: TERM, then KILL when it still runs 30 s later.
stop_pid() {
    local pid=$1
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
}

# database_server_pid HOME: the pid of the database server that commands started for this home
# (a java process of its own, which stops by itself once idle), as it recorded it; empty if none,
# or if that pid is no database server now (a stale file, a pid used again).
database_server_pid() {
    local pid
    pid=$(sed -n 's/^pid=//p' "$1/db/server.properties" 2>/dev/null | head -1 || true)
    [ -n "$pid" ] && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q database-server && echo "$pid" || true
}
