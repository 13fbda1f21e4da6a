#!/usr/bin/env bash
# Filing (docs/benchmarks.md, "Filing"): whole-report saves per second from 1, 8 and 32
# clients, each a country saving its own report (every indicator of the catalogue) with
# the ETag of its last save as If-Match (bench/filing.lua), beside the floor: pgbench
# running the same statements (bench/filing-save.sql) at the same client counts,
# alternating with it, three rounds, medians. Counts 2xx and everything else (a 412
# included) and records the CPU used by wrk and by the service, and the machine's.
#   bench/filing.sh
# Ports from BENCH_DB_PORT, BENCH_APP_PORT, BENCH_METRICS_PORT (55434/8089/9489).
# FILING_CLIENTS_LIST ("1 8 32"), FILING_ROUNDS (3), FILING_SECONDS (20) shorten a trial.
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
install_missing
source "$ROOT/bench/filing-setup.sh"
read -r -a CLIENTS <<<"${FILING_CLIENTS_LIST:-1 8 32}"
ROUNDS=${FILING_ROUNDS:-3}
DURATION=${FILING_SECONDS:-20}
BENCH_DB=filing
RUNS="$OUT/filing-runs.txt"

# synchronous_commit stays on (the default): a save is durable when it is answered
PG_EXTRA_OPTIONS="-c shared_preload_libraries=pg_stat_statements -c shared_buffers=256MB -c max_connections=200" \
    start_cluster filing "$BENCH_DB_PORT" fresh
release_binary
prepare_database
prepare_filers 32
psql_owner -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"

# one save with every statement logged: what bench/filing-save.sql repeats
stop_service
psql_owner -c "ALTER ROLE alliance_service SET log_statement = 'all'"
start_service
marker=$(( $(wc -l <"$PGDATA_DIR/server.log") + 1 ))
read -r cc token etag <"$WORK/clients"
curl -sf -X PUT "$API/v1/countries/$cc/reports/$YEAR" -H "Authorization: Bearer $token" -H "If-Match: \"$etag\"" \
    -H 'Content-Type: application/json' -d '{"values":[{"indicator":"offenders_convicted","value":1}]}' -o /dev/null
sleep 0.5
tail -n +"$marker" "$PGDATA_DIR/server.log" | grep -v 'statement: SELECT 1$' >"$OUT/filing-save-statements.log"
stop_service
psql_owner -c "ALTER ROLE alliance_service RESET log_statement"
start_service

# the values as bench/filing.lua sends them, with placeholders pgbench fills in
TEMPLATE=$(tr ',' '\n' <"$WORK/indicators" | awk -F: '
    BEGIN { m["flow"] = "@F@"; m["stock"] = "@F@"; m["ratio"] = "@R@"; m["duration"] = "@D@"; m["boolean"] = "@B@" }
    { printf "%s{\"indicator\":\"%s\",\"nature\":\"reported\",\"not_available\":null,\"note\":null,\"source\":\"bench\",\"value\":%s}",
      (NR > 1 ? "," : "["), $1, m[$2] }
    END { print "]" }')

busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 }' /proc/stat; }

echo "# $(date -u +%FT%TZ) $(uptime)" >>"$RUNS"
for clients in "${CLIENTS[@]}"; do
    for round in $(seq "$ROUNDS"); do
        say "clients=$clients round=$round: pgbench (the floor)"
        pgbench -h 127.0.0.1 -p "$BENCH_DB_PORT" -U alliance_service -n -M prepared -c "$clients" -j "$(( clients < 2 ? 1 : 2 ))" \
            -T "$DURATION" -f bench/filing-save.sql -D year="$YEAR" -D tmpl="$TEMPLATE" "$BENCH_DB" \
            >"$OUT/filing-pgbench-$clients-$round.txt" 2>&1 || say "pgbench failed: $OUT/filing-pgbench-$clients-$round.txt"
        tps=$(awk '/^tps/ { print $3; exit }' "$OUT/filing-pgbench-$clients-$round.txt")
        failed=$(awk '/failed transactions/ { print $5; exit }' "$OUT/filing-pgbench-$clients-$round.txt")
        echo "pgbench clients=$clients round=$round tps=$tps failed=${failed:-0} load=\"$(cut -d' ' -f1-3 /proc/loadavg)\"" >>"$RUNS"

        say "clients=$clients round=$round: wrk on the service"
        current_etags
        read -r busy0 all0 < <(busy_ticks)
        server0=$(cpu_ticks "$SERVER")
        TIMEFORMAT='%U %S %R'
        { time filing_wrk "$clients" "$DURATION" >"$OUT/filing-wrk-$clients-$round.txt"; } 2>"$WORK/time"
        server1=$(cpu_ticks "$SERVER")
        read -r busy1 all1 < <(busy_ticks)
        read -r user sys real <"$WORK/time"
        line=$(grep '^FILING' "$OUT/filing-wrk-$clients-$round.txt")
        echo "service $line round=$round load=\"$(cut -d' ' -f1-3 /proc/loadavg)\" $(awk -v u="$user" -v s="$sys" -v r="$real" \
            -v sv=$((server1 - server0)) -v b=$((busy1 - busy0)) -v a=$((all1 - all0)) \
            'BEGIN { printf "wrk_cpu=%.0f%% service_cpu=%.0f%% machine_busy=%.0f%%", 100 * (u + s) / r, sv / r, 100 * b / a }')" \
            | tee -a "$RUNS"
    done
done

# where the service's time goes at 32 clients: perf on the service for 10 s of a 15 s run
if command -v perf >/dev/null; then
    say "perf on the service, 32 clients"
    current_etags
    filing_wrk 32 15 >"$OUT/filing-perf-wrk.txt" &
    load=$!
    sleep 3
    perf record -q -F 499 -g -p "$SERVER" -o "$WORK/perf.data" -- sleep 10 >/dev/null 2>&1 || true
    wait "$load"
    perf report -i "$WORK/perf.data" --stdio --no-children --sort dso,symbol --percent-limit 0.7 -g none 2>/dev/null \
        | grep -v '^$' | head -70 >"$OUT/filing-perf.txt" || true
fi

psql_owner -c "SELECT calls, round(total_exec_time::numeric / calls, 3) AS mean_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 110)
               FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 20" >"$OUT/filing-pg-stat-statements.txt"

say "medians (saves/s; pgbench tps)"
for clients in "${CLIENTS[@]}"; do
    service=$(grep "^service FILING clients=$clients " "$RUNS" | tail -n "$ROUNDS" | sed 's/.*saves_per_s=\([0-9.]*\).*/\1/' | sort -n \
        | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    floor=$(grep "^pgbench clients=$clients " "$RUNS" | tail -n "$ROUNDS" | sed 's/.*tps=\([0-9.]*\).*/\1/' | sort -n \
        | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    errors=$(grep "^service FILING clients=$clients " "$RUNS" | tail -n "$ROUNDS" | sed 's/.* errors=\([0-9]*\).*/\1/' | paste -sd+ | bc)
    echo "MEDIAN clients=$clients service=$service floor=$floor ratio=$(awk -v s="$service" -v f="$floor" 'BEGIN { if (f > 0) printf "%.2f", s / f }') errors=$errors" | tee -a "$RUNS"
done
stop_service
