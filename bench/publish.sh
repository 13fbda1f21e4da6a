#!/usr/bin/env bash
# Publishing many releases in a row (docs/benchmarks.md, "Publishing"): the demo data
# (21 releases of 2013–2025), then N more releases of the demo's last published year,
# one after another, each timed by curl, beside a GET /healthz timed the same way
# right before it. A release decides every figure against every sum published before
# it, of every year, so its time is what to watch as releases pile up.
#   BENCH_DB_PORT=55434 BENCH_APP_PORT=8089 BENCH_METRICS_PORT=9489 \
#   BENCH_BIN=path/to/alliance PUBLISH_COUNT=60 bench/publish.sh
# Without BENCH_BIN it builds the release binary. Results: bench/results/publish.txt.
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
DB_PORT=${BENCH_DB_PORT:-55434}
APP_PORT=${BENCH_APP_PORT:-8089}
METRICS_PORT=${BENCH_METRICS_PORT:-9489}
COUNT=${PUBLISH_COUNT:-60}
API="http://127.0.0.1:$APP_PORT"
OUT=$ROOT/bench/results/publish.txt
mkdir -p "$(dirname "$OUT")"

start_cluster bench-publish "$DB_PORT" fresh
trap stop_cluster EXIT
create_database "$DB_PORT" alliance
use_roles "$DB_PORT" alliance
if [ -n "${BENCH_BIN:-}" ]; then
    BIN=$BENCH_BIN
else
    swift build -c release --product alliance >/dev/null
    BIN="$(swift build -c release --show-bin-path)/alliance"
fi
"$BIN" migrate >/dev/null
"$BIN" seed --demo | tail -n 1
token=$("$BIN" token create --role secretariat --label bench-publish | tail -n 1)
METRICS_PORT=$METRICS_PORT PORT=$APP_PORT LOG_LEVEL=error "$BIN" serve 2>>"$ROOT/bench/results/publish-service.log" & server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; stop_cluster' EXIT
wait_ready "$API/readyz"
year=$(curl -sf "$API/v1/public/releases" | python3 -c 'import json, sys; print(max(r["year"] for r in json.load(sys.stdin)["releases"]))')

{
    echo "# $(date -u +%FT%TZ) $(git rev-parse --short HEAD) $COUNT releases of $year after the demo's; load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "# n status publish_s healthz_s"
    for n in $(seq "$COUNT"); do
        healthz=$(curl -s -o /dev/null -w '%{time_total}' "$API/healthz")
        answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X POST "$API/v1/summaries/$year/releases" \
            -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{}')
        echo "$n $answer $healthz"
    done
} | tee "$OUT" | awk '!/^#/ { n++; t[n] = $3; if ($2 != 201) bad++ }
    END { for (i = 1; i <= n; i += 10) { s = 0; for (j = i; j < i + 10 && j <= n; j++) s += t[j]; printf "releases %d-%d: mean %.3f s\n", i, j - 1, s / (j - i) }
          printf "answers other than 201: %d\n", bad }'
