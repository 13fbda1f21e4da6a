#!/usr/bin/env bash
# "Public reads" of docs/benchmarks.md: the latest published summary beside /healthz under
# wrk -t2 -c64 -d20s with `Accept-Encoding: gzip`, three rounds alternating with the
# floor, and the bytes gzip saves on each public document.
#   BENCH_DB_PORT=… BENCH_APP_PORT=… BENCH_METRICS_PORT=… bench/public-reads.sh
# Ports default to 55434/8089/9489, as bench/summary-latency.sh's. BENCH_BIN runs a
# release binary already built (else it is built here); BENCH_ROUNDS (3) and
# BENCH_DURATION (20s) shorten a trial run; BENCH_PERF=1 adds a profile of the server
# (perf record -g, 10 s) under a fourth summary run, after the three rounds. Own cluster, demo data (`alliance seed --demo`).
# Raw wrk output and the sizes go to bench/results/public-reads-*.txt.
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
install_missing
command -v wrk >/dev/null || apt_install wrk

DB_PORT=${BENCH_DB_PORT:-55434}
APP_PORT=${BENCH_APP_PORT:-8089}
METRICS_PORT=${BENCH_METRICS_PORT:-9489}
ROUNDS=${BENCH_ROUNDS:-3}
DURATION=${BENCH_DURATION:-20s}
OUT="$ROOT/bench/results"
BASE="http://127.0.0.1:$APP_PORT"
mkdir -p "$OUT"

start_cluster public-reads "$DB_PORT" fresh
create_database "$DB_PORT" alliance
use_roles "$DB_PORT" alliance
if [ -z "${BENCH_BIN:-}" ]; then
    say "building the release binary"
    swift build -c release --product alliance >/dev/null
    BENCH_BIN="$(swift build -c release --show-bin-path)/alliance"
fi
"$BENCH_BIN" migrate >/dev/null
"$BENCH_BIN" seed --demo | tail -n 1
METRICS_PORT=$METRICS_PORT PORT=$APP_PORT LOG_LEVEL=error "$BENCH_BIN" serve & server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; stop_cluster' EXIT
wait_ready "$BASE/healthz"

year=$(curl -sf "$BASE/v1/public/overview" | python3 -c 'import json,sys; print(max(y["year"] for y in json.load(sys.stdin)["years"]))')
SUMMARY="$BASE/v1/public/summaries/$year"
say "latest published year: $year"

# identity and gzip sizes as sent (curl without --compressed does not decode)
sizes="$OUT/public-reads-sizes.txt"
printf '%-58s %9s %9s %6s %s\n' document identity gzip saved encoding > "$sizes"
for doc in "/v1/public/summaries/$year" "/v1/public/summaries/$year?format=csv" /v1/public/overview \
    "/v1/public/overview?format=csv" /v1/public/indicators/icse_victims_identified/series \
    "/v1/public/indicators/icse_victims_identified/series?format=csv" "/years/$year" /v1/public/reference-series; do
    plain=$(curl -sf -o /dev/null -w '%{size_download}' "$BASE$doc")
    read -r zipped encoding < <(curl -sf -o /dev/null -D - -H 'Accept-Encoding: gzip' -w '%{size_download}' "$BASE$doc" \
        | tr -d '\r' | awk -F': ' 'tolower($1)=="content-encoding"{e=$2} /^[0-9]+$/{n=$0} END{print n, (e==""?"identity":e)}')
    printf '%-58s %9d %9d %5.1f%% %s\n' "$doc" "$plain" "$zipped" "$(echo "100 * (1 - $zipped / $plain)" | bc -l)" "$encoding" >> "$sizes"
done
cat "$sizes"
curl -sf -o /dev/null -D - -H 'Accept-Encoding: gzip' "$SUMMARY" | grep -qi '^content-encoding: gzip' \
    || { say "the summary is not served gzip: stopping"; exit 1; }

# warm both paths, then alternate floor and figure
wrk -t2 -c64 -d3s -H 'Accept-Encoding: gzip' "$BASE/healthz" >/dev/null
wrk -t2 -c64 -d3s -H 'Accept-Encoding: gzip' "$SUMMARY" >/dev/null
load_before=$(uptime)
for round in $(seq "$ROUNDS"); do
    say "round $round: /healthz, then $SUMMARY"
    wrk -t2 -c64 -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "$BASE/healthz" > "$OUT/public-reads-healthz-$round.txt"
    wrk -t2 -c64 -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "$SUMMARY" > "$OUT/public-reads-summary-$round.txt"
done
load_after=$(uptime)
if [ "${BENCH_PERF:-}" = 1 ]; then
    say "profiling the server under the summary's load"
    perf record -g -o "$OUT/public-reads.perf.data" -p "$server" -- sleep 10 >/dev/null 2>&1 &
    perf=$!
    wrk -t2 -c64 -d12s -H 'Accept-Encoding: gzip' "$SUMMARY" >/dev/null
    wait $perf || true
    { perf report -i "$OUT/public-reads.perf.data" --no-children --sort dso -g none --stdio 2>/dev/null | grep '%' | head -n 12
      perf report -i "$OUT/public-reads.perf.data" --no-children --sort symbol -g none --stdio 2>/dev/null | grep '%' | head -n 40
    } > "$OUT/public-reads-perf.txt" || true
fi

# requests/s and p99 (in ms) of a wrk --latency output
rate() { awk '/^Requests\/sec:/{print $2}' "$1"; }
p99() { awk '$1=="99%"{v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else {sub(/s$/,"",v); v*=1000}; print v}' "$1"; }
errors() { awk '/Non-2xx|Socket errors/' "$1" | tr '\n' ' '; }
report="$OUT/public-reads.txt"
{
    echo "wrk -t2 -c64 -d$DURATION --latency -H 'Accept-Encoding: gzip', $ROUNDS rounds alternating; $SUMMARY"
    echo "load before: $load_before"
    echo "load after:  $load_after"
    printf '%-6s %12s %12s %8s %10s %10s %8s\n' round healthz_rps summary_rps ratio healthz_p99 summary_p99 ratio
    for round in $(seq "$ROUNDS"); do
        h="$OUT/public-reads-healthz-$round.txt" s="$OUT/public-reads-summary-$round.txt"
        printf '%-6s %12s %12s %8.3f %8sms %8sms %8.3f %s\n' "$round" "$(rate "$h")" "$(rate "$s")" \
            "$(echo "$(rate "$s") / $(rate "$h")" | bc -l)" "$(p99 "$h")" "$(p99 "$s")" \
            "$(echo "$(p99 "$s") / $(p99 "$h")" | bc -l)" "$(errors "$h")$(errors "$s")"
    done
} > "$report"
awk 'NR>4 {print $4, $7}' "$report" | sort -n -k1 | awk '{r[NR]=$1} END{printf "median requests/s ratio: %.3f (goal >= 0.9)\n", r[int((NR+1)/2)]}' >> "$report"
awk 'NR>4 {print $7}' "$report" | sort -n | awk '{p[NR]=$1} END{printf "median p99 ratio: %.3f (goal <= 1.5)\n", p[int((NR+1)/2)]}' >> "$report"
cat "$report"
