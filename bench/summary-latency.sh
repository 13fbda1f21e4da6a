#!/usr/bin/env bash
# Benchmarks (a) and (b) of docs/benchmarks.md: the live summary's latency over a
# synthetic history of 200 countries × N years × 40 indicators × 3 versions, for
# N = 10, 20, 30; and EXPLAIN ANALYZE of its queries (auto_explain, from the
# server log). Also (c): a published summary beside /healthz under wrk.
#   bench/summary-latency.sh [years ...]      (default: 10 20 30)
# Needs wrk; builds the release binary; runs its own PostgreSQL on 127.0.0.1:55434
# and the service on 127.0.0.1:8089 (BENCH_DB_PORT, BENCH_APP_PORT, BENCH_METRICS_PORT
# change them). The live summary is measured with its cache on: bench/live-summary.sh
# measures it cold and warm. Results go to bench/results/.
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
install_missing
command -v wrk >/dev/null || apt_install wrk

if [ $# -gt 0 ]; then YEARS=("$@"); else YEARS=(10 20 30); fi
DB_PORT=${BENCH_DB_PORT:-55434}
APP_PORT=${BENCH_APP_PORT:-8089}
METRICS_PORT=${BENCH_METRICS_PORT:-9489}
OUT="$ROOT/bench/results"
mkdir -p "$OUT"

# auto_explain is loaded but off; it is switched on for one request per history,
# to record the plans with actual timings (EXPLAIN ANALYZE)
PG_EXTRA_OPTIONS="-c shared_preload_libraries=auto_explain -c auto_explain.log_min_duration=-1 -c shared_buffers=512MB" \
    start_cluster bench "$DB_PORT" fresh

say "building the release binary"
swift build -c release --product alliance >/dev/null
BIN="$(swift build -c release --show-bin-path)/alliance"

psql_bench() { "$CLUSTER_BIN/psql" -q -h 127.0.0.1 -p "$DB_PORT" -U alliance "$@"; }

for years in "${YEARS[@]}"; do
    db="bench_$years"
    create_database "$DB_PORT" "$db"
    use_roles "$DB_PORT" "$db"
    "$BIN" migrate >/dev/null && "$BIN" seed >/dev/null
    say "generating $years years of history"
    start=$(date +%s)
    psql_bench -d "$db" -v countries=200 -v years="$years" -v indicators=40 -v versions=3 -f bench/synthetic-history.sql
    rows=$(psql_bench -d "$db" -tAc "SELECT count(*) FROM report_values")
    say "$rows values in $(( $(date +%s) - start )) s"
    token=$("$BIN" token create --role secretariat | tail -n 1)
    last=$((2011 + years))
    METRICS_PORT=$METRICS_PORT PORT=$APP_PORT LOG_LEVEL=error "$BIN" serve & server=$!
    for _ in $(seq 50); do curl -sf "http://127.0.0.1:$APP_PORT/healthz" >/dev/null && break; sleep 0.2; done

    # one request with every plan analysed, for the record
    psql_bench -d "$db" -c "ALTER DATABASE $db SET auto_explain.log_min_duration = 0" \
               -c "ALTER DATABASE $db SET auto_explain.log_analyze = on" >/dev/null
    kill "$server"; wait "$server" 2>/dev/null || true
    METRICS_PORT=$METRICS_PORT PORT=$APP_PORT LOG_LEVEL=error "$BIN" serve & server=$!
    for _ in $(seq 50); do curl -sf "http://127.0.0.1:$APP_PORT/healthz" >/dev/null && break; sleep 0.2; done
    marker=$(( $(wc -l < "$PGDATA_DIR/server.log") + 1 ))
    curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$APP_PORT/v1/summaries/$last" -o /dev/null
    tail -n +"$marker" "$PGDATA_DIR/server.log" > "$OUT/explain-$years-years.log"
    psql_bench -d "$db" -c "ALTER DATABASE $db RESET auto_explain.log_min_duration" \
               -c "ALTER DATABASE $db RESET auto_explain.log_analyze" >/dev/null
    kill "$server"; wait "$server" 2>/dev/null || true

    METRICS_PORT=$METRICS_PORT PORT=$APP_PORT LOG_LEVEL=error "$BIN" serve & server=$!
    for _ in $(seq 50); do curl -sf "http://127.0.0.1:$APP_PORT/healthz" >/dev/null && break; sleep 0.2; done
    say "(a/b) live summary of $last over $years years: one connection, 30 s"
    wrk -t1 -c1 -d30s --latency -H "Authorization: Bearer $token" "http://127.0.0.1:$APP_PORT/v1/summaries/$last" \
        | tee "$OUT/live-summary-$years-years.txt"

    if [ "$years" = "${YEARS[-1]}" ]; then
        curl -sf -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{}' \
            "http://127.0.0.1:$APP_PORT/v1/summaries/$last/releases" -o /dev/null
        say "(c) /healthz then the published summary: 64 connections, 20 s each"
        wrk -t2 -c64 -d20s --latency "http://127.0.0.1:$APP_PORT/healthz" | tee "$OUT/healthz-64.txt"
        wrk -t2 -c64 -d20s --latency "http://127.0.0.1:$APP_PORT/v1/public/summaries/$last" | tee "$OUT/public-summary-64.txt"
    fi
    kill "$server"; wait "$server" 2>/dev/null || true
done
say "results in $OUT"
