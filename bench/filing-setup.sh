# Shared by bench/filing.sh and bench/memory.sh (sourced, after scripts/lib.sh): the
# ports, the release binary, a migrated and seeded database with an open cycle, one
# country token per filer, and each filer's report created once.
BENCH_DB_PORT=${BENCH_DB_PORT:-55434}
BENCH_APP_PORT=${BENCH_APP_PORT:-8089}
BENCH_METRICS_PORT=${BENCH_METRICS_PORT:-9489}
API="http://127.0.0.1:$BENCH_APP_PORT"
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
WORK=$(mktemp -d)
YEAR=$(( $(date -u +%Y) - 1 ))
command -v wrk >/dev/null || apt_install wrk

# the release binary, unless FILING_BIN names another (a debug build, to try the script)
release_binary() {
    if [ -n "${FILING_BIN:-}" ]; then BIN=$FILING_BIN; return; fi
    say "building the release binary"
    swift build -c release --product alliance >/dev/null
    BIN="$(swift build -c release --show-bin-path)/alliance"
}

psql_owner() { "$CLUSTER_BIN/psql" -q -X -h 127.0.0.1 -p "$BENCH_DB_PORT" -U alliance -d "$BENCH_DB" "$@"; }

# start_service: the service on BENCH_APP_PORT, its pid in $SERVER
start_service() {
    if curl -s -o /dev/null "$API/healthz"; then say "something already answers on $API"; exit 1; fi
    METRICS_PORT=$BENCH_METRICS_PORT PORT=$BENCH_APP_PORT LOG_LEVEL=error "$BIN" serve >>"$OUT/$BENCH_DB-service.log" 2>&1 &
    SERVER=$!
    trap stop_all EXIT
    wait_ready "$API/healthz"
    kill -0 "$SERVER" || { say "the service did not start: $OUT/$BENCH_DB-service.log"; exit 1; }
}

stop_service() {
    [ -n "${SERVER:-}" ] || return 0
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    SERVER=
}

# the service and the cluster stop with the script, however it ends
stop_all() { stop_service; stop_cluster; }

# prepare_database: database $BENCH_DB migrated and seeded, a secretariat token in $SECRETARIAT.
# prepare_filers N: the service started, the cycle of $YEAR open today, N member countries
# each with a country token and a report at version 1.
# Writes $WORK/clients ("CC token etag") and $WORK/indicators ("code:kind,…").
prepare_database() {
    create_database "$BENCH_DB_PORT" "$BENCH_DB"
    use_roles "$BENCH_DB_PORT" "$BENCH_DB"
    "$BIN" migrate >/dev/null && "$BIN" seed >/dev/null
    SECRETARIAT=$("$BIN" token create --role secretariat --label bench | tail -n 1)
}

prepare_filers() {
    local filers=$1
    start_service
    local today opens locks
    today=$(date -u +%F); opens=$(date -u -d '-10 days' +%F); locks=$(date -u -d '+60 days' +%F)
    curl -sf -X PUT "$API/v1/cycles/$YEAR" -H "Authorization: Bearer $SECRETARIAT" -H 'Content-Type: application/json' \
        -d "{\"opens_on\":\"$opens\",\"due_on\":\"$today\",\"locks_on\":\"$locks\"}" -o /dev/null
    psql_owner -tAc "SELECT string_agg(code || ':' || measure_kind, ',' ORDER BY code) FROM indicators" >"$WORK/indicators"
    : >"$WORK/tokens"
    for cc in $(psql_owner -tAc "SELECT DISTINCT country FROM memberships WHERE joined_on <= make_date($YEAR, 1, 1)
                                 AND left_on IS NULL ORDER BY country LIMIT $filers"); do
        echo "$cc $("$BIN" token create --role country --country "$cc" --label bench | tail -n 1)" >>"$WORK/tokens"
    done
    [ "$(wc -l <"$WORK/tokens")" -eq "$filers" ] || { say "fewer than $filers member countries"; exit 1; }
    psql_owner -c "CREATE TABLE bench_filers (n int PRIMARY KEY, country char(2), token_id bigint)" \
               -c "GRANT SELECT ON bench_filers TO alliance_app"
    local n=0 cc token
    while read -r cc token; do
        curl -sf -X PUT "$API/v1/countries/$cc/reports/$YEAR" -H "Authorization: Bearer $token" \
            -H 'Content-Type: application/json' -d '{"values":[]}' -o /dev/null
        psql_owner -c "INSERT INTO bench_filers VALUES ($n, '$cc', $(echo "$token" | cut -d_ -f2))"
        n=$((n + 1))
    done <"$WORK/tokens"
    current_etags
}

# current_etags: $WORK/clients from the reports as they stand (pgbench moves them too)
current_etags() {
    psql_owner -tA -F ' ' -c "SELECT country, current_version FROM reports WHERE year = $YEAR" >"$WORK/etags"
    : >"$WORK/clients"
    local cc token
    while read -r cc token; do
        echo "$cc $token $(awk -v cc="$cc" '$1 == cc { print $2 }' "$WORK/etags")" >>"$WORK/clients"
    done <"$WORK/tokens"
}

# filing_wrk N SECONDS: N connections (one per wrk thread) saving whole reports
filing_wrk() {
    FILING_CLIENTS=$WORK/clients FILING_INDICATORS=$(cat "$WORK/indicators") FILING_YEAR=$YEAR \
        wrk -t"$1" -c"$1" -d"$2"s --latency -s "$ROOT/bench/filing.lua" "$API/"
}

# cpu_ticks PID: user + system clock ticks the process has used
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
