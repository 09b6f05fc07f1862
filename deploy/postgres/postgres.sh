#!/usr/bin/env bash
# Local PostgreSQL cluster for careloop's integration tests and development.
#
#   deploy/postgres/postgres.sh start    install (Debian apt) if needed, init once, start,
#                                        ensure role + databases; prints the test database URL
#   deploy/postgres/postgres.sh stop     fast shutdown
#   deploy/postgres/postgres.sh status   exit 0 when running
#   deploy/postgres/postgres.sh url      print the test database URL
#
# Environment (all optional):
#   CARELOOP_PG_DATA   cluster home (default: <repo>/var/postgres; data in ./data, log in ./postgres.log)
#   CARELOOP_PG_PORT   TCP port on 127.0.0.1 (default: 5432; when unset and 5432 is taken by
#                      something else, the first free port in 5433..5442 is used and remembered)
#   CARELOOP_PG_BIN    directory holding initdb/pg_ctl (default: newest /usr/lib/postgresql/*/bin)
#
# The server runs as the `postgres` OS user (PostgreSQL refuses to run as root). It listens on
# 127.0.0.1 only, with a Unix socket in <home>/run. Role careloop / password careloop owns the
# databases careloop and careloop_test. Durability is relaxed (fsync off): test data only.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
PG_USER=postgres
HOST=127.0.0.1
ROLE=careloop
PASSWORD=careloop
DATABASES=(careloop careloop_test)

log() { printf '[postgres.sh] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

as_pg() { runuser -u "$PG_USER" -- "$@"; }

PG_HOME="${CARELOOP_PG_DATA:-$REPO_ROOT/var/postgres}"

find_bin() {
  if [[ -n "${CARELOOP_PG_BIN:-}" ]]; then echo "$CARELOOP_PG_BIN"; return 0; fi
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
  if [[ -n "$d" && -x "$d/pg_ctl" && -x "$d/initdb" ]]; then echo "$d"; return 0; fi
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"; return 0
  fi
  return 1
}

ensure_installed() {
  if PG_BIN="$(find_bin)"; then return 0; fi
  [[ "$(id -u)" == 0 ]] || die "PostgreSQL is not installed and we are not root (apt-get install -y postgresql)"
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is not installed and apt-get is not available"
  log "installing PostgreSQL from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || apt-get update >&2
  apt-get install -y -qq postgresql >&2
  PG_BIN="$(find_bin)" || die "initdb/pg_ctl still missing after apt-get install postgresql"
  # The package may start a system cluster ("main") on 5432; we leave it alone and pick
  # another port below if it is in the way.
}

ensure_user() {
  id -u "$PG_USER" >/dev/null 2>&1 || die "OS user '$PG_USER' does not exist (it comes with the postgresql package)"
}

# The postgres user must be able to reach PG_HOME; a checkout under /root is not reachable.
choose_home() {
  local parent
  parent="$(dirname "$PG_HOME")"
  mkdir -p "$parent"
  if ! as_pg test -x "$parent"; then
    local fallback="/var/lib/careloop/postgres-$(printf '%s' "$PG_HOME" | cksum | cut -d' ' -f1)"
    log "the '$PG_USER' user cannot reach $parent; using $fallback"
    PG_HOME="$fallback"
  fi
  DATA="$PG_HOME/data"
  RUN_DIR="$PG_HOME/run"
  LOG_FILE="$PG_HOME/postgres.log"
  PORT_FILE="$PG_HOME/port"
}

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

is_running() { [[ -f "$DATA/postmaster.pid" ]] && as_pg "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

current_port() {
  if [[ -n "${CARELOOP_PG_PORT:-}" ]]; then echo "$CARELOOP_PG_PORT"
  elif [[ -f "$PORT_FILE" ]]; then cat "$PORT_FILE"
  else echo 5432
  fi
}

pick_port() {
  if [[ -n "${CARELOOP_PG_PORT:-}" ]]; then
    port_open "$CARELOOP_PG_PORT" && die "port $HOST:$CARELOOP_PG_PORT is already in use"
    echo "$CARELOOP_PG_PORT"; return 0
  fi
  local p
  for p in 5432 5433 5434 5435 5436 5437 5438 5439 5440 5441 5442; do
    if ! port_open "$p"; then echo "$p"; return 0; fi
  done
  die "no free port in 5432..5442 (set CARELOOP_PG_PORT)"
}

url() { echo "postgresql+psycopg2://$ROLE:$PASSWORD@$HOST:$(current_port)/${1:-careloop_test}"; }

init_cluster() {
  if [[ -f "$DATA/PG_VERSION" ]]; then return 0; fi
  log "initialising a cluster in $DATA"
  mkdir -p "$DATA"
  chown -R "$PG_USER": "$PG_HOME"
  chmod 700 "$DATA"
  as_pg "$PG_BIN/initdb" -D "$DATA" -U "$PG_USER" -E UTF8 --no-locale \
    --auth-local=peer --auth-host=scram-sha-256 >"$PG_HOME/initdb.log" 2>&1 \
    || { tail -n 30 "$PG_HOME/initdb.log" >&2; die "initdb failed"; }
  cat >> "$DATA/postgresql.conf" <<'EOF'

# --- careloop local/test cluster (deploy/postgres/postgres.sh) ---
listen_addresses = '127.0.0.1'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
log_min_messages = warning
log_line_prefix = '%m [%p] %q%u@%d '
EOF
}

sql() { as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$RUN_DIR" -p "$(current_port)" -d postgres "$@"; }

ensure_objects() {
  sql <<EOF >/dev/null
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD' CREATEDB;
  ELSE
    ALTER ROLE $ROLE LOGIN PASSWORD '$PASSWORD' CREATEDB;
  END IF;
END
\$\$;
EOF
  local db
  for db in "${DATABASES[@]}"; do
    if [[ -z "$(sql -tA -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]]; then
      sql -c "CREATE DATABASE $db OWNER $ROLE" >/dev/null
      log "created database $db"
    fi
  done
}

cmd_start() {
  ensure_installed
  ensure_user
  choose_home
  init_cluster
  mkdir -p "$RUN_DIR"
  chown "$PG_USER": "$PG_HOME" "$RUN_DIR"
  touch "$LOG_FILE" && chown "$PG_USER": "$LOG_FILE"
  if is_running; then
    log "already running on $HOST:$(current_port) (data $DATA)"
  else
    local port
    port="$(pick_port)"
    echo "$port" > "$PORT_FILE"
    log "starting PostgreSQL ($("$PG_BIN/postgres" --version | awk '{print $3}')) on $HOST:$port, data $DATA"
    if ! as_pg "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOG_FILE" -w -t 60 \
          -o "-p $port -k $RUN_DIR -c listen_addresses=$HOST" start >/dev/null; then
      tail -n 30 "$LOG_FILE" >&2 || true
      die "PostgreSQL did not start"
    fi
  fi
  ensure_objects
  log "ready: $(url)"
  url
}

cmd_stop() {
  choose_home_quiet
  if [[ -z "${PG_BIN:-}" ]] || ! is_running; then
    log "not running"
    return 0
  fi
  log "stopping PostgreSQL (data $DATA)"
  as_pg "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null \
    || as_pg "$PG_BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null
  log "stopped"
}

choose_home_quiet() {
  PG_BIN="$(find_bin || true)"
  if id -u "$PG_USER" >/dev/null 2>&1; then choose_home 2>/dev/null; else
    DATA="$PG_HOME/data"; RUN_DIR="$PG_HOME/run"; LOG_FILE="$PG_HOME/postgres.log"; PORT_FILE="$PG_HOME/port"
  fi
}

cmd_status() {
  choose_home_quiet
  if [[ -n "${PG_BIN:-}" ]] && is_running; then
    echo "running: $HOST:$(current_port), data $DATA"
    return 0
  fi
  echo "stopped"
  return 3
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  restart) cmd_stop; cmd_start ;;
  status) cmd_status ;;
  url) choose_home_quiet; url "${2:-careloop_test}" ;;
  *)
    echo "usage: $0 start|stop|restart|status|url [database]" >&2
    exit 2
    ;;
esac
