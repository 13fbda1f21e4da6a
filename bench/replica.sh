#!/usr/bin/env bash
# A real primary and streaming standby with service instances in front (issue 15,
# docs/operations.md "A streaming standby for public reads"):
#   1. a primary, and a standby made with pg_basebackup -R -X stream, streaming;
#   2. instances A and B with DATABASE_URL → primary, DATABASE_REPLICA_URL → standby;
#   3. public reads land on the standby (its pg_stat_database, beside the primary's
#      and beside a quiet interval of the same length), also from a cold instance C;
#   4. releases published on A, timed until B shows them (fails past 5 s; 1 s is the goal);
#   5. the primary stopped for a while: public reads 200, writes 503 problem+json,
#      /readyz 200 "primary":"unreachable", /readyz?writes=true 503; then started again.
# Writes bench/results/replica/summary.md (and the raw output beside it); exits non-zero
# when an expectation fails. REPLICA_EXPECT=none only reports (exit 0 unless a step
# cannot run). REPLICA_BIN names a built `alliance` instead of building one.
# Ports (each overridable): REPLICA_PRIMARY_PORT 25440, REPLICA_STANDBY_PORT 25441,
# instances REPLICA_PORT_A/B/C 25442–25444, their REPLICA_METRICS_PORT_A/B/C 25445–25447.
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
install_missing

PRIMARY_PORT=${REPLICA_PRIMARY_PORT:-25440}
STANDBY_PORT=${REPLICA_STANDBY_PORT:-25441}
PORT_A=${REPLICA_PORT_A:-25442} PORT_B=${REPLICA_PORT_B:-25443} PORT_C=${REPLICA_PORT_C:-25444}
METRICS_A=${REPLICA_METRICS_PORT_A:-25445} METRICS_B=${REPLICA_METRICS_PORT_B:-25446} METRICS_C=${REPLICA_METRICS_PORT_C:-25447}
EXPECT=${REPLICA_EXPECT:-all}
READS=${REPLICA_READS:-200}
RELEASES=${REPLICA_RELEASES:-5}
OUTAGE=${REPLICA_OUTAGE_SECONDS:-10}
SETTLE=${REPLICA_STATS_SETTLE:-12} # s: backends flush pg_stat_database at most every 10 s when idle
A="http://127.0.0.1:$PORT_A" B="http://127.0.0.1:$PORT_B" C="http://127.0.0.1:$PORT_C"
OUT="$ROOT/bench/results/replica"
WORK=$(mktemp -d)
mkdir -p "$OUT"
SUMMARY="$WORK/summary.md"
PROBE="python3 bench/replica_probe.py"

# 1. the primary ------------------------------------------------------------------
PRIMARY_OPTIONS="-c wal_level=replica -c max_wal_senders=5 -c wal_keep_size=256MB"
PG_EXTRA_OPTIONS="$PRIMARY_OPTIONS" start_cluster replica-primary "$PRIMARY_PORT" fresh
PRIMARY_DIR=$PGDATA_DIR
STANDBY_DIR="$(dirname "$PRIMARY_DIR")/replica-standby"
pids=() names=()
cleanup() {
    local pid
    # what was seen so far, also when a step stopped the script
    [ -f "$SUMMARY" ] && cp "$SUMMARY" "$OUT/summary.md"
    cp "$PRIMARY_DIR/server.log" "$OUT/primary.log" 2>/dev/null || true
    cp "$STANDBY_DIR/server.log" "$OUT/standby.log" 2>/dev/null || true
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    say "stopping the standby"
    as_pg "$CLUSTER_BIN/pg_ctl" -D "$STANDBY_DIR" -m fast stop >/dev/null 2>&1 || true
    stop_cluster
    rm -rf "$WORK"
}
trap cleanup EXIT
fail() { say "FAILED: $*"; exit 1; }
psql_at() { "$CLUSTER_BIN/psql" -h 127.0.0.1 -p "$1" -U alliance -d alliance -tAc "$2"; }

# streaming needs a replication entry for loopback: initdb's default has one for all
# roles; this one says it for the role pg_basebackup connects as
HBA_REPLICATION="host replication alliance 127.0.0.1/32 trust"
if ! grep -qxF "$HBA_REPLICATION" "$PRIMARY_DIR/pg_hba.conf"; then
    echo "$HBA_REPLICATION" | as_pg tee -a "$PRIMARY_DIR/pg_hba.conf" >/dev/null
    as_pg "$CLUSTER_BIN/pg_ctl" -D "$PRIMARY_DIR" reload >/dev/null
fi
create_database "$PRIMARY_PORT" alliance
use_roles "$PRIMARY_PORT" alliance
export DATABASE_REPLICA_URL="postgres://$SERVICE_ROLE@127.0.0.1:$STANDBY_PORT/alliance"

if [ -n "${REPLICA_BIN:-}" ]; then
    BIN=$REPLICA_BIN
else
    say "building"
    swift build --product alliance >/dev/null
    BIN="$(swift build --show-bin-path)/alliance"
fi
"$BIN" migrate >/dev/null
"$BIN" seed --demo | tail -n 1
secretariat=$("$BIN" token create --role secretariat --label replica-check | tail -n 1)
country=$("$BIN" token create --role country --country DE --label replica-check | tail -n 1)
YEAR=$(psql_at "$PRIMARY_PORT" "SELECT max(year) FROM summary_releases")
[ -n "$YEAR" ] || fail "the demo published no release"

# ... and the standby -----------------------------------------------------------
say "pg_basebackup -R -X stream -c fast into $STANDBY_DIR"
# a standby left running by an interrupted run: stop it before replacing it
[ -f "$STANDBY_DIR/postmaster.pid" ] && { as_pg "$CLUSTER_BIN/pg_ctl" -D "$STANDBY_DIR" -m fast stop >/dev/null 2>&1 || true; }
rm -rf "$STANDBY_DIR"
as_pg "$CLUSTER_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U alliance -D "$STANDBY_DIR" -R -X stream -c fast
chmod 700 "$STANDBY_DIR"
STANDBY_OPTIONS="-p $STANDBY_PORT -c listen_addresses=127.0.0.1 -k $STANDBY_DIR -c hot_standby=on"
say "starting the standby on 127.0.0.1:$STANDBY_PORT"
as_pg "$CLUSTER_BIN/pg_ctl" -D "$STANDBY_DIR" -l "$STANDBY_DIR/server.log" -o "$STANDBY_OPTIONS" -w start >/dev/null \
    || { tail -n 20 "$STANDBY_DIR/server.log" >&2; fail "the standby did not start"; }
streaming=""
for _ in $(seq 50); do
    streaming=$(psql_at "$PRIMARY_PORT" "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")
    [ "$streaming" -ge 1 ] && break
    sleep 0.2
done
recovery=$(psql_at "$STANDBY_PORT" "SELECT pg_is_in_recovery()")
[ "$streaming" -ge 1 ] || { tail -n 20 "$STANDBY_DIR/server.log" >&2; fail "the primary has no streaming standby (pg_stat_replication)"; }
[ "$recovery" = t ] || fail "the standby is not in recovery (pg_is_in_recovery() = $recovery)"
{
    echo "# bench/replica.sh: a primary, a streaming standby and service instances"
    echo
    echo "$(date -u +%FT%TZ), $(uptime | sed 's/^ *//'), PostgreSQL $(psql_at "$PRIMARY_PORT" 'SHOW server_version'), REPLICA_EXPECT=$EXPECT"
    echo
    echo "## 1. Streaming"
    echo
    echo "- primary 127.0.0.1:$PRIMARY_PORT, standby 127.0.0.1:$STANDBY_PORT: $streaming streaming in pg_stat_replication, standby pg_is_in_recovery() = $recovery"
} > "$SUMMARY"

# 2. instances A and B ------------------------------------------------------------
serve() { # serve NAME PORT METRICS_PORT [RELEASE_POLL_SECONDS]
    RELEASE_POLL_SECONDS=${4:-5} METRICS_PORT=$3 PORT=$2 LOG_LEVEL=notice "$BIN" serve 2> "$OUT/service-$1.log" &
    pids+=($!) names+=("$1")
    wait_ready "http://127.0.0.1:$2/readyz"
    # another process on the port would answer wait_ready in its place
    kill -0 "$!" 2>/dev/null || fail "instance $1 stopped (is 127.0.0.1:$2 or :$3 taken?): see $OUT/service-$1.log"
}
serve A "$PORT_A" "$METRICS_A"
# B re-reads the list of releases once an hour only: a release reaches it by NOTIFY or not at all
serve B "$PORT_B" "$METRICS_B" 3600
{
    echo
    echo "## 2. Instances"
    echo
    $PROBE ready A "$A"
    $PROBE ready B "$B"
} >> "$SUMMARY"

# 3. public reads on the standby ----------------------------------------------------
# xact_commit and tup_returned of the alliance database on PORT, as "xact tup"
counters() { psql_at "$1" "SELECT xact_commit, tup_returned FROM pg_stat_database WHERE datname = 'alliance'" | tr '|' ' '; }
both() { echo "$(counters "$PRIMARY_PORT") $(counters "$STANDBY_PORT")"; }
# delta BEFORE AFTER → "primary Δxact Δtup standby Δxact Δtup"
delta() { read -r p1 p2 s1 s2 <<< "$1"; read -r q1 q2 t1 t2 <<< "$2"; echo "$((q1 - p1)) $((q2 - p2)) $((t1 - s1)) $((t2 - s2))"; }
row() { read -r px pt sx st <<< "$2"; echo "| $1 | $sx | $st | $px | $pt |"; }
sleep "$SETTLE"
before=$(both); started=$(date +%s.%N)
$PROBE reads "$A" "$READS" /v1/indicators /v1/countries > "$WORK/reads.md"
sleep "$SETTLE"
loaded=$(delta "$before" "$(both)")
length=$(python3 -c "print(round($(date +%s.%N) - $started, 1))")
before=$(both)
sleep "$length"
quiet=$(delta "$before" "$(both)")
read -r _ _ load_sx _ <<< "$loaded"
read -r _ _ quiet_sx _ <<< "$quiet"

serve C "$PORT_C" "$METRICS_C"
sleep "$SETTLE"
before=$(both)
cold_summary=$(curl -s -o /dev/null -w '%{http_code}' "$C/v1/public/summaries/$YEAR")
cold_page=$(curl -s -o /dev/null -w '%{http_code}' "$C/")
sleep "$SETTLE"
cold=$(delta "$before" "$(both)")
before=$(both)
sleep "$SETTLE"
cold_quiet=$(delta "$before" "$(both)")
read -r _ _ cold_sx _ <<< "$cold"
read -r _ _ cold_quiet_sx _ <<< "$cold_quiet"
check() { if [ "$1" = ok ]; then echo "- ok: $2"; else echo "- FAIL: $2"; fi; }
{
    echo
    echo "## 3. Public reads on the standby (pg_stat_database, database alliance)"
    echo
    cat "$WORK/reads.md"
    echo
    echo "Each reading of the counters is itself one transaction on each cluster (psql): a quiet interval's 2 is the probe."
    echo
    echo "| interval | standby xact_commit | standby tup_returned | primary xact_commit | primary tup_returned |"
    echo "|---|---|---|---|---|"
    row "$READS reads on A, ${length} s (stats settle ${SETTLE} s included)" "$loaded"
    row "quiet, ${length} s, no requests" "$quiet"
    row "cold C: /v1/public/summaries/$YEAR ($cold_summary) and / ($cold_page), ${SETTLE}×2 s" "$cold"
    row "quiet, ${SETTLE}×2 s, no requests" "$cold_quiet"
    echo
    check "$([ $((load_sx - quiet_sx)) -ge "$READS" ] && echo ok)" \
        "the standby's xact_commit grew by at least one per read beyond its quiet interval ($((load_sx - quiet_sx)) for $READS)"
    check "$([ "$cold_summary" = 200 ] && [ "$cold_page" = 200 ] && [ "$cold_sx" -gt "$cold_quiet_sx" ] && echo ok)" \
        "cold instance C: both reads 200 and the standby's xact_commit grew beyond its quiet interval ($cold_sx against $cold_quiet_sx)"
} >> "$SUMMARY"

# 4. a release published on A, timed until B shows it -------------------------------
{
    echo
    echo "## 4. Releases of $YEAR published on A, until B's \`/v1/public/summaries/$YEAR\` shows them (polled every 10 ms)"
    echo
    $PROBE arrival "$A" "$B" "$secretariat" "$YEAR" "$RELEASES"
} >> "$SUMMARY"

# 5. the primary stopped ------------------------------------------------------------
say "stopping the primary (-m fast) for $OUTAGE s"
as_pg "$CLUSTER_BIN/pg_ctl" -D "$PRIMARY_DIR" -m fast stop >/dev/null
{
    echo
    echo "## 5. The primary stopped (\`pg_ctl stop -m fast\`) for $OUTAGE s, requests to A and B"
    echo
    $PROBE outage "$OUTAGE" "$country" DE "$YEAR" "$A" "$B"
} >> "$SUMMARY"
as_pg "$CLUSTER_BIN/pg_ctl" -D "$PRIMARY_DIR" -l "$PRIMARY_DIR/server.log" \
    -o "-p $PRIMARY_PORT -c listen_addresses=127.0.0.1 -k $PRIMARY_DIR $PRIMARY_OPTIONS" -w start >/dev/null
restarted=$(date +%s.%N)
say "the primary is back"
$PROBE resume "$A" "$country" DE "$restarted" >> "$SUMMARY"
# the standby's WAL receiver connects again by itself (wal_retrieve_retry_interval, 5 s)
streaming=0
for _ in $(seq 150); do
    streaming=$(psql_at "$PRIMARY_PORT" "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")
    [ "$streaming" -ge 1 ] && break
    sleep 0.2
done
back=$(python3 -c "print(round($(date +%s.%N) - $restarted, 1))")
check "$([ "$streaming" -ge 1 ] && echo ok)" "the standby streams again, ${back} s after the primary's start (30 s allowed)" >> "$SUMMARY"
for i in 0 1 2; do kill -0 "${pids[$i]}" 2>/dev/null || echo "- FAIL: instance ${names[$i]} died" >> "$SUMMARY"; done

# 6. the summary ---------------------------------------------------------------------
failures=$(grep -c '^- FAIL' "$SUMMARY" || true)
{
    echo
    echo "## Result"
    echo
    echo "At the end: $(uptime | sed 's/^ *//')"
    echo
    if [ "$failures" -eq 0 ]; then echo "Every expectation held."; else echo "$failures expectation(s) failed (the FAIL lines above)."; fi
} >> "$SUMMARY"
cat "$SUMMARY"
if [ "$failures" -gt 0 ]; then
    if [ "$EXPECT" = none ]; then
        say "$failures expectation(s) failed; REPLICA_EXPECT=none: reported only"
    else
        fail "$failures expectation(s) failed: see bench/results/replica/summary.md"
    fi
fi
