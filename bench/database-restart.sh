#!/usr/bin/env bash
# The resilience check of docs/operations.md: PostgreSQL is stopped twice while
# reads, writes and /readyz probes flow, and started again. Passes when, while it
# is down, every answer is a 503 problem+json and none hangs, /readyz says 503,
# everything succeeds again within 5 s of its return, and no write answered 2xx
# is lost (bench/restart_report.py judges).
#   bench/database-restart.sh [seconds down, first outage] [seconds down, second]
# Runs its own PostgreSQL (default durability settings) on 127.0.0.1:25436 and the
# service on 127.0.0.1:8092. The log and the table go to bench/results/.
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
install_missing

FIRST_OUTAGE=${1:-10}
SECOND_OUTAGE=${2:-30}
DB_PORT=25436
APP_PORT=8092
BASE="http://127.0.0.1:$APP_PORT"
OUT="$ROOT/bench/results"
WORK=$(mktemp -d)
mkdir -p "$OUT"

start_cluster restart "$DB_PORT" fresh
create_database "$DB_PORT" alliance
use_roles "$DB_PORT" alliance

say "building"
swift build --product alliance >/dev/null
BIN="$(swift build --show-bin-path)/alliance"
"$BIN" migrate >/dev/null
"$BIN" seed >/dev/null
token=$("$BIN" token create --role country --country FR --label restart-check | tail -n 1)

METRICS_PORT=9492 PORT=$APP_PORT LOG_LEVEL=notice "$BIN" serve 2> "$WORK/service.log" & server=$!
trap 'kill $server 2>/dev/null; stop_cluster' EXIT
wait_ready "$BASE/readyz"

python3 bench/restart_load.py "$BASE" "$token" FR "$WORK/requests.jsonl" "$WORK/stop" & load=$!
pg() { as_pg "$CLUSTER_BIN/pg_ctl" -D "$PGDATA_DIR" "$@" >/dev/null; }
outage() {
    local mode=$1 seconds=$2
    say "stopping PostgreSQL (-m $mode) for $seconds s"
    echo "stop $(date +%s.%N) $mode" >> "$WORK/events"
    pg -m "$mode" stop
    sleep "$seconds"
    pg -l "$PGDATA_DIR/server.log" -o "-p $DB_PORT -c listen_addresses=127.0.0.1 -k $PGDATA_DIR" -w start
    echo "start $(date +%s.%N)" >> "$WORK/events"
    say "PostgreSQL is back"
}
sleep 5
outage fast "$FIRST_OUTAGE"
sleep 10
# 'immediate' is a crash: no shutdown checkpoint, so the restart replays the WAL
outage immediate "$SECOND_OUTAGE"
sleep 10
touch "$WORK/stop"
wait "$load"
kill -0 "$server" || { say "the service died"; exit 1; }

"$CLUSTER_BIN/psql" -h 127.0.0.1 -p "$DB_PORT" -U alliance -d alliance -tAc \
    "SELECT title FROM commitments WHERE title LIKE 'restart-check %'" > "$WORK/stored"
cp "$WORK/requests.jsonl" "$OUT/database-restart-requests.jsonl"
cp "$WORK/service.log" "$OUT/database-restart-service.log"
python3 bench/restart_report.py "$WORK/requests.jsonl" "$WORK/events" "$WORK/stored" | tee "$OUT/database-restart.md"
