# Shared by scripts/run and scripts/test: install what is missing, and run a
# private PostgreSQL cluster in a git-ignored folder of the working tree.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ -x /opt/swift/usr/bin/swift ] && export PATH="/opt/swift/usr/bin:$PATH"

say() { printf '==> %s\n' "$*" >&2; }

pg_bin() { { ls -d /usr/lib/postgresql/*/bin 2>/dev/null || true; } | sort -V | tail -n 1; }

# PostgreSQL (server and contrib), libpq's headers, pkg-config, and curl and
# python3 for the checks, from the system's packages, when any is missing.
install_missing() {
    local missing=()
    [ -n "$(pg_bin)" ] || missing+=(postgresql postgresql-contrib)
    [ -f /usr/include/postgresql/libpq-fe.h ] || missing+=(libpq-dev)
    command -v pkg-config >/dev/null || missing+=(pkg-config)
    command -v curl >/dev/null || missing+=(curl)
    command -v python3 >/dev/null || missing+=(python3)
    [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
    command -v swift >/dev/null || { say "swift is not on PATH (expected at /opt/swift)"; exit 1; }
}

# apt_install PACKAGE...: from the system's packages, the lists read first (a fresh
# machine has none)
apt_install() {
    say "installing $*"
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# PostgreSQL refuses to run as root: as root, the cluster belongs to 'postgres'.
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# start_cluster NAME PORT [fresh]: starts (creating if needed) the cluster in
# .pgdata/NAME, listening on 127.0.0.1:PORT only, and stops it when the calling
# script exits. 'fresh' throws away what an earlier run left there.
start_cluster() {
    local name=$1 port=$2 fresh=${3:-}
    PGDATA_DIR="$ROOT/.pgdata/$name"
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
        if ! runuser -u postgres -- test -x "$ROOT"; then
            # the checkout is not reachable by 'postgres' (say, under /root)
            PGDATA_DIR="/tmp/alliance-pgdata-$(echo "$ROOT" | cksum | cut -d' ' -f1)/$name"
            say "the working tree is not readable by the postgres user; the cluster lives in $PGDATA_DIR"
        fi
    fi
    local bin; bin=$(pg_bin)
    if [ -f "$PGDATA_DIR/postmaster.pid" ]; then
        as_pg "$bin/pg_ctl" -D "$PGDATA_DIR" -m fast stop >/dev/null 2>&1 || true
    fi
    [ "$fresh" = fresh ] && rm -rf "$PGDATA_DIR"
    mkdir -p "$PGDATA_DIR"
    [ "$(id -u)" -eq 0 ] && chown -R postgres "$(dirname "$PGDATA_DIR")"
    chmod 700 "$PGDATA_DIR"
    if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
        say "creating a PostgreSQL cluster in $PGDATA_DIR"
        # trust on loopback only: a private development cluster, not a server
        as_pg "$bin/initdb" -D "$PGDATA_DIR" -U alliance --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    local options="-p $port -c listen_addresses=127.0.0.1 -k $PGDATA_DIR"
    [ "$name" = test ] && options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500"
    options="$options ${PG_EXTRA_OPTIONS:-}"
    say "starting PostgreSQL on 127.0.0.1:$port"
    as_pg "$bin/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -o "$options" -w start >/dev/null \
        || { tail -n 20 "$PGDATA_DIR/server.log" >&2; exit 1; }
    CLUSTER_BIN=$bin
    trap stop_cluster EXIT
}

stop_cluster() {
    say "stopping PostgreSQL"
    as_pg "$CLUSTER_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast stop >/dev/null 2>&1 || true
}

# create_database PORT NAME: creates the database unless it exists.
create_database() {
    local port=$1 db=$2
    if ! "$CLUSTER_BIN/psql" -h 127.0.0.1 -p "$port" -U alliance -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
        "$CLUSTER_BIN/createdb" -h 127.0.0.1 -p "$port" -U alliance "$db"
    fi
}

# use_roles PORT NAME: the two database roles (docs/operations.md). `alliance migrate`
# and `alliance seed` connect as the owner, here the cluster's bootstrap superuser
# 'alliance' (MIGRATION_DATABASE_URL); everything else connects as the service role
# (DATABASE_URL), which owns nothing and which `alliance migrate` creates. The private
# cluster trusts loopback connections, so neither URL carries a password.
use_roles() {
    local port=$1 db=$2
    export SERVICE_ROLE=alliance_service
    export MIGRATION_DATABASE_URL="postgres://alliance@127.0.0.1:$port/$db"
    export DATABASE_URL="postgres://$SERVICE_ROLE@127.0.0.1:$port/$db"
}

# wait_ready URL: waits up to 20 s for URL to answer 2xx, or stops the script.
wait_ready() {
    for _ in $(seq 100); do curl -sf "$1" >/dev/null && return 0; sleep 0.2; done
    say "$1 did not answer within 20 s"
    exit 1
}
