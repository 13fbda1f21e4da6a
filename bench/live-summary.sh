#!/usr/bin/env bash
# The live summary (issue 14; docs/benchmarks.md, "Live summary") over a synthetic
# history of 200 countries × N years × 40 indicators × 3 versions, N = 10, 20, 30:
#   - cold: the service with SUMMARY_CACHE=off, so that every request computes the
#     figures as the first read after a change does, beside the floor: pgbench running
#     the very statements that request sent (taken from the server log, parameters
#     filled in), one client, the same seconds, three runs each, alternating;
#   - warm: the service as deployed (the cache on), beside /healthz under the same wrk
#     settings, three runs each, alternating.
# Also keeps each history's EXPLAIN (ANALYZE, BUFFERS) of every statement of one cold
# read (auto_explain), and measures what keeping the figures (sql/0022) adds to an
# acceptance: pgbench accepting reports with the figures' trigger on, then off.
# Ports from the environment (the defaults are those of bench/summary-latency.sh):
#   BENCH_DB_PORT=55434 BENCH_APP_PORT=8089 BENCH_METRICS_PORT=9489 BENCH_SECONDS=10 \
#   BENCH_BIN=path/to/alliance BENCH_OUT=bench/results/live-summary bench/live-summary.sh [years ...]
# Without BENCH_BIN it builds the release binary. Results: bench/results/live-summary/.
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
command -v wrk >/dev/null || apt_install wrk
if [ $# -gt 0 ]; then YEARS=("$@"); else YEARS=(10 20 30); fi
DB_PORT=${BENCH_DB_PORT:-55434}
APP_PORT=${BENCH_APP_PORT:-8089}
METRICS_PORT=${BENCH_METRICS_PORT:-9489}
EACH=${BENCH_SECONDS:-10}
OUT=${BENCH_OUT:-$ROOT/bench/results/live-summary}
mkdir -p "$OUT"

PG_EXTRA_OPTIONS="-c shared_preload_libraries=auto_explain -c auto_explain.log_min_duration=-1 -c shared_buffers=512MB" \
    start_cluster bench-live "$DB_PORT" fresh
if [ -n "${BENCH_BIN:-}" ]; then
    BIN=$BENCH_BIN
else
    swift build -c release --product alliance >/dev/null
    BIN="$(swift build -c release --show-bin-path)/alliance"
fi
psql_bench() { "$CLUSTER_BIN/psql" -q -h 127.0.0.1 -p "$DB_PORT" -U alliance "$@"; }
serve() {
    SUMMARY_CACHE=$1 METRICS_PORT=$METRICS_PORT PORT=$APP_PORT LOG_LEVEL=error "$BIN" serve 2>>"$OUT/service.log" & server=$!
    wait_ready "http://127.0.0.1:$APP_PORT/healthz"
}
# a service found gone is said so (its last words are in service.log), and the run goes on
stop() { kill "$server" 2>/dev/null || say "the service (pid $server) had already stopped"; wait "$server" 2>/dev/null || true; }

uptime | tee "$OUT/uptime.txt"
for years in "${YEARS[@]}"; do
    db="bench_$years"
    create_database "$DB_PORT" "$db"
    use_roles "$DB_PORT" "$db"
    "$BIN" migrate >/dev/null && "$BIN" seed >/dev/null
    say "generating $years years of history"
    psql_bench -d "$db" -v countries=200 -v years="$years" -v indicators=40 -v versions=3 -f bench/synthetic-history.sql
    token=$("$BIN" token create --role secretariat | tail -n 1)
    summary="http://127.0.0.1:$APP_PORT/v1/summaries/$((2011 + years))"

    # one cold read with every statement logged (with its parameters) and analysed
    psql_bench -d "$db" -c "ALTER DATABASE $db SET log_min_duration_statement = 0" \
        -c "ALTER DATABASE $db SET auto_explain.log_min_duration = 0" -c "ALTER DATABASE $db SET auto_explain.log_analyze = on" \
        -c "ALTER DATABASE $db SET auto_explain.log_buffers = on" >/dev/null
    serve off
    marker=$(($(wc -l <"$PGDATA_DIR/server.log") + 1))
    curl -sf -H "Authorization: Bearer $token" "$summary" -o /dev/null
    stop
    tail -n +"$marker" "$PGDATA_DIR/server.log" >"$OUT/explain-$years-years.log"
    psql_bench -d "$db" -c "ALTER DATABASE $db RESET ALL" >/dev/null
    python3 bench/floor-sql.py <"$OUT/explain-$years-years.log" >"$OUT/floor-$years-years.sql"

    serve off
    curl -sf -H "Authorization: Bearer $token" "$summary" -o /dev/null
    for run in 1 2 3; do
        say "cold $years years, run $run: the service, then pgbench on the same statements"
        wrk -t1 -c1 -d"${EACH}s" --latency -H "Authorization: Bearer $token" "$summary" >"$OUT/cold-$years-$run.txt"
        rm -f "$OUT"/pgbench_log.*
        (cd "$OUT" && "$CLUSTER_BIN/pgbench" -n -f "floor-$years-years.sql" -c1 -T"$EACH" -l -h 127.0.0.1 -p "$DB_PORT" -U alliance "$db" \
            >"pgbench-$years-$run.txt" 2>&1)
        cat "$OUT"/pgbench_log.* >"$OUT/pgbench-$years-$run.log" && rm -f "$OUT"/pgbench_log.*
    done
    stop
    serve on
    for run in 1 2 3; do
        say "warm $years years, run $run: /healthz, then the summary"
        wrk -t1 -c1 -d"${EACH}s" --latency "http://127.0.0.1:$APP_PORT/healthz" >"$OUT/healthz-$years-$run.txt"
        wrk -t1 -c1 -d"${EACH}s" --latency -H "Authorization: Bearer $token" "$summary" >"$OUT/warm-$years-$run.txt"
    done
    stop

    # what keeping the figures costs an acceptance (sql/0022): one report of the last year
    # accepted again (its accepted version swapped), one client, with the figures' triggers
    # and, alternating, with them disabled (then nothing recomputes the figures)
    cat >"$OUT/accept-$years-years.sql" <<SQL
\\set c random(1, 200)
UPDATE reports SET accepted_version = CASE accepted_version WHEN 2 THEN 1 ELSE 2 END
WHERE id = (SELECT id FROM reports WHERE year = $((2011 + years)) ORDER BY id OFFSET :c - 1 LIMIT 1);
SQL
    for run in 1 2 3; do
        for figures in kept off; do
            if [ "$figures" = off ]; then
                psql_bench -d "$db" -c "ALTER TABLE reports DISABLE TRIGGER summary_values_changed" >/dev/null
            fi
            "$CLUSTER_BIN/pgbench" -n -f "$OUT/accept-$years-years.sql" -c1 -T"$EACH" -h 127.0.0.1 -p "$DB_PORT" -U alliance "$db" \
                >"$OUT/accept-$figures-$years-$run.txt" 2>&1
            psql_bench -d "$db" -c "ALTER TABLE reports ENABLE TRIGGER summary_values_changed" >/dev/null
        done
    done
done
uptime | tee -a "$OUT/uptime.txt"
python3 bench/live-summary-report.py "$OUT" "${YEARS[@]}" | tee "$OUT/report.md"
