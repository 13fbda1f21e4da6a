#!/usr/bin/env bash
# Memory (docs/benchmarks.md, "Memory"): the service's resident memory under a mixed load
# for 5 minutes: 64 public readers (wrk on a published summary, with Accept-Encoding:
# gzip), 32 filers (bench/filing.lua, as in bench/filing.sh) and 4 live summaries (wrk
# with a secretariat token on GET /v1/summaries/{year}), over a history of 200 countries
# × 10 years × 15 indicators × 3 versions (bench/synthetic-history.sql). VmRSS and VmHWM
# of the service every 5 s; the peak, and the first minute's mean against the last's.
#   bench/memory.sh
# Ports from BENCH_DB_PORT, BENCH_APP_PORT, BENCH_METRICS_PORT (55434/8089/9489).
# MEMORY_SECONDS (300) shortens a trial.
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
install_missing
source "$ROOT/bench/filing-setup.sh"
DURATION=${MEMORY_SECONDS:-300}
BENCH_DB=memory
HISTORY_YEARS=10
LAST=$((2011 + HISTORY_YEARS))
SAMPLES="$OUT/memory-rss.txt"

PG_EXTRA_OPTIONS="-c shared_buffers=256MB -c max_connections=200" start_cluster memory "$BENCH_DB_PORT" fresh
release_binary
prepare_database
say "generating $HISTORY_YEARS years of history"
psql_owner -v countries=200 -v years="$HISTORY_YEARS" -v indicators=15 -v versions=3 -f bench/synthetic-history.sql
prepare_filers 32
curl -sf -X POST "$API/v1/summaries/$LAST/releases" -H "Authorization: Bearer $SECRETARIAT" \
    -H 'Content-Type: application/json' -d '{}' -o /dev/null
curl -sf "$API/v1/public/summaries/$LAST" -o /dev/null || { say "no published summary of $LAST"; exit 1; }

# a fresh process: its memory from the start of the load
stop_service
start_service
current_etags
# the floor: the same process, started and answering, before any load
sleep 5
echo "# $(date -u +%FT%TZ) seconds vmrss_kb vmhwm_kb load1" >"$SAMPLES"
echo "0 $(awk '/^VmRSS/ { r = $2 } /^VmHWM/ { h = $2 } END { print r, h }' "/proc/$SERVER/status") $(cut -d' ' -f1 /proc/loadavg)" \
    | tee -a "$SAMPLES"
say "mixed load for $DURATION s"
wrk -t2 -c64 -d"$DURATION"s --latency -H 'Accept-Encoding: gzip' "$API/v1/public/summaries/$LAST" >"$OUT/memory-public.txt" &
readers=$!
filing_wrk 32 "$DURATION" >"$OUT/memory-filing.txt" &
filers=$!
wrk -t1 -c4 -d"$DURATION"s --latency -H "Authorization: Bearer $SECRETARIAT" "$API/v1/summaries/$LAST" >"$OUT/memory-live.txt" &
live=$!
for t in $(seq 5 5 "$DURATION"); do
    sleep 5
    echo "$t $(awk '/^VmRSS/ { r = $2 } /^VmHWM/ { h = $2 } END { print r, h }' "/proc/$SERVER/status") $(cut -d' ' -f1 /proc/loadavg)" \
        | tee -a "$SAMPLES"
done
wait "$readers" "$filers" "$live"
awk -v d="$DURATION" '!/^#/ && !/^MEMORY/ {
        if ($1 == 0) { idle = $2; next }
        if ($1 <= 60) { first += $2; nf++ }
        if ($1 > d - 60) { last += $2; nl++ }
        if ($3 > peak) peak = $3
    }
    END { printf "MEMORY idle_mb=%.1f peak_mb=%.1f first_minute_mb=%.1f last_minute_mb=%.1f growth=%.1f%%\n",
          idle / 1024, peak / 1024, first / nf / 1024, last / nl / 1024, 100 * (last / nl - first / nf) / (first / nf) }' "$SAMPLES" \
    | tee -a "$SAMPLES"
grep -h "^FILING\|Requests/sec\|Non-2xx\|Socket errors\|requests in" "$OUT"/memory-{public,filing,live}.txt | tee -a "$SAMPLES"
stop_service
